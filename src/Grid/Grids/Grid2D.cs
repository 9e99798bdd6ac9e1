namespace ClimateAD.Grid.Grids;

/// <summary>
/// A logically rectangular, orthogonal 2-D grid of <c>Nx × Ny</c> cells with Arakawa C-grid
/// staggering, halos of width <see cref="Halo"/>, a topology per axis and a land/sea mask. Its
/// metric terms depend only on the row: the x-spacing <c>Δx(j)</c>, the y-spacing <c>Δy(j)</c>, the
/// cell area <c>A(j)</c> and the Coriolis parameter <c>f(j)</c>, each on centre rows and on face rows.
/// </summary>
/// <remarks>
/// <para>Indices: interior cells are <c>0 ≤ i &lt; Nx</c>, <c>0 ≤ j &lt; Ny</c>; halo indices run from
/// <c>−Halo</c> to <c>N + Halo − 1</c>. Face <c>i</c> lies on the low side of centre <c>i</c>
/// (<see cref="Stagger"/>).</para>
/// <para>Metric conventions (finite-volume C-grid, Arakawa &amp; Lamb 1977, Methods Comput. Phys.
/// 17:173–265): on a centre row <c>Δx</c> is both the width of a cell and the distance between the
/// centres on either side of a <c>u</c> face; on a face row it is the length of a <c>v</c> face. On a
/// centre row <c>Δy</c> is the length of a <c>u</c> face; on a face row the distance between the
/// centres on either side of a <c>v</c> face. <c>A</c> on a centre row is the area of a tracer (and
/// <c>u</c>) cell, on a face row the area of a vorticity (and <c>v</c>) cell.</para>
/// <para>Halo rows of a bounded axis carry finite, positive copies of the nearest interior metric,
/// so that masked stencils that touch them stay finite.</para>
/// </remarks>
public abstract class Grid2D
{
    /// <summary>Validates and stores the shape common to every grid.</summary>
    /// <param name="nx">Cells along x, ≥ 1.</param>
    /// <param name="ny">Cells along y, ≥ 1.</param>
    /// <param name="halo">Halo width, ≥ 1 (the operators read one neighbour).</param>
    /// <param name="topologyX">Topology along x.</param>
    /// <param name="topologyY">Topology along y.</param>
    /// <param name="mask">Land/sea mask of <c>nx × ny</c> cells; all sea when <c>null</c>.</param>
    /// <exception cref="ArgumentException">A size, the halo or the mask is invalid (the message says which).</exception>
    protected Grid2D(int nx, int ny, int halo, Topology topologyX, Topology topologyY, LandSeaMask? mask)
    {
        if (nx < 1) throw new ArgumentOutOfRangeException(nameof(nx), nx, "A grid needs at least one cell along x.");
        if (ny < 1) throw new ArgumentOutOfRangeException(nameof(ny), ny, "A grid needs at least one cell along y.");
        if (halo < 1) throw new ArgumentOutOfRangeException(nameof(halo), halo, "The halo must be at least 1 wide: the staggered operators read one neighbour.");
        if (!Enum.IsDefined(topologyX)) throw new ArgumentOutOfRangeException(nameof(topologyX), topologyX, "Unknown topology.");
        if (!Enum.IsDefined(topologyY)) throw new ArgumentOutOfRangeException(nameof(topologyY), topologyY, "Unknown topology.");
        if (topologyX == Topology.Periodic && nx < halo)
            throw new ArgumentException($"A periodic x axis needs at least as many cells as the halo is wide (Nx = {nx}, halo = {halo}).", nameof(nx));
        if (topologyY == Topology.Periodic && ny < halo)
            throw new ArgumentException($"A periodic y axis needs at least as many cells as the halo is wide (Ny = {ny}, halo = {halo}).", nameof(ny));
        if ((long)(nx + 2L * halo) * (ny + 2L * halo) > int.MaxValue)
            throw new ArgumentException($"A {nx}×{ny} grid with halo {halo} has more than 2³¹ − 1 points per field.", nameof(nx));
        if (mask is not null && (mask.Nx != nx || mask.Ny != ny))
            throw new ArgumentException($"The land/sea mask is {mask.Nx}×{mask.Ny} but the grid is {nx}×{ny}.", nameof(mask));
        Nx = nx;
        Ny = ny;
        Halo = halo;
        TopologyX = topologyX;
        TopologyY = topologyY;
        LandSea = mask ?? LandSeaMask.AllSea(nx, ny);
    }

    /// <summary>Cells along x.</summary>
    public int Nx { get; }

    /// <summary>Cells along y.</summary>
    public int Ny { get; }

    /// <summary>Halo width on every side.</summary>
    public int Halo { get; }

    /// <summary>Topology along x.</summary>
    public Topology TopologyX { get; }

    /// <summary>Topology along y.</summary>
    public Topology TopologyY { get; }

    /// <summary>The land/sea mask of the cells.</summary>
    public LandSeaMask LandSea { get; }

    /// <summary>Stored points per row, <c>Nx + 2·Halo</c>.</summary>
    public int Columns => Nx + 2 * Halo;

    /// <summary>Stored rows, <c>Ny + 2·Halo</c>.</summary>
    public int Rows => Ny + 2 * Halo;

    /// <summary>The x coordinate of index <paramref name="i"/> at stagger <paramref name="x"/> (m, or degrees east on the sphere).</summary>
    public abstract double X(Stagger x, int i);

    /// <summary>The y coordinate of index <paramref name="j"/> at stagger <paramref name="y"/> (m, or degrees north on the sphere).</summary>
    public abstract double Y(Stagger y, int j);

    /// <summary>x-spacing <c>Δx</c> (m) on row <paramref name="j"/> of stagger <paramref name="y"/>, <c>−Halo ≤ j &lt; Ny + Halo</c>.</summary>
    public abstract double Dx(Stagger y, int j);

    /// <summary>y-spacing <c>Δy</c> (m) on row <paramref name="j"/> of stagger <paramref name="y"/>, <c>−Halo ≤ j &lt; Ny + Halo</c>.</summary>
    public abstract double Dy(Stagger y, int j);

    /// <summary>Cell area <c>A</c> (m²) on row <paramref name="j"/> of stagger <paramref name="y"/>, <c>−Halo ≤ j &lt; Ny + Halo</c>.</summary>
    public abstract double Area(Stagger y, int j);

    /// <summary>Coriolis parameter <c>f</c> (s⁻¹) on row <paramref name="j"/> of stagger <paramref name="y"/>.</summary>
    public abstract double Coriolis(Stagger y, int j);

    /// <summary>x-spacing at location <paramref name="location"/>, row <paramref name="j"/> (m).</summary>
    public double Dx(Location location, int j) => Dx(location.Y, j);

    /// <summary>y-spacing at location <paramref name="location"/>, row <paramref name="j"/> (m).</summary>
    public double Dy(Location location, int j) => Dy(location.Y, j);

    /// <summary>Area of the control volume at location <paramref name="location"/>, row <paramref name="j"/> (m²).</summary>
    public double Area(Location location, int j) => Area(location.Y, j);

    /// <summary>Coriolis parameter at location <paramref name="location"/>, row <paramref name="j"/> (s⁻¹).</summary>
    public double Coriolis(Location location, int j) => Coriolis(location.Y, j);

    /// <summary>
    /// Whether cell <c>(i, j)</c> is wet, for any integer indices: periodic axes wrap, cells beyond a
    /// bounded axis are land (the walls).
    /// </summary>
    public bool IsWet(int i, int j)
    {
        if (TopologyX == Topology.Periodic) i = Wrap(i, Nx);
        else if ((uint)i >= (uint)Nx) return false;
        if (TopologyY == Topology.Periodic) j = Wrap(j, Ny);
        else if ((uint)j >= (uint)Ny) return false;
        return LandSea.IsSea(i, j);
    }

    /// <summary>
    /// The mask (1 open, 0 closed) of point <c>(i, j)</c> at <paramref name="location"/>: a cell is open
    /// when wet, a face when both cells it separates are wet, a corner when all four cells around it
    /// are wet. Walls of bounded axes are closed faces.
    /// </summary>
    public double Mask(Location location, int i, int j)
    {
        bool open = IsWet(i, j);
        if (location.X == Stagger.Face) open &= IsWet(i - 1, j);
        if (location.Y == Stagger.Face) open &= IsWet(i, j - 1);
        if (location.X == Stagger.Face && location.Y == Stagger.Face) open &= IsWet(i - 1, j - 1);
        return open ? 1.0 : 0.0;
    }

    /// <summary><paramref name="i"/> modulo <paramref name="n"/>, in <c>[0, n)</c>.</summary>
    protected static int Wrap(int i, int n) => ((i % n) + n) % n;

    /// <summary>Throws unless <c>−Halo ≤ j &lt; Ny + Halo</c>.</summary>
    protected void CheckRow(int j)
    {
        if (j < -Halo || j >= Ny + Halo)
            throw new ArgumentOutOfRangeException(nameof(j), j, $"Row {j} is outside [{-Halo}, {Ny + Halo}).");
    }
}
