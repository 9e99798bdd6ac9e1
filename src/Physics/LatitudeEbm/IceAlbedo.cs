using ClimateAD.Grid.Numerics;

namespace ClimateAD.Physics.LatitudeEbm;

/// <summary>
/// The smooth ice-albedo feedback of the latitude EBM, written once generic over
/// <see cref="IScalar{T}"/> (so <see cref="Dual{T}"/> gives its tangent and <see cref="MultiDual{T}"/> its
/// local Jacobian):
/// <code>
///   α(x, T) = α_i/2 (1 − tanh u) + α_f(x)/2 (1 + tanh u),   u = (T − T_i)/w,   α_f(x) = α₀ + α₂ P₂(x)
/// </code>
/// α → α_i well below the ice-edge temperature T_i and → the ice-free α_f(x) well above it, with a
/// transition of width w (K). The step albedo of Budyko (1969) and North, Cahalan &amp; Coakley (1981,
/// Rev. Geophys. Space Phys. 19, 91–121) is the limit w → 0; a finite w makes the model differentiable.
/// </summary>
public static class IceAlbedo
{
    /// <summary>α(x, T) (dimensionless).</summary>
    /// <param name="temperature">T, °C.</param>
    /// <param name="p2">P₂(x) of the cell (a constant of the grid).</param>
    /// <param name="iceFreeAlbedo">α₀.</param>
    /// <param name="iceFreeAlbedoP2">α₂.</param>
    /// <param name="iceAlbedo">α_i.</param>
    /// <param name="iceEdgeTemperature">T_i, °C.</param>
    /// <param name="width">w, K.</param>
    public static T Evaluate<T>(T temperature, T p2, T iceFreeAlbedo, T iceFreeAlbedoP2, T iceAlbedo, T iceEdgeTemperature, T width)
        where T : unmanaged, IScalar<T>
    {
        T half = T.FromDouble(0.5);
        T t = T.Tanh((temperature - iceEdgeTemperature) / width);
        T iceFree = iceFreeAlbedo + iceFreeAlbedoP2 * p2;
        return half * (iceAlbedo * (T.One - t) + iceFree * (T.One + t));
    }
}
