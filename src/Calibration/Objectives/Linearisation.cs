namespace ClimateAD.Calibration.Objectives;

/// <summary>
/// The objective linearised at one point by a forward run and p tangent runs (one per free
/// parameter): with predictions h = H(x(φ)), residual d = h − y, Jacobian G = ∂h/∂φ (m × p, from
/// the tangent model), w = R⁻¹d, D = diag(dφ/du) and prior precision P = B⁻¹ on the listed entries,
/// <code>
///   ∇_φ J = Gᵀw + P(φ − θ_b)          ∇_u J = D ∇_φ J
///   H_φ  = GᵀR⁻¹G + P                  H_u  = D H_φ D          (Gauss–Newton Hessians)
/// </code>
/// (Nocedal &amp; Wright 2006, §10.3). All vectors in free-vector order.
/// </summary>
/// <param name="U">The point u.</param>
/// <param name="Free">φ = g(u), physical units.</param>
/// <param name="Cost">J.</param>
/// <param name="ObservationCost">The observation part J_o.</param>
/// <param name="PriorCost">The prior part J_b.</param>
/// <param name="Predictions">h, concatenated over the observed variables (length m).</param>
/// <param name="Residual">d = h − y.</param>
/// <param name="WeightedResidual">w = R⁻¹ d.</param>
/// <param name="JacobianFree">G = ∂h/∂φ, m × p.</param>
/// <param name="TransformJacobian">diag(dφ/du), length p.</param>
/// <param name="GradientFree">∇_φ J.</param>
/// <param name="GradientU">∇_u J.</param>
/// <param name="HessianFree">Gauss–Newton H_φ, p × p.</param>
/// <param name="HessianU">Gauss–Newton H_u, p × p.</param>
public sealed record Linearisation(
    double[] U,
    double[] Free,
    double Cost,
    double ObservationCost,
    double PriorCost,
    double[] Predictions,
    double[] Residual,
    double[] WeightedResidual,
    double[,] JacobianFree,
    double[] TransformJacobian,
    double[] GradientFree,
    double[] GradientU,
    double[,] HessianFree,
    double[,] HessianU);
