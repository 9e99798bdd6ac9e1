using ClimateAD.Grid.Grids;

namespace ClimateAD.Physics.Tracer;

/// <summary>
/// A prescribed, time-independent velocity on the Arakawa C-grid of a <see cref="Grid2D"/>: the
/// x-component <c>u</c> (m s⁻¹) on the u faces (fcc; face <c>i</c> is the west face of cell <c>i</c>) and
/// the y-component <c>v</c> (m s⁻¹) on the v faces (cfc; face <c>j</c> is the south face of cell <c>j</c>).
/// On the sphere <c>u</c> is eastward and <c>v</c> northward.
/// </summary>
/// <remarks>
/// <para>Built from a streamfunction (<see cref="FromStreamfunction"/>), the face velocities are
/// <c>u Δy = −(ψ_NW − ψ_SW)</c> and <c>v Δx = ψ_SE − ψ_SW</c> with <c>ψ</c> at cell corners, so the
/// discrete divergence of the face transports vanishes in every cell (up to the rounding of the
/// division by the face length): the flow is discretely non-divergent (Arakawa &amp; Lamb 1977,
/// Methods Comput. Phys. 17:173–265). Faces on walls and next to land are closed by the grid's
/// masks when the transports are formed, whatever is stored here.</para>
/// <para>Values are stored for the <c>Nx × Ny</c> interior faces; the halos (including the far
/// east/north face of a bounded axis, which is a closed wall) are filled by the solver.</para>
/// </remarks>
public sealed class VelocityField
{
    private readonly double[,] _u, _v;

    private VelocityField(Grid2D grid, double[,] u, double[,] v)
    {
        Grid = grid;
        _u = u;
        _v = v;
    }

    /// <summary>The grid.</summary>
    public Grid2D Grid { get; }

    /// <summary><c>u</c> (m s⁻¹) on u face <c>(i, j)</c>, <c>0 ≤ i &lt; Nx</c>, <c>0 ≤ j &lt; Ny</c>.</summary>
    public double U(int i, int j) => _u[i, j];

    /// <summary><c>v</c> (m s⁻¹) on v face <c>(i, j)</c>, <c>0 ≤ i &lt; Nx</c>, <c>0 ≤ j &lt; Ny</c>.</summary>
    public double V(int i, int j) => _v[i, j];

    /// <summary>The largest face speed <c>max(|u|, |v|)</c> (m s⁻¹).</summary>
    public double MaxSpeed
    {
        get
        {
            double m = 0;
            foreach (double x in _u) m = Math.Max(m, Math.Abs(x));
            foreach (double x in _v) m = Math.Max(m, Math.Abs(x));
            return m;
        }
    }

    /// <summary>
    /// From face values: <c>u[i, j]</c> and <c>v[i, j]</c> arrays of <c>Nx × Ny</c> (m s⁻¹).
    /// </summary>
    /// <exception cref="ArgumentException">An array has the wrong shape or a non-finite value.</exception>
    public static VelocityField FromArrays(Grid2D grid, double[,] u, double[,] v)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        foreach (var (a, name) in new[] { (u, nameof(u)), (v, nameof(v)) })
        {
            if (a.GetLength(0) != grid.Nx || a.GetLength(1) != grid.Ny)
                throw new ArgumentException($"'{name}' is {a.GetLength(0)}×{a.GetLength(1)} but the grid is {grid.Nx}×{grid.Ny}.", name);
            foreach (double x in a)
                if (!double.IsFinite(x)) throw new ArgumentException($"'{name}' has a non-finite value.", name);
        }
        return new VelocityField(grid, (double[,])u.Clone(), (double[,])v.Clone());
    }

    /// <summary>
    /// Samples <c>u(x, y)</c> at the u faces and <c>v(x, y)</c> at the v faces, in the grid's own
    /// coordinates (<see cref="Grid2D.X"/>, <see cref="Grid2D.Y"/>: metres on a plane, degrees on the sphere).
    /// The sampled flow is in general not discretely non-divergent; prefer <see cref="FromStreamfunction"/>.
    /// </summary>
    public static VelocityField FromComponents(Grid2D grid, Func<double, double, double> u, Func<double, double, double> v)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        var us = new double[grid.Nx, grid.Ny];
        var vs = new double[grid.Nx, grid.Ny];
        for (int j = 0; j < grid.Ny; j++)
            for (int i = 0; i < grid.Nx; i++)
            {
                us[i, j] = u(grid.X(Stagger.Face, i), grid.Y(Stagger.Center, j));
                vs[i, j] = v(grid.X(Stagger.Center, i), grid.Y(Stagger.Face, j));
            }
        return FromArrays(grid, us, vs);
    }

    /// <summary>A uniform flow <c>(u, v)</c> (m s⁻¹); on the sphere, uniform in eastward/northward components.</summary>
    public static VelocityField Uniform(Grid2D grid, double u, double v) => FromComponents(grid, (_, _) => u, (_, _) => v);

    /// <summary>
    /// A non-divergent flow from a streamfunction <c>ψ(x, y)</c> (m² s⁻¹) evaluated at the cell corners
    /// (grid coordinates): <c>u = −(ψ(i, j+1) − ψ(i, j)) / Δy_ccc[j]</c>,
    /// <c>v = (ψ(i+1, j) − ψ(i, j)) / Δx_cfc[j]</c> (0 on faces of zero length, at the poles), i.e.
    /// <c>u = −∂ψ/∂y</c>, <c>v = ∂ψ/∂x</c>.
    /// </summary>
    /// <param name="grid">The grid.</param>
    /// <param name="psi">Streamfunction (m² s⁻¹) of the grid coordinates.</param>
    /// <param name="zeroOnCoasts">When true, ψ = 0 at every corner that touches a land cell or a wall
    /// (<see cref="Location.Ffc"/> mask 0), so that no flow crosses a coast and the flow stays discretely
    /// non-divergent in every wet cell (a closed basin; islands get no net circulation). Without it, a
    /// flow that crosses a coast or wall is cut there by the face masks and is discretely divergent in
    /// the cells along it, where the centred scheme is then not skew-symmetric and can grow.</param>
    public static VelocityField FromStreamfunction(Grid2D grid, Func<double, double, double> psi, bool zeroOnCoasts = false)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(psi);
        var corner = new double[grid.Nx + 1, grid.Ny + 1];
        for (int j = 0; j <= grid.Ny; j++)
            for (int i = 0; i <= grid.Nx; i++)
                corner[i, j] = zeroOnCoasts && grid.Mask(Location.Ffc, i, j) == 0 ? 0.0 : psi(grid.X(Stagger.Face, i), grid.Y(Stagger.Face, j));
        var us = new double[grid.Nx, grid.Ny];
        var vs = new double[grid.Nx, grid.Ny];
        for (int j = 0; j < grid.Ny; j++)
        {
            double dy = grid.Dy(Stagger.Center, j), dx = grid.Dx(Stagger.Face, j);
            for (int i = 0; i < grid.Nx; i++)
            {
                us[i, j] = -(corner[i, j + 1] - corner[i, j]) / dy;
                vs[i, j] = dx > 0 ? (corner[i + 1, j] - corner[i, j]) / dx : 0.0;
            }
        }
        return FromArrays(grid, us, vs);
    }

    /// <summary>
    /// Solid-body rotation on the sphere (Williamson et al. 1992, J. Comput. Phys. 102:211–224, test case 1,
    /// eqs. 75–76): <c>u = u₀(cos φ cos α + sin φ cos λ sin α)</c>, <c>v = −u₀ sin λ sin α</c>, from the
    /// streamfunction <c>ψ = −a u₀ (sin φ cos α − cos λ cos φ sin α)</c>; α is the angle between the
    /// rotation axis and the polar axis.
    /// </summary>
    /// <param name="grid">The latitude–longitude grid.</param>
    /// <param name="speed">Equatorial speed <c>u₀</c> (m s⁻¹); <c>2πa / (12 days)</c> in test case 1.</param>
    /// <param name="alpha">Rotation-axis tilt α (radians); 0 is a purely zonal flow.</param>
    public static VelocityField SolidBodyRotation(LatLonGrid grid, double speed, double alpha)
    {
        ArgumentNullException.ThrowIfNull(grid);
        double a = grid.Radius, ca = Math.Cos(alpha), sa = Math.Sin(alpha);
        return FromStreamfunction(grid, (lonDeg, latDeg) =>
        {
            double lam = lonDeg * Math.PI / 180, phi = latDeg * Math.PI / 180;
            return -a * speed * (Math.Sin(phi) * ca - Math.Cos(lam) * Math.Cos(phi) * sa);
        });
    }

    /// <summary>
    /// A single gyre filling a closed Cartesian basin, from
    /// <c>ψ = (U L_x/π) sin(π(x − x₀)/L_x) sin(π(y − y₀)/L_y)</c> (clockwise for U &gt; 0: northward at
    /// speed U along the western wall, westward at U L_x/L_y along the southern wall), with ψ = 0 on every coast and wall
    /// (<see cref="FromStreamfunction"/> with <c>zeroOnCoasts</c>), so it is tangent to the walls and to
    /// any island: Stommel's basin geometry without the western intensification (Stommel 1948, Trans. AGU 29:202–206).
    /// </summary>
    /// <param name="grid">The grid.</param>
    /// <param name="speed">Velocity scale U (m s⁻¹).</param>
    public static VelocityField BasinGyre(CartesianGrid grid, double speed)
    {
        ArgumentNullException.ThrowIfNull(grid);
        double lx = grid.LengthX, ly = grid.LengthY, x0 = grid.OriginX, y0 = grid.OriginY;
        return FromStreamfunction(grid, (x, y) => speed * lx / Math.PI * Math.Sin(Math.PI * (x - x0) / lx) * Math.Sin(Math.PI * (y - y0) / ly), zeroOnCoasts: true);
    }

    /// <summary>
    /// Rigid rotation on a plane at angular velocity ω (s⁻¹, counter-clockwise when positive) about
    /// <c>(x_c, y_c)</c> (m): <c>u = −ω (y − y_c)</c>, <c>v = ω (x − x_c)</c>, from
    /// <c>ψ = ω((x − x_c)² + (y − y_c)²)/2</c> (LeVeque 1996, SIAM J. Numer. Anal. 33:627–665, solid-body rotation test).
    /// Walls and land are not streamlines of this flow: where it crosses them it is cut by the face masks
    /// (see <see cref="FromStreamfunction"/>); use it on periodic planes or keep the tracer away from walls.
    /// </summary>
    public static VelocityField RigidRotation(CartesianGrid grid, double angularVelocity, double centreX, double centreY)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return FromStreamfunction(grid, (x, y) =>
            0.5 * angularVelocity * ((x - centreX) * (x - centreX) + (y - centreY) * (y - centreY)));
    }
}
