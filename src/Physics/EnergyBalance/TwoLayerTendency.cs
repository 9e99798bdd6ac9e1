namespace ClimateAD.Physics.EnergyBalance;

/// <summary>
/// Right-hand side of the two-layer model (Held et al. 2010; Geoffroy et al. 2013b, Eq. 1),
/// K yr⁻¹, used by the Runge–Kutta and Euler integrators:
/// <code>
///   dT/dt  = [F − λT − εγ(T − T₀)] / C
///   dT₀/dt = γ(T − T₀) / C₀
/// </code>
/// </summary>
public static class TwoLayerTendency
{
    /// <summary>(dT/dt, dT₀/dt) in K yr⁻¹ for state <paramref name="state"/> and forcing <paramref name="forcing"/> (W m⁻²).</summary>
    public static TwoLayerState Evaluate(in TwoLayerParameters parameters, TwoLayerState state, double forcing)
    {
        double uptake = parameters.HeatExchangeCoefficient * (state.Temperature - state.DeepTemperature);
        return new TwoLayerState(
            (forcing - parameters.ClimateFeedback * state.Temperature - parameters.DeepOceanEfficacy * uptake) / parameters.UpperHeatCapacity,
            uptake / parameters.DeepHeatCapacity);
    }
}
