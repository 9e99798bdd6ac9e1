namespace ClimateAD.Grid.Grids;

/// <summary>
/// Which cells of an <c>Nx × Ny</c> grid are ocean (wet, 1) and which are land (dry, 0). Face and
/// corner masks are derived from it by <see cref="Grid2D.Mask"/>: a face is open only when both cells
/// it separates are wet, a corner only when all four cells around it are wet.
/// </summary>
/// <remarks>
/// The same product rule as MITgcm's <c>hFacW/hFacS</c> for full cells (Marshall et al. 1997,
/// J. Geophys. Res. 102:5753–5766). Immutable; built host-side.
/// </remarks>
public sealed class LandSeaMask
{
    private readonly bool[] _wet;

    private LandSeaMask(int nx, int ny, bool[] wet)
    {
        Nx = nx;
        Ny = ny;
        _wet = wet;
    }

    /// <summary>Number of cells along x.</summary>
    public int Nx { get; }

    /// <summary>Number of cells along y.</summary>
    public int Ny { get; }

    /// <summary>Number of wet cells.</summary>
    public int WetCount => _wet.Count(w => w);

    /// <summary>A mask with every cell wet.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public static LandSeaMask AllSea(int nx, int ny) => FromFunction(nx, ny, static (_, _) => true);

    /// <summary>A mask with cell <c>(i, j)</c> wet when <paramref name="isSea"/> says so.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public static LandSeaMask FromFunction(int nx, int ny, Func<int, int, bool> isSea)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nx);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ny);
        ArgumentNullException.ThrowIfNull(isSea);
        var wet = new bool[nx * ny];
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
                wet[j * nx + i] = isSea(i, j);
        return new LandSeaMask(nx, ny, wet);
    }

    /// <summary>A mask from <paramref name="isSea"/>[i, j] (dimensions <c>Nx × Ny</c>).</summary>
    public static LandSeaMask FromArray(bool[,] isSea)
    {
        ArgumentNullException.ThrowIfNull(isSea);
        return FromFunction(isSea.GetLength(0), isSea.GetLength(1), (i, j) => isSea[i, j]);
    }

    /// <summary>Whether interior cell <c>(i, j)</c>, <c>0 ≤ i &lt; Nx</c>, <c>0 ≤ j &lt; Ny</c>, is wet.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the grid.</exception>
    public bool IsSea(int i, int j)
    {
        if ((uint)i >= (uint)Nx || (uint)j >= (uint)Ny)
            throw new ArgumentOutOfRangeException(nameof(i), $"Cell ({i}, {j}) is outside the {Nx}×{Ny} mask.");
        return _wet[j * Nx + i];
    }
}
