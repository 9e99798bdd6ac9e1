using ClimateAD.Grid.Numerics;

namespace ClimateAD.Physics.LatitudeEbm;

/// <summary>
/// Outgoing longwave radiation linearised in surface temperature (Budyko 1969, Tellus 21, 611–619;
/// North, Cahalan &amp; Coakley 1981, Rev. Geophys. Space Phys. 19, 91–121), generic over
/// <see cref="IScalar{T}"/>:
/// <code>
///   OLR(T) = A + B T        (W m⁻², T in °C)
/// </code>
/// The time step treats the B T part implicitly (it is linear); this body is used for diagnostics and
/// steady-state residuals.
/// </summary>
public static class OutgoingLongwave
{
    /// <summary>A + B T (W m⁻²).</summary>
    /// <param name="temperature">T, °C.</param>
    /// <param name="intercept">A, W m⁻².</param>
    /// <param name="slope">B, W m⁻² K⁻¹.</param>
    public static T Evaluate<T>(T temperature, T intercept, T slope) where T : unmanaged, IScalar<T> =>
        intercept + slope * temperature;
}
