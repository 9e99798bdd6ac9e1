namespace ClimateAD.Physics.LatitudeEbm;

/// <summary>
/// The state and headline diagnostics of the latitude EBM at one time (the end of a step).
/// </summary>
/// <param name="Time">Model time, years since the start of the run.</param>
/// <param name="Temperature">Zonal-mean surface (mixed-layer) temperature per cell, south to north, °C.</param>
/// <param name="DeepTemperature">Deep-ocean temperature per cell, °C; <c>null</c> without the deep ocean.</param>
/// <param name="GlobalMeanTemperature">Area-weighted global mean of <paramref name="Temperature"/>, °C.</param>
/// <param name="NorthernIceEdge">Northern ice-edge latitude, degrees north (<see cref="IceEdge"/>; 90 ice-free, 0 snowball).</param>
/// <param name="SouthernIceEdge">Southern ice-edge latitude, degrees south.</param>
/// <param name="GlobalMeanAlbedo">Planetary albedo: 1 − (global-mean absorbed sunlight)/(S₀/4), dimensionless.</param>
/// <param name="ToaImbalance">Global-mean net top-of-atmosphere flux, absorbed sunlight − OLR, W m⁻² (positive warms).</param>
public sealed record LatitudeEbmSnapshot(
    double Time,
    double[] Temperature,
    double[]? DeepTemperature,
    double GlobalMeanTemperature,
    double NorthernIceEdge,
    double SouthernIceEdge,
    double GlobalMeanAlbedo,
    double ToaImbalance);
