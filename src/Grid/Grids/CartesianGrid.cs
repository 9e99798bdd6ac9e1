namespace ClimateAD.Grid.Grids;

/// <summary>
/// A uniform 2-D Cartesian grid on an f-plane or β-plane: <c>Nx × Ny</c> cells of
/// <c>Δx = Lx / Nx</c> by <c>Δy = Ly / Ny</c> (m), Coriolis parameter <c>f = f₀ + β y</c> (s⁻¹),
/// each axis periodic or bounded by walls.
/// </summary>
/// <remarks>
/// Cell centre <c>(i, j)</c> lies at <c>(x₀ + (i + ½)Δx, y₀ + (j + ½)Δy)</c>; the C-grid staggering is
/// that of Arakawa &amp; Lamb (1977, Methods Comput. Phys. 17:173–265). The β-plane approximation
/// <c>f ≈ f₀ + β y</c> with <c>β = 2Ω cos φ₀ / a</c> is Rossby's (e.g. Vallis 2017, <i>Atmospheric and
/// Oceanic Fluid Dynamics</i>, 2nd ed., §2.3.2); <c>y</c> is measured from the origin the caller
/// chooses through <c>originY</c>.
/// </remarks>
public sealed class CartesianGrid : Grid2D
{
    /// <summary>Builds and validates a Cartesian grid.</summary>
    /// <param name="nx">Cells along x, ≥ 1.</param>
    /// <param name="ny">Cells along y, ≥ 1.</param>
    /// <param name="lengthX">Domain length <c>Lx</c> along x (m), positive and finite.</param>
    /// <param name="lengthY">Domain length <c>Ly</c> along y (m), positive and finite.</param>
    /// <param name="topologyX">Topology along x.</param>
    /// <param name="topologyY">Topology along y.</param>
    /// <param name="halo">Halo width, ≥ 1.</param>
    /// <param name="originX">x of the west edge of cell 0 (m).</param>
    /// <param name="originY">y of the south edge of cell 0 (m); <c>f = f₀</c> at <c>y = 0</c>.</param>
    /// <param name="coriolisParameter">Reference Coriolis parameter <c>f₀</c> (s⁻¹).</param>
    /// <param name="coriolisGradient">Meridional gradient <c>β = ∂f/∂y</c> (m⁻¹ s⁻¹); 0 for an f-plane.</param>
    /// <param name="mask">Land/sea mask; all sea when <c>null</c>.</param>
    /// <exception cref="ArgumentException">A size, length, origin, Coriolis value or the mask is invalid.</exception>
    public CartesianGrid(int nx, int ny, double lengthX, double lengthY,
        Topology topologyX = Topology.Periodic, Topology topologyY = Topology.Periodic, int halo = 2,
        double originX = 0, double originY = 0, double coriolisParameter = 0, double coriolisGradient = 0,
        LandSeaMask? mask = null)
        : base(nx, ny, halo, topologyX, topologyY, mask)
    {
        if (!(lengthX > 0) || !double.IsFinite(lengthX)) throw new ArgumentOutOfRangeException(nameof(lengthX), lengthX, "The x length must be positive and finite (m).");
        if (!(lengthY > 0) || !double.IsFinite(lengthY)) throw new ArgumentOutOfRangeException(nameof(lengthY), lengthY, "The y length must be positive and finite (m).");
        if (!double.IsFinite(originX)) throw new ArgumentOutOfRangeException(nameof(originX), originX, "The x origin must be finite (m).");
        if (!double.IsFinite(originY)) throw new ArgumentOutOfRangeException(nameof(originY), originY, "The y origin must be finite (m).");
        if (!double.IsFinite(coriolisParameter)) throw new ArgumentOutOfRangeException(nameof(coriolisParameter), coriolisParameter, "f₀ must be finite (s⁻¹).");
        if (!double.IsFinite(coriolisGradient)) throw new ArgumentOutOfRangeException(nameof(coriolisGradient), coriolisGradient, "β must be finite (m⁻¹ s⁻¹).");
        LengthX = lengthX;
        LengthY = lengthY;
        OriginX = originX;
        OriginY = originY;
        CoriolisParameter = coriolisParameter;
        CoriolisGradient = coriolisGradient;
        SpacingX = lengthX / nx;
        SpacingY = lengthY / ny;
    }

    /// <summary>Domain length along x (m).</summary>
    public double LengthX { get; }

    /// <summary>Domain length along y (m).</summary>
    public double LengthY { get; }

    /// <summary>x of the west edge of cell 0 (m).</summary>
    public double OriginX { get; }

    /// <summary>y of the south edge of cell 0 (m).</summary>
    public double OriginY { get; }

    /// <summary>Reference Coriolis parameter <c>f₀</c> at <c>y = 0</c> (s⁻¹).</summary>
    public double CoriolisParameter { get; }

    /// <summary>Meridional gradient of the Coriolis parameter <c>β</c> (m⁻¹ s⁻¹).</summary>
    public double CoriolisGradient { get; }

    /// <summary>Cell width <c>Δx = Lx / Nx</c> (m).</summary>
    public double SpacingX { get; }

    /// <summary>Cell height <c>Δy = Ly / Ny</c> (m).</summary>
    public double SpacingY { get; }

    /// <inheritdoc/>
    public override double X(Stagger x, int i) => OriginX + (i + (x == Stagger.Center ? 0.5 : 0.0)) * SpacingX;

    /// <inheritdoc/>
    public override double Y(Stagger y, int j) => OriginY + (j + (y == Stagger.Center ? 0.5 : 0.0)) * SpacingY;

    /// <inheritdoc/>
    public override double Dx(Stagger y, int j)
    {
        CheckRow(j);
        return SpacingX;
    }

    /// <inheritdoc/>
    public override double Dy(Stagger y, int j)
    {
        CheckRow(j);
        return SpacingY;
    }

    /// <inheritdoc/>
    public override double Area(Stagger y, int j)
    {
        CheckRow(j);
        return SpacingX * SpacingY;
    }

    /// <inheritdoc/>
    public override double Coriolis(Stagger y, int j) => CoriolisParameter + CoriolisGradient * Y(y, j);
}
