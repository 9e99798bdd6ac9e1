namespace ClimateAD.Calibration.Objectives;

/// <summary>J at one point from a forward run, split into its observation and prior parts, with the predictions.</summary>
/// <param name="Cost">J = J_o + J_b.</param>
/// <param name="ObservationCost">J_o = ½ Σ_k d_kᵀ R_k⁻¹ d_k.</param>
/// <param name="PriorCost">J_b.</param>
/// <param name="Predictions">h = H(x), concatenated over the observed variables.</param>
public sealed record ObjectiveValue(double Cost, double ObservationCost, double PriorCost, double[] Predictions);
