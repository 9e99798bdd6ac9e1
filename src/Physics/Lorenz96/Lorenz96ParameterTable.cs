using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.Lorenz96;

/// <summary>
/// Differentiable parameters of the Lorenz-96 models (Lorenz 1996, "Predictability – a problem
/// partly solved", Proc. ECMWF Seminar on Predictability, 1–18; Wilks 2005, Q. J. R. Meteorol. Soc.
/// 131:389–407). The model is nondimensional, so every unit is <c>1</c>; time is in model time
/// units (MTU, 1 MTU ≈ 5 days in Lorenz's scaling). The structure (K slow and J fast variables
/// per slow variable) is not a parameter: it is fixed when the model is built.
/// </summary>
/// <remarks>
/// Two-scale θ = (F, h, b, c), defaults those of Lorenz (1996): F = 10, h = 1, b = c = 10.
/// One-scale θ = (F, φ…), φ the parameters of the subgrid term (<see cref="ISubgridTerm.Parameters"/>).
/// </remarks>
public static class Lorenz96ParameterTable
{
    /// <summary>Name of the large-scale forcing F.</summary>
    public const string Forcing = "forcing";
    /// <summary>Name of the coupling strength h.</summary>
    public const string Coupling = "coupling";
    /// <summary>Name of the spatial-scale ratio b.</summary>
    public const string SpatialScaleRatio = "spatial_scale_ratio";
    /// <summary>Name of the time-scale ratio c.</summary>
    public const string TimeScaleRatio = "time_scale_ratio";

    /// <summary>The forcing F, shared by both models.</summary>
    public static ParameterSpec ForcingSpec { get; } = new(Forcing, "F", "1", 10.0, 0.0, 40.0,
        "Constant large-scale forcing of every slow variable; the one-scale model with K = 36 is chaotic at F = 8 (Lorenz & Emanuel 1998).");

    /// <summary>θ of the two-scale model, in order (F, h, b, c).</summary>
    public static ParameterTable TwoScale { get; } = new(
    [
        ForcingSpec,
        new(Coupling, "h", "1", 1.0, 0.0, 4.0,
            "Coupling strength between slow and fast variables; the exchange coefficient is h·c/b (Lorenz 1996)."),
        new(SpatialScaleRatio, "b", "1", 10.0, 1.0, 50.0,
            "Ratio of slow to fast amplitudes: fast variables are about b times smaller (Lorenz 1996)."),
        new(TimeScaleRatio, "c", "1", 10.0, 1.0, 50.0,
            "Ratio of fast to slow time scales: fast variables evolve about c times faster (Lorenz 1996)."),
    ]);

    /// <summary>θ = (F, h, b, c) of Lorenz (1996): K = 36, J = 10, F = 10, h = 1, b = c = 10.</summary>
    public static double[] Lorenz1996Values() => [10.0, 1.0, 10.0, 10.0];

    /// <summary>θ = (F, h, b, c) = (20, 1, 10, 10) for K = 8, J = 32: the sizes of Wilks (2005) with F, b, c of one experiment of Arnold et al. (2013).</summary>
    public static double[] Wilks2005Values() => [20.0, 1.0, 10.0, 10.0];

    /// <summary>θ of a one-scale model: (F) followed by the subgrid term's φ (none when <paramref name="subgrid"/> is <c>null</c>).</summary>
    public static ParameterTable OneScale(ISubgridTerm? subgrid) =>
        subgrid is null ? new ParameterTable([ForcingSpec]) : new ParameterTable([ForcingSpec]).Concat(subgrid.Parameters);
}
