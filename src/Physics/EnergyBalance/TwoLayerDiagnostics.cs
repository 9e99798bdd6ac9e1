namespace ClimateAD.Physics.EnergyBalance;

/// <summary>
/// Diagnostics of one time step of the two-layer model. Temperatures, N and the heat uptake are
/// taken at the end of the step (time <see cref="Time"/>); <see cref="Forcing"/> is the forcing
/// held constant over the step that ends there, and N is evaluated with it:
/// <code>
///   N = F − λT − (ε − 1)γ(T − T₀)       H = γ(T − T₀)
/// </code>
/// (Geoffroy et al. 2013b, Eq. 2). Units: K for temperatures, W m⁻² for fluxes, years for time.
/// </summary>
/// <param name="Time">End of the step, years (calendar years for historical forcing, years since start otherwise).</param>
/// <param name="Temperature">T, upper-layer temperature anomaly (K); output variable <c>tas</c>.</param>
/// <param name="DeepTemperature">T₀, deep-ocean temperature anomaly (K); <c>tas_deep</c>.</param>
/// <param name="ToaImbalance">N, top-of-atmosphere net downward flux anomaly (W m⁻²); <c>toa_imbalance</c>.</param>
/// <param name="Forcing">F, effective radiative forcing over the step (W m⁻²); <c>erf</c>.</param>
/// <param name="OceanHeatUptake">H = γ(T − T₀), heat flux from the upper layer into the deep ocean (W m⁻²); <c>ocean_heat_uptake</c>.</param>
public readonly record struct TwoLayerDiagnostics(
    double Time,
    double Temperature,
    double DeepTemperature,
    double ToaImbalance,
    double Forcing,
    double OceanHeatUptake)
{
    /// <summary>Diagnostics of state <paramref name="state"/> under forcing <paramref name="forcing"/> (W m⁻²) at time <paramref name="time"/> (yr).</summary>
    public static TwoLayerDiagnostics Of(in TwoLayerParameters parameters, double time, TwoLayerState state, double forcing)
    {
        double t = state.Temperature, t0 = state.DeepTemperature;
        double gamma = parameters.HeatExchangeCoefficient;
        double n = forcing - parameters.ClimateFeedback * t - (parameters.DeepOceanEfficacy - 1.0) * gamma * (t - t0);
        return new TwoLayerDiagnostics(time, t, t0, n, forcing, gamma * (t - t0));
    }

    /// <summary>The state (T, T₀) these diagnostics were taken from.</summary>
    public TwoLayerState State => new(Temperature, DeepTemperature);
}
