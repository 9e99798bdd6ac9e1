using ClimateAD.Physics.Models;

namespace ClimateAD.Physics.Lorenz96;

/// <summary>
/// The one-scale Lorenz-96 model with a closure for the unresolved fast scales as a scenario model,
/// <c>lorenz96-one-scale</c> (Wilks 2005; Arnold et al. 2013):
/// <code>
///   dX_k/dt = −X_{k−1}(X_{k−2} − X_{k+1}) − X_k + F + S(X_k)
/// </code>
/// with S the cubic polynomial of <see cref="CubicSubgridTerm"/> (coefficients in <c>[parameters]</c>),
/// or, when <c>[model] closure_network</c> names an ONNX file, that network (a learned closure, e.g.
/// the <c>closure-online.onnx</c> written by <c>climatead train</c>; 1 input, 1 output). K slow variables
/// (setting <c>slow_variables</c>), RK4, model time units. See docs/models/lorenz96.md and docs/hybrid.md.
/// </summary>
public static class Lorenz96OneScaleModel
{
    /// <summary>Scenario name.</summary>
    public const string Name = "lorenz96-one-scale";

    /// <summary>File setting: an ONNX closure network replacing the cubic.</summary>
    public const string ClosureNetwork = "closure_network";

    /// <summary>Scenario name and metadata of the model.</summary>
    public static ModelDescriptor Descriptor { get; } = new(
        Name,
        "One-scale Lorenz-96 with a closure S(X_k): the cubic polynomial, or a learned network from an ONNX file (Wilks 2005).",
        "docs/models/lorenz96.md",
        Lorenz96ParameterTable.OneScale(new CubicSubgridTerm()),
        ["rk4"],
        [
            new("x", "1", "Slow variables X_k") { Axes = ["k"] },
            new("x_mean", "1", "Mean of the slow variables over k"),
            new("x_energy", "1", "Mean energy of the slow variables, (1/2K) sum_k X_k^2"),
            new("closure_mean", "1", "Mean closure tendency S(X_k) over k"),
        ])
    {
        TimeUnit = ModelTimeUnit.LorenzTimeUnit,
        UsesForcing = false,
        SupportsEnsemble = false,
        Settings = [new(Lorenz96Model.SlowVariables, "1", 8, 4, 4096, true, "Number of slow variables K (a ring)")],
        InitialSettings =
        [
            new(Lorenz96Model.Spinup, "MTU", 10.0, 0.0, 10_000.0, false,
                "Spin-up from X_k = F + 0.1u (u uniform in [-1, 1]), discarded before the run starts"),
            new(Lorenz96Model.Seed, "1", 1996, 0, int.MaxValue, true, "Seed of the initial perturbation u"),
        ],
        FileSettings = new Dictionary<string, string>
        {
            [ClosureNetwork] = "ONNX file of an MLP closure S(X) with 1 input and 1 output (replaces the cubic; its coefficients must then not be set)",
        },
    };
}
