namespace ClimateAD.Hybrid.Grid;

/// <summary>
/// Sizes of the grid learned-closure experiment (<see cref="GridClosureExperiment"/>): a reduced-gravity
/// double gyre (Munk 1950) at <c>Factor × CoarseCells</c> cells as the truth, the same model at
/// <c>CoarseCells</c> cells as the coarse model.
/// </summary>
/// <param name="CoarseCells">Coarse cells per side.</param>
/// <param name="Factor">Refinement factor of the truth.</param>
/// <param name="CoarseStepsPerDay">Coarse steps per day (the truth takes <c>Factor</c> times as many).</param>
/// <param name="SpinUpDays">Truth spin-up from rest before sampling (days).</param>
/// <param name="TrainingDays">Days of daily truth samples from which training windows start.</param>
/// <param name="TestDays">Held-out days that follow the training record (held-out windows and the free run).</param>
/// <param name="WindowDays">Samples (days) per training/held-out window.</param>
/// <param name="Iterations">Adam iterations (each of the network and the tuned viscosity).</param>
/// <param name="BatchSize">Windows per Adam batch.</param>
/// <param name="HiddenWidth">Width of the two hidden tanh layers of the closure network.</param>
/// <param name="LearningRate">Adam step of the network weights.</param>
/// <param name="Seed">Seed of the network initialisation and the batch draws.</param>
/// <param name="Viscosity">Laplacian viscosity ν of truth and coarse model (m² s⁻¹); 2·10⁴ gives a Munk width (ν/β)^(1/3) of 100 km, one coarse cell.</param>
/// <param name="WindStress">Wind-stress amplitude τ₀ (N m⁻²).</param>
/// <param name="WallDistanceFeature">Whether the closure network also sees the distance from the nearest wall (3 inputs instead of 2).</param>
public sealed record GridClosureSettings(
    int CoarseCells = 12, int Factor = 4, int CoarseStepsPerDay = 10, int SpinUpDays = 120, int TrainingDays = 120, int TestDays = 60,
    int WindowDays = 8, int Iterations = 120, int BatchSize = 6, int HiddenWidth = 16, double LearningRate = 1e-2, int Seed = 1,
    double Viscosity = 2e4, double WindStress = 0.05, bool WallDistanceFeature = true)
{
    /// <summary>Basin side L (m).</summary>
    public const double BasinLength = 1.2e6;

    /// <summary>Layer thickness H (m).</summary>
    public const double Depth = 500;

    /// <summary>Reduced gravity g′ (m s⁻²): a first-baroclinic-mode gravity-wave speed of 3.2 m s⁻¹, Rossby radius 32 km.</summary>
    public const double ReducedGravity = 0.02;

    /// <summary>The settings of the reduced test (a few seconds).</summary>
    public static GridClosureSettings Reduced { get; } = new(CoarseCells: 8, Factor: 3, CoarseStepsPerDay: 8, SpinUpDays: 60, TrainingDays: 40, TestDays: 16,
        WindowDays: 8, Iterations: 30, BatchSize: 4, HiddenWidth: 8, LearningRate: 1e-2);
}
