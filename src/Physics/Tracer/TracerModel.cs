using ClimateAD.Grid.Grids;
using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.Tracer;

/// <summary>
/// A passive tracer <c>c</c> at cell centres, advected by a prescribed C-grid velocity and diffused,
/// in flux form:
/// <code>
///   ∂c/∂t + ∇·(s u c) = κ ∇²c
///   c' = c − Δt/A Σ_faces F      (per stage of SSP-RK3, F = advective + diffusive face fluxes)
/// </code>
/// on any <see cref="Grid2D"/> (periodic or walled planes, the latitude–longitude sphere, with land
/// masks). κ and s are the parameters θ (<see cref="TracerParameterTable"/>). Closed faces (walls,
/// land) carry no flux, so the total mass <c>Σ A c</c> is conserved to round-off on closed and
/// periodic domains. See docs/models/tracer.md.
/// </summary>
/// <remarks>
/// Time scheme: SSP-RK3 (<see cref="TracerRk3"/>); space: <see cref="FluxFormAdvection"/> and
/// <see cref="Grid.Operators.Lap_ccc"/>. Linear stability of the centred scheme with RK3 needs
/// <c>C ≤ √3</c> (the RK3 stability region reaches ±√3 i on the imaginary axis) and, for diffusion,
/// <c>D ≤ 2.5</c> (RK3 reaches −2.51 on the real axis), with the Courant and diffusion numbers of
/// <see cref="CourantNumber"/> and <see cref="DiffusionNumber"/>; the limited schemes keep the tracer
/// monotone for <c>C ≤ ½</c> (Harten 1983, J. Comput. Phys. 49:357–393; SSP-RK3 has SSP coefficient 1).
/// </remarks>
public sealed class TracerModel
{
    /// <summary>Revolution period of Williamson et al. (1992) test case 1: 12 days (s).</summary>
    public const double WilliamsonPeriod = 12 * 86400.0;

    /// <summary>Largest Courant number for linear stability of centred advection with SSP-RK3: √3.</summary>
    public static readonly double CenteredCourantLimit = Math.Sqrt(3.0);

    /// <summary>Largest Courant number for which the limited schemes are TVD/positive with SSP-RK3: ½.</summary>
    public const double LimitedCourantLimit = 0.5;

    /// <summary>Largest diffusion number (<see cref="DiffusionNumber"/>) for SSP-RK3 stability: 2.5 (RK3 reaches −2.5127 on the real axis).</summary>
    public const double DiffusionLimit = 2.5;

    /// <summary>Builds and validates a model.</summary>
    /// <param name="grid">The grid (halo ≥ 2 for the limited schemes).</param>
    /// <param name="velocity">The prescribed velocity on <paramref name="grid"/>.</param>
    /// <param name="timeStep">Δt (s), positive and finite.</param>
    /// <param name="scheme">Advection scheme; <see cref="AdvectionScheme.Centered"/> (smooth, differentiable) by default.</param>
    /// <exception cref="ArgumentException">The velocity is on another grid, Δt is invalid, or the halo is too narrow.</exception>
    public TracerModel(Grid2D grid, VelocityField velocity, double timeStep, AdvectionScheme scheme = AdvectionScheme.Centered)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(velocity);
        if (!ReferenceEquals(velocity.Grid, grid)) throw new ArgumentException("The velocity field was built for another grid.", nameof(velocity));
        if (!(timeStep > 0) || !double.IsFinite(timeStep)) throw new ArgumentOutOfRangeException(nameof(timeStep), timeStep, "Δt must be positive and finite (s).");
        if (!Enum.IsDefined(scheme)) throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Unknown advection scheme.");
        if (scheme != AdvectionScheme.Centered && grid.Halo < 2)
            throw new ArgumentException($"The limited schemes read two cells upwind: the grid's halo must be ≥ 2 (it is {grid.Halo}).", nameof(grid));
        Grid = grid;
        Velocity = velocity;
        TimeStep = timeStep;
        Scheme = scheme;
    }

    /// <summary>The grid.</summary>
    public Grid2D Grid { get; }

    /// <summary>The prescribed velocity (multiplied by the parameter s).</summary>
    public VelocityField Velocity { get; }

    /// <summary>Time step Δt (s).</summary>
    public double TimeStep { get; }

    /// <summary>The advection scheme.</summary>
    public AdvectionScheme Scheme { get; }

    /// <summary>Length of the state vector: one value per cell, <c>Nx · Ny</c>, j-major (<c>x[j·Nx + i]</c>), land cells included (they never change).</summary>
    public int StateLength => Grid.Nx * Grid.Ny;

    /// <summary>The parameter table (κ, s).</summary>
    public static ParameterTable Parameters => TracerParameterTable.All;

    /// <summary>
    /// Courant number <c>C = Δt |s| max_cells Σ_faces |U_f| / (2√(A A_f))</c>, with <c>U_f</c> the open-face
    /// transports and <c>A_f</c> the area of the cell across face f (for a uniform flow on a uniform grid
    /// <c>Δt (|u|/Δx + |v|/Δy)</c>). For a non-divergent flow it bounds <c>Δt</c> times the spectral radius of
    /// the centred advection operator (which is skew in the area-weighted inner product), also next to
    /// the poles where neighbouring rows' areas differ.
    /// </summary>
    public double CourantNumber(double velocityScale = 1.0) => TimeStep * Math.Abs(velocityScale) * AdvectionRate(Grid, Velocity);

    /// <summary>
    /// Diffusion number <c>D = Δt κ max_cells Σ_faces W_f (1/A + 1/√(A A_f))</c>, <c>W = Δy/Δx</c> on u faces
    /// and <c>Δx/Δy</c> on v faces: a bound on Δt κ times the spectral radius of the Laplacian (for a uniform
    /// grid exactly <c>4κΔt (1/Δx² + 1/Δy²)</c>).
    /// </summary>
    public double DiffusionNumber(double diffusivity) => TimeStep * Math.Abs(diffusivity) * DiffusionRate(Grid);

    /// <summary>
    /// The largest stable Δt (s) times <paramref name="safety"/>: <c>Δt = safety / (r_C/C_max + r_D/D_max)</c>
    /// with the rates of <see cref="CourantNumber"/> and <see cref="DiffusionNumber"/> per second and the
    /// limits <see cref="CenteredCourantLimit"/> (or <see cref="LimitedCourantLimit"/>) and <see cref="DiffusionLimit"/>.
    /// </summary>
    /// <exception cref="ArgumentException">There is neither flow nor diffusion.</exception>
    public static double StableTimeStep(Grid2D grid, VelocityField velocity, AdvectionScheme scheme, TracerParameters parameters, double safety = 0.9)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(velocity);
        double courantLimit = scheme == AdvectionScheme.Centered ? CenteredCourantLimit : LimitedCourantLimit;
        double rate = Math.Abs(parameters.VelocityScale) * AdvectionRate(grid, velocity) / courantLimit
                    + Math.Abs(parameters.Diffusivity) * DiffusionRate(grid) / DiffusionLimit;
        if (!(rate > 0)) throw new ArgumentException("Without flow or diffusion every time step is stable; choose one.", nameof(parameters));
        return safety / rate;
    }

    /// <summary>
    /// Williamson et al. (1992) test case 1 on a full latitude–longitude sphere (Earth radius):
    /// solid-body rotation at <c>u₀ = 2πa / 12 days</c> about an axis tilted by <paramref name="alpha"/>,
    /// with the largest Δt that divides 12 days into whole steps at Courant number ≤ <paramref name="courant"/>.
    /// </summary>
    /// <param name="nLongitude">Cells along longitude.</param>
    /// <param name="nLatitude">Cells along latitude.</param>
    /// <param name="alpha">Tilt α (radians). With α ≠ 0 the flow crosses the polar rows, where the zonal
    /// spacing <c>a cos φ Δλ</c> is tiny, so Δt shrinks sharply (the lat-lon grid's polar CFL).</param>
    /// <param name="courant">Target Courant number (≤ √3 for the centred scheme).</param>
    /// <param name="scheme">Advection scheme.</param>
    public static TracerModel SolidBodyRotation(int nLongitude, int nLatitude, double alpha = 0.0, double courant = 1.0,
        AdvectionScheme scheme = AdvectionScheme.Centered)
    {
        if (!(courant > 0)) throw new ArgumentOutOfRangeException(nameof(courant), courant, "The Courant number must be positive.");
        var grid = new LatLonGrid(nLongitude, nLatitude);
        var velocity = VelocityField.SolidBodyRotation(grid, WilliamsonSpeed(grid.Radius), alpha);
        int steps = (int)Math.Ceiling(WilliamsonPeriod * AdvectionRate(grid, velocity) / courant - 1e-9);
        return new TracerModel(grid, velocity, WilliamsonPeriod / Math.Max(steps, 1), scheme);
    }

    /// <summary>A uniform flow <c>(u, v)</c> (m s⁻¹) on a Cartesian grid.</summary>
    public static TracerModel UniformFlow(CartesianGrid grid, double u, double v, double timeStep, AdvectionScheme scheme = AdvectionScheme.Centered)
        => new(grid, VelocityField.Uniform(grid, u, v), timeStep, scheme);

    /// <summary>Rigid rotation with period <paramref name="period"/> (s, counter-clockwise) about the centre of a Cartesian grid.</summary>
    public static TracerModel RigidRotation(CartesianGrid grid, double period, double timeStep, AdvectionScheme scheme = AdvectionScheme.Centered)
    {
        ArgumentNullException.ThrowIfNull(grid);
        double omega = 2 * Math.PI / period;
        var velocity = VelocityField.RigidRotation(grid, omega, grid.OriginX + grid.LengthX / 2, grid.OriginY + grid.LengthY / 2);
        return new TracerModel(grid, velocity, timeStep, scheme);
    }

    /// <summary>Equatorial speed of Williamson test case 1, <c>u₀ = 2πa / 12 days</c> (m s⁻¹); 38.6 m s⁻¹ on the Earth.</summary>
    public static double WilliamsonSpeed(double radius) => 2 * Math.PI * radius / WilliamsonPeriod;

    // max over wet cells of Σ_f |U_f| / (2 √(A A_f)), A_f the area of the cell across face f (s⁻¹): the row sums of
    // the area-symmetrised centred operator A^½ M A^-½, which is skew for a non-divergent flow, so this
    // bounds its spectral radius.
    private static double AdvectionRate(Grid2D g, VelocityField velocity)
    {
        double worst = 0;
        for (int j = 0; j < g.Ny; j++)
        {
            double dy = g.Dy(Stagger.Center, j), dxS = g.Dx(Stagger.Face, j), dxN = g.Dx(Stagger.Face, j + 1);
            double area = g.Area(Stagger.Center, j), areaS = g.Area(Stagger.Center, j - 1), areaN = g.Area(Stagger.Center, j + 1);
            for (int i = 0; i < g.Nx; i++)
            {
                if (!g.IsWet(i, j)) continue;
                double sum = (Math.Abs(g.Mask(Location.Fcc, i, j) * Face(velocity, g, i, j, u: true)) * dy
                            + Math.Abs(g.Mask(Location.Fcc, i + 1, j) * Face(velocity, g, i + 1, j, u: true)) * dy) / area
                           + Math.Abs(g.Mask(Location.Cfc, i, j) * Face(velocity, g, i, j, u: false)) * dxS / Math.Sqrt(area * areaS)
                           + Math.Abs(g.Mask(Location.Cfc, i, j + 1) * Face(velocity, g, i, j + 1, u: false)) * dxN / Math.Sqrt(area * areaN);
                worst = Math.Max(worst, sum / 2);
            }
        }
        return worst;
    }

    // max over wet cells of Σ_f W_f (1/A + 1/√(A A_f)) (s⁻¹ per m² s⁻¹ of κ): Gershgorin bound on the spectral radius of
    // the area-symmetrised Laplacian A^-½ S A^-½ (exact, 4/Δx² + 4/Δy², on a uniform periodic grid).
    private static double DiffusionRate(Grid2D g)
    {
        double worst = 0;
        for (int j = 0; j < g.Ny; j++)
        {
            double wx = g.Dy(Stagger.Center, j) / g.Dx(Stagger.Center, j);
            double wS = g.Dx(Stagger.Face, j) / g.Dy(Stagger.Face, j), wN = g.Dx(Stagger.Face, j + 1) / g.Dy(Stagger.Face, j + 1);
            double area = g.Area(Stagger.Center, j), areaS = g.Area(Stagger.Center, j - 1), areaN = g.Area(Stagger.Center, j + 1);
            for (int i = 0; i < g.Nx; i++)
            {
                if (!g.IsWet(i, j)) continue;
                double sum = (g.Mask(Location.Fcc, i, j) + g.Mask(Location.Fcc, i + 1, j)) * wx * 2 / area
                           + g.Mask(Location.Cfc, i, j) * wS * (1 / area + 1 / Math.Sqrt(area * areaS))
                           + g.Mask(Location.Cfc, i, j + 1) * wN * (1 / area + 1 / Math.Sqrt(area * areaN));
                worst = Math.Max(worst, sum);
            }
        }
        return worst;
    }

    // Face value with periodic wrap; faces beyond a bounded axis are walls (masked anyway).
    private static double Face(VelocityField velocity, Grid2D g, int i, int j, bool u)
    {
        if (g.TopologyX == Topology.Periodic) i = ((i % g.Nx) + g.Nx) % g.Nx;
        if (g.TopologyY == Topology.Periodic) j = ((j % g.Ny) + g.Ny) % g.Ny;
        if (i >= g.Nx || j >= g.Ny) return 0.0;
        return u ? velocity.U(i, j) : velocity.V(i, j);
    }
}
