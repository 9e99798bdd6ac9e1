namespace ClimateAD.Physics.LatitudeEbm;

/// <summary>One equilibrium of a solar-constant sweep (<see cref="SolarHysteresis"/>).</summary>
/// <param name="SolarConstant">S₀ of this equilibrium, W m⁻².</param>
/// <param name="GlobalMeanTemperature">Global-mean surface temperature, °C.</param>
/// <param name="NorthernIceEdge">Northern ice-edge latitude, degrees north (90 ice-free, 0 snowball).</param>
/// <param name="IsSnowball">True when ice reaches the equator.</param>
/// <param name="Converged">Whether the equilibrium solver converged.</param>
public sealed record SolarHysteresisPoint(double SolarConstant, double GlobalMeanTemperature, double NorthernIceEdge, bool IsSnowball, bool Converged);
