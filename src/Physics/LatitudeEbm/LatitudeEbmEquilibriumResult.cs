namespace ClimateAD.Physics.LatitudeEbm;

/// <summary>An equilibrium of the latitude EBM found by <see cref="LatitudeEbmEquilibrium.Solve"/>.</summary>
/// <param name="Temperature">Equilibrium surface temperature per cell, south to north, °C.</param>
/// <param name="GlobalMeanTemperature">Its area-weighted global mean, °C.</param>
/// <param name="NorthernIceEdge">Northern ice-edge latitude, degrees north (90 ice-free, 0 snowball).</param>
/// <param name="IsSnowball">True when every cell is at or below the ice-edge temperature.</param>
/// <param name="Iterations">Pseudo-time steps taken.</param>
/// <param name="Converged">Whether the change per pseudo-step fell below the tolerance.</param>
/// <param name="Residual">Largest |tendency| of the continuous equation at the result, W m⁻².</param>
public sealed record LatitudeEbmEquilibriumResult(
    double[] Temperature,
    double GlobalMeanTemperature,
    double NorthernIceEdge,
    bool IsSnowball,
    int Iterations,
    bool Converged,
    double Residual);
