using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Grids;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// One shallow-water triplet on the C-grid: layer thickness <c>h</c> at cell centres (ccc, m), zonal
/// velocity <c>u</c> at west faces (fcc, m s⁻¹) and meridional velocity <c>v</c> at south faces
/// (cfc, m s⁻¹), or any quantity with that staggering (a tendency, an adjoint).
/// </summary>
/// <remarks>
/// The flat layout used by <see cref="ShallowWaterStep"/> is <c>[h, u, v]</c>, each block the
/// <c>Nx × Ny</c> interior points row by row (<c>i</c> fastest); see <see cref="ShallowWaterLayout"/>.
/// Arakawa C-grid staggering (Arakawa &amp; Lamb 1977, Methods Comput. Phys. 17:173–265).
/// </remarks>
/// <typeparam name="T">Scalar type.</typeparam>
public sealed class ShallowWaterFields<T> : IDisposable where T : unmanaged, IScalar<T>
{
    /// <summary>Allocates a zeroed triplet.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="device">Where the fields live.</param>
    /// <param name="prefix">Prefix of the field names (e.g. <c>k1_</c>).</param>
    public ShallowWaterFields(Grid2D grid, ComputeDevice device, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(device);
        H = new Field<T>(grid, Location.Ccc, device, prefix + "h", "m");
        U = new Field<T>(grid, Location.Fcc, device, prefix + "u", "m s-1");
        V = new Field<T>(grid, Location.Cfc, device, prefix + "v", "m s-1");
    }

    /// <summary>Layer thickness <c>h</c> (ccc, m).</summary>
    public Field<T> H { get; }

    /// <summary>Zonal velocity <c>u</c> (fcc, m s⁻¹).</summary>
    public Field<T> U { get; }

    /// <summary>Meridional velocity <c>v</c> (cfc, m s⁻¹).</summary>
    public Field<T> V { get; }

    /// <summary>The three fields in layout order <c>h, u, v</c>.</summary>
    public Field<T> this[int component] => component switch
    {
        0 => H,
        1 => U,
        2 => V,
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, "0 (h), 1 (u) or 2 (v)."),
    };

    /// <summary>Fills the halos of the three fields on their device.</summary>
    public void FillHalo()
    {
        H.FillHalo();
        U.FillHalo();
        V.FillHalo();
    }

    /// <summary>Copies the three fields to the host (no-op on the CPU).</summary>
    public void CopyToHost()
    {
        H.CopyToHost();
        U.CopyToHost();
        V.CopyToHost();
    }

    /// <summary>Frees the fields.</summary>
    public void Dispose()
    {
        H.Dispose();
        U.Dispose();
        V.Dispose();
    }
}
