namespace ClimateAD.Physics.EnergyBalance;

/// <summary>
/// Time integrators of the two-layer model; each advances (T, T₀) over one step Δt with the
/// forcing held constant over the step. Scenario names are given by
/// <see cref="TwoLayerModel.IntegratorName"/> (<c>exact</c>, <c>rk4</c>, <c>euler</c>).
/// </summary>
public enum TwoLayerIntegrator
{
    /// <summary>
    /// Exact solution of the linear system over the step: x[n+1] = Φ x[n] + Γ F[n] with
    /// Φ = e^(AΔt), Γ = A⁻¹(Φ − I) b, in closed form (<see cref="TwoLayerExactPropagator"/>).
    /// </summary>
    Exact,

    /// <summary>Classical fourth-order Runge–Kutta (order 4).</summary>
    Rk4,

    /// <summary>Forward Euler (order 1); for comparison only.</summary>
    Euler,
}
