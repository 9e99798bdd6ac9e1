namespace ClimateAD.Physics.EnergyBalance;

/// <summary>
/// State x = (T, T₀) of the two-layer energy-balance model: upper-layer (surface) and deep-ocean
/// temperature anomalies, K, relative to the pre-industrial equilibrium. <c>default</c> is rest.
/// </summary>
/// <param name="Temperature">T, upper-layer temperature anomaly (K).</param>
/// <param name="DeepTemperature">T₀, deep-ocean temperature anomaly (K).</param>
public readonly record struct TwoLayerState(double Temperature, double DeepTemperature);
