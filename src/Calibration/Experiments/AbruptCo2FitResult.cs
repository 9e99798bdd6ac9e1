namespace ClimateAD.Calibration.Experiments;

/// <summary>The EBM-ε fit of one abrupt-4xCO2 run (<see cref="AbruptCo2Fit"/>), with Laplace 1σ.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Member">Ensemble member.</param>
/// <param name="Parameters">F₄ₓ (W m⁻²), λ (W m⁻² K⁻¹), C, C₀ (W yr m⁻² K⁻¹), γ (W m⁻² K⁻¹), ε.</param>
/// <param name="StandardDeviations">Laplace 1σ of <paramref name="Parameters"/>.</param>
/// <param name="Ecs">ECS = F₄ₓ/(2λ), K.</param>
/// <param name="EcsSd">1σ of ECS (first-order propagation), K.</param>
/// <param name="Tcr">TCR, K.</param>
/// <param name="TcrSd">1σ of TCR, K.</param>
/// <param name="TemperatureRmse">RMS residual of annual tas, K.</param>
/// <param name="ImbalanceRmse">RMS residual of annual N, W m⁻².</param>
/// <param name="Runs">Forward-equivalent model runs used.</param>
/// <param name="Converged">True when both Gauss–Newton passes converged.</param>
/// <param name="Correlation">Posterior correlation of the six parameters.</param>
public sealed record AbruptCo2FitResult(
    string Model,
    string Member,
    double[] Parameters,
    double[] StandardDeviations,
    double Ecs,
    double EcsSd,
    double Tcr,
    double TcrSd,
    double TemperatureRmse,
    double ImbalanceRmse,
    double Runs,
    bool Converged,
    double[,] Correlation);
