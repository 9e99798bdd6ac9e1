using ClimateAD.Calibration.Optimisers;

namespace ClimateAD.Cli.Calibration;

/// <summary>Everything a finished calibration reports.</summary>
/// <param name="Setup">The problem as built from the file.</param>
/// <param name="Result">The run: history and final state.</param>
/// <param name="LogPath">The HDF5 calibration log.</param>
/// <param name="Mean">Posterior mean (Laplace: the optimum; EKI: g(ū)), physical units.</param>
/// <param name="Sd">Posterior 1σ.</param>
/// <param name="Correlation">Posterior correlations, p × p.</param>
/// <param name="Ecs">ECS at the mean, K.</param>
/// <param name="EcsSd">1σ of ECS, K.</param>
/// <param name="Tcr">TCR at the mean, K.</param>
/// <param name="TcrSd">1σ of TCR, K.</param>
/// <param name="Best">Predictions at the mean, concatenated over the observed variables.</param>
/// <param name="Lower">Best − 2σ of the posterior predictive ensemble.</param>
/// <param name="Upper">Best + 2σ of the posterior predictive ensemble.</param>
/// <param name="Rmse">RMS of best − observed, per observed variable.</param>
/// <param name="Uncertainty">How the posterior was estimated, for reports.</param>
/// <param name="PredictiveSamples">Members of the posterior predictive ensemble.</param>
/// <param name="Projections">Posterior predictive projections.</param>
internal sealed record CalibrationOutcome(
    CalibrationSetup Setup,
    CalibrationResult Result,
    string LogPath,
    double[] Mean,
    double[] Sd,
    double[,] Correlation,
    double Ecs,
    double EcsSd,
    double Tcr,
    double TcrSd,
    double[] Best,
    double[] Lower,
    double[] Upper,
    IReadOnlyList<double> Rmse,
    string Uncertainty,
    int PredictiveSamples,
    IReadOnlyList<ProjectionOutcome> Projections);
