namespace ClimateAD.Calibration.Transforms;

/// <summary>
/// θ = a + eᵘ, u = ln(θ − a), dθ/du = eᵘ = θ − a: keeps θ above the lower bound a (a = 0 is the
/// plain log transform of a positive parameter). A step of δu is a relative change of θ − a, which
/// suits scale parameters such as heat capacities.
/// </summary>
/// <param name="lower">The lower bound a (finite).</param>
public sealed class LogTransform(double lower) : ParameterTransform
{
    /// <summary>The lower bound a.</summary>
    public double Lower { get; } = double.IsFinite(lower) ? lower : throw new ArgumentOutOfRangeException(nameof(lower), "The lower bound must be finite.");

    /// <inheritdoc />
    public override TransformKind Kind => TransformKind.Log;

    /// <inheritdoc />
    public override double ToParameter(double u) => Lower + Math.Exp(u);

    /// <inheritdoc />
    public override double ToUnbounded(double theta) =>
        Admits(theta) ? Math.Log(theta - Lower) : throw new ArgumentOutOfRangeException(nameof(theta), theta, $"Must exceed {Lower}.");

    /// <inheritdoc />
    public override double Derivative(double u) => Math.Exp(u);

    /// <inheritdoc />
    public override bool Admits(double theta) => double.IsFinite(theta) && theta > Lower;
}
