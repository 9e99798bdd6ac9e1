namespace ClimateAD.Physics.EnergyBalance;

/// <summary>
/// Tangent and adjoint of the two-layer right-hand side <see cref="TwoLayerTendency"/>,
/// f(y, F; λ, C, C₀, γ, ε) with u = γ(T − T₀):
/// <code>
///   f₁ = (F − λT − εu)/C,   f₂ = u/C₀
///   δu  = δγ (T − T₀) + γ (δT − δT₀)
///   δf₁ = (δF − δλ T − λ δT − δε u − ε δu)/C − f₁ δC/C
///   δf₂ = δu/C₀ − f₂ δC₀/C₀
/// </code>
/// and, for a cotangent f̄ = (f̄₁, f̄₂), the transpose (a = f̄₁/C, ū = −εa + f̄₂/C₀):
/// <code>
///   T̄ += −λa + γū,  T̄₀ += −γū,  F̄ += a,
///   λ̄ += −aT,  C̄ += −a f₁,  C̄₀ += −f̄₂ f₂/C₀,  γ̄ += ū (T − T₀),  ε̄ += −a u
/// </code>
/// Parameter perturbations and cotangents are indexed as θ[0..6) (<see cref="TwoLayerParameterTable.All"/>
/// order; F₄ₓ = θ₀ does not enter f). Used by the Runge–Kutta and Euler steps of
/// <see cref="TwoLayerDifferentiableStep"/>. Units: f in K yr⁻¹.
/// </summary>
public static class TwoLayerTendencyDerivatives
{
    /// <summary>δf for a perturbation (δy, δθ[0..6), δF) at (y, F).</summary>
    /// <param name="parameters">The physical parameters.</param>
    /// <param name="state">Linearisation state y = (T, T₀), K.</param>
    /// <param name="forcing">F, W m⁻².</param>
    /// <param name="dState">δy, K.</param>
    /// <param name="dTheta">δθ; only entries 1..5 are read (length ≥ 6).</param>
    /// <param name="dForcing">δF, W m⁻².</param>
    public static TwoLayerState Tangent(in TwoLayerParameters parameters, TwoLayerState state, double forcing,
        TwoLayerState dState, ReadOnlySpan<double> dTheta, double dForcing)
    {
        double lambda = parameters.ClimateFeedback, c = parameters.UpperHeatCapacity, c0 = parameters.DeepHeatCapacity;
        double gamma = parameters.HeatExchangeCoefficient, eps = parameters.DeepOceanEfficacy;
        double t = state.Temperature, diff = state.Temperature - state.DeepTemperature;
        double u = gamma * diff;
        double f1 = (forcing - lambda * t - eps * u) / c, f2 = u / c0;
        double du = dTheta[4] * diff + gamma * (dState.Temperature - dState.DeepTemperature);
        double df1 = (dForcing - dTheta[1] * t - lambda * dState.Temperature - dTheta[5] * u - eps * du) / c - f1 * dTheta[2] / c;
        double df2 = du / c0 - f2 * dTheta[3] / c0;
        return new TwoLayerState(df1, df2);
    }

    /// <summary>
    /// Accumulates the transpose: <paramref name="stateBar"/> += (∂f/∂y)ᵀ f̄,
    /// <paramref name="thetaBar"/>[1..6) += (∂f/∂θ)ᵀ f̄, <paramref name="forcingBar"/> += (∂f/∂F)ᵀ f̄.
    /// </summary>
    /// <param name="parameters">The physical parameters.</param>
    /// <param name="state">Linearisation state y = (T, T₀), K.</param>
    /// <param name="forcing">F, W m⁻².</param>
    /// <param name="tendencyBar">f̄, the cotangent of f.</param>
    /// <param name="stateBar">Accumulates ȳ.</param>
    /// <param name="thetaBar">Accumulates θ̄ (length ≥ 6; entry 0 untouched).</param>
    /// <param name="forcingBar">Accumulates F̄.</param>
    public static void Adjoint(in TwoLayerParameters parameters, TwoLayerState state, double forcing,
        TwoLayerState tendencyBar, ref TwoLayerState stateBar, Span<double> thetaBar, ref double forcingBar)
    {
        double lambda = parameters.ClimateFeedback, c = parameters.UpperHeatCapacity, c0 = parameters.DeepHeatCapacity;
        double gamma = parameters.HeatExchangeCoefficient, eps = parameters.DeepOceanEfficacy;
        double t = state.Temperature, diff = state.Temperature - state.DeepTemperature;
        double u = gamma * diff;
        double f1 = (forcing - lambda * t - eps * u) / c, f2 = u / c0;
        double a = tendencyBar.Temperature / c;
        double uBar = -eps * a + tendencyBar.DeepTemperature / c0;
        stateBar = new TwoLayerState(
            stateBar.Temperature - lambda * a + gamma * uBar,
            stateBar.DeepTemperature - gamma * uBar);
        forcingBar += a;
        thetaBar[1] -= a * t;
        thetaBar[2] -= a * f1;
        thetaBar[3] -= tendencyBar.DeepTemperature * f2 / c0;
        thetaBar[4] += uBar * diff;
        thetaBar[5] -= a * u;
    }
}
