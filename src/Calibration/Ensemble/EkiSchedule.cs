namespace ClimateAD.Calibration.Ensemble;

/// <summary>Step sizes Δtₖ of <see cref="EnsembleKalmanInversion"/> (the data-error inflation is αₖ = 1/Δtₖ).</summary>
public enum EkiSchedule
{
    /// <summary>Δt = 1 every iteration: the iterative ensemble Kalman method of Iglesias, Law &amp; Stuart (2013), which converges towards the least-squares fit and collapses the ensemble.</summary>
    Constant,

    /// <summary>Δt = 1/I for I iterations (Σ Δt = 1): ensemble smoother with multiple data assimilation (Emerick &amp; Reynolds 2013, Comput. Geosci. 55, 3); for a linear-Gaussian problem the final ensemble samples the posterior.</summary>
    MultipleDataAssimilation,
}
