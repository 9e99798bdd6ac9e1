namespace ClimateAD.Calibration.Ensemble;

/// <summary>Settings of <see cref="EnsembleKalmanInversion"/>.</summary>
public sealed record EnsembleKalmanOptions
{
    /// <summary>Ensemble size J (default 80; must exceed the number of free parameters).</summary>
    public int Members { get; init; } = 80;

    /// <summary>Iterations I (default 7: 80 × 7 + 8 = 568 runs, the twin experiment's setting).</summary>
    public int Iterations { get; init; } = 7;

    /// <summary>Step-size schedule (default <see cref="EkiSchedule.Constant"/>, which reaches the least-squares fit; its spread is inflated by <see cref="EnsembleKalmanInversion.SpreadInflation"/>).</summary>
    public EkiSchedule Schedule { get; init; } = EkiSchedule.Constant;

    /// <summary>Seed of every random draw (initial ensemble, observation perturbations); default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Standard deviation of the initial ensemble, relative to the first guess, for free parameters
    /// without a prior (default 0.3); parameters with a prior use the prior's σ.
    /// </summary>
    public double InitialSpread { get; init; } = 0.3;

    /// <summary>Perturb the observations of each member with draws of √α·N(0, R) (default true, as in Iglesias et al. 2013).</summary>
    public bool PerturbObservations { get; init; } = true;

    /// <summary>Most members run at once (−1: no limit).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
