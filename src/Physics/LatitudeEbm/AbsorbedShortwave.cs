using ClimateAD.Grid.Numerics;

namespace ClimateAD.Physics.LatitudeEbm;

/// <summary>
/// Absorbed sunlight in one latitude cell as an <see cref="IPointwiseFunction"/> of seven inputs,
/// so that <see cref="LocalJacobian"/> gives its tangent and adjoint from the one generic body:
/// <code>
///   R(T; S₀, α₀, α₂, α_i, T_i, w) = (S₀/4) s(x) (1 − α(x, T))        (W m⁻²)
/// </code>
/// with α from <see cref="IceAlbedo"/> and the cell constants s(x) (<see cref="AnnualInsolation"/>) and
/// P₂(x) held in the struct. Inputs in order: T (°C), S₀, α₀, α₂, α_i, T_i, w (see
/// <see cref="LatitudeEbmParameterTable"/>); one output.
/// </summary>
/// <param name="Insolation">s(x) of the cell, dimensionless.</param>
/// <param name="P2">P₂(x) of the cell.</param>
public readonly record struct AbsorbedShortwave(double Insolation, double P2) : IPointwiseFunction
{
    /// <summary>Seven: T, S₀, α₀, α₂, α_i, T_i, w.</summary>
    public int InputCount => 7;

    /// <summary>One: the absorbed flux.</summary>
    public int OutputCount => 1;

    /// <summary>θ index of input k ≥ 1 (input 0 is the temperature), in <see cref="LatitudeEbmParameterTable.Surface"/> order.</summary>
    public static ReadOnlySpan<int> ParameterIndices => [0, 4, 5, 6, 7, 8];

    /// <inheritdoc />
    public void Evaluate<T>(ReadOnlySpan<T> inputs, Span<T> outputs) where T : unmanaged, IScalar<T>
    {
        T albedo = IceAlbedo.Evaluate(inputs[0], T.FromDouble(P2), inputs[2], inputs[3], inputs[4], inputs[5], inputs[6]);
        outputs[0] = inputs[1] * T.FromDouble(0.25 * Insolation) * (T.One - albedo);
    }

    /// <summary>R in double precision for temperature <paramref name="temperature"/> and parameters <paramref name="p"/>.</summary>
    public double Evaluate(double temperature, in LatitudeEbmParameters p) =>
        p.SolarConstant * (0.25 * Insolation) * (1.0 - IceAlbedo.Evaluate<Real>(temperature, P2, p.IceFreeAlbedo, p.IceFreeAlbedoP2,
            p.IceAlbedo, p.IceEdgeTemperature, p.TransitionWidth));
}
