using ClimateAD.Physics.Models;

namespace ClimateAD.Physics.Lorenz96;

/// <summary>
/// The two-scale Lorenz-96 system (Lorenz 1996) as a scenario model, <c>lorenz96-two-scale</c>:
/// <code>
///   dX_k/dt   = −X_{k−1}(X_{k−2} − X_{k+1}) − X_k + F − (h c / b) Σ_j Y_{j,k}
///   dY_{j,k}/dt = −c b Y_{j+1,k}(Y_{j+2,k} − Y_{j−1,k}) − c Y_{j,k} + (h c / b) X_k
/// </code>
/// K slow variables X (setting <c>slow_variables</c>), J fast variables per slow one
/// (<c>fast_per_slow</c>), parameters θ = (F, h, b, c); time in model time units (1 MTU ≈ 5 days),
/// RK4. See <see cref="TwoScaleLorenz96"/> and docs/models/lorenz96.md.
/// </summary>
public static class Lorenz96Model
{
    /// <summary>Scenario name.</summary>
    public const string Name = "lorenz96-two-scale";

    /// <summary>Setting: number of slow variables K.</summary>
    public const string SlowVariables = "slow_variables";

    /// <summary>Setting: fast variables per slow variable J.</summary>
    public const string FastPerSlow = "fast_per_slow";

    /// <summary>Initial setting: spin-up length discarded before the run, MTU.</summary>
    public const string Spinup = "spinup";

    /// <summary>Initial setting: seed of the initial perturbation.</summary>
    public const string Seed = "seed";

    /// <summary>Scenario name and metadata of the model.</summary>
    public static ModelDescriptor Descriptor { get; } = new(
        Name,
        "Two-scale Lorenz-96 system: K slow and K·J fast variables on rings, coupling h·c/b (Lorenz 1996).",
        "docs/models/lorenz96.md",
        Lorenz96ParameterTable.TwoScale,
        ["rk4"],
        [
            new("x", "1", "Slow variables X_k") { Axes = ["k"] },
            new("y", "1", "Fast variables Y_j,k") { Axes = ["k", "j"] },
            new("x_mean", "1", "Mean of the slow variables over k"),
            new("x_energy", "1", "Mean energy of the slow variables, (1/2K) sum_k X_k^2"),
            new("coupling_mean", "1", "Mean coupling term -(h c/b) sum_j Y_j,k over k"),
        ])
    {
        TimeUnit = ModelTimeUnit.LorenzTimeUnit,
        UsesForcing = false,
        SupportsEnsemble = false,
        Settings =
        [
            new(SlowVariables, "1", 36, 4, 4096, true, "Number of slow variables K (a ring)"),
            new(FastPerSlow, "1", 10, 1, 1024, true, "Fast variables J per slow variable (K·J fast variables on one ring)"),
        ],
        InitialSettings =
        [
            new(Spinup, "MTU", 10.0, 0.0, 10_000.0, false,
                "Spin-up from X_k = F + 0.1u, Y = 0.1u (u uniform in [-1, 1]), discarded before the run starts"),
            new(Seed, "1", 1996, 0, int.MaxValue, true, "Seed of the initial perturbation u"),
        ],
        SensitivityDiagnostics = ["mean_x"],
        CheckpointedSensitivity = true,
    };
}
