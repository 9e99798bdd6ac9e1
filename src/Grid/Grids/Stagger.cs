namespace ClimateAD.Grid.Grids;

/// <summary>
/// Where a quantity sits along one axis of a cell on the Arakawa C-grid: at the cell centre or on
/// the cell face on the low side (west or south) of the centre with the same index.
/// </summary>
/// <remarks>
/// With <c>Δ</c> the cell width, centre <c>i</c> lies at <c>x₀ + (i + ½)Δ</c> and face <c>i</c> at
/// <c>x₀ + iΔ</c>, so face <c>i</c> separates centres <c>i − 1</c> and <c>i</c> (Arakawa &amp; Lamb
/// 1977, Methods Comput. Phys. 17:173–265).
/// </remarks>
public enum Stagger : byte
{
    /// <summary>At the cell centre, <c>x₀ + (i + ½)Δ</c>.</summary>
    Center,

    /// <summary>On the low-side cell face, <c>x₀ + iΔ</c>.</summary>
    Face,
}
