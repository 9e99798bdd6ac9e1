using ClimateAD.Grid.Grids;

namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// Initial conditions and configurations of the classic shallow-water experiments: the wind-driven
/// double gyre (Munk 1950; Stommel 1948), Rossby's geostrophic adjustment, Williamson et al. (1992)
/// test case 2 and the Galewsky et al. (2004) barotropic instability.
/// </summary>
public static class ShallowWaterSetups
{
    /// <summary>Williamson et al. (1992): <c>g h₀ = 2.94×10⁴ m² s⁻²</c> of test case 2.</summary>
    public const double Tc2GeopotentialMean = 2.94e4;

    /// <summary>Williamson et al. (1992): gravity <c>g = 9.80616 m s⁻²</c>.</summary>
    public const double WilliamsonGravity = 9.80616;

    /// <summary>Williamson et al. (1992): Earth radius <c>a = 6.37122×10⁶ m</c>.</summary>
    public const double WilliamsonRadius = 6.37122e6;

    /// <summary>Williamson et al. (1992): rotation rate <c>Ω = 7.292×10⁻⁵ s⁻¹</c>.</summary>
    public const double WilliamsonRotation = 7.292e-5;

    /// <summary>
    /// The wind-driven double gyre in a closed square β-plane basin of side <paramref name="length"/>:
    /// zonal wind stress <c>τ = −τ₀ cos(2π y / L)</c> (<see cref="WindDrivenBasin"/> with two gyres).
    /// </summary>
    /// <inheritdoc cref="WindDrivenBasin"/>
    public static ShallowWaterSetup DoubleGyre(int n = 48, double length = 1.2e6, double depth = 500, double gravity = 9.81,
        double coriolis = 1e-4, double beta = 2e-11, double viscosity = 2e4, double windStress = 0.05, double? dampingTime = null, double? timeStep = null)
        => WindDrivenBasin(n, length, depth, gravity, coriolis, beta, viscosity, windStress, dampingTime, timeStep, gyres: 2);

    /// <summary>
    /// A wind-driven gyre circulation in a closed square β-plane basin of side <paramref name="length"/>:
    /// zonal wind stress <c>τ = −τ₀ cos(k π y / L)</c> with <c>k</c> = <paramref name="gyres"/> (1: one subtropical
    /// gyre; 2: the double gyre, westerlies in the middle, easterlies at the south and north walls), Laplacian viscosity
    /// <c>ν</c> (Munk 1950 layer <c>(ν/β)^(1/3)</c>), optional linear drag (Stommel 1948 layer <c>1/(β τ_d)</c>);
    /// fluid at rest with thickness <c>H</c>; <c>f = f₀ + β y</c> with <c>y</c> from the basin centre.
    /// </summary>
    /// <param name="n">Cells per side.</param>
    /// <param name="length">Basin side <c>L</c> (m).</param>
    /// <param name="depth">Layer thickness <c>H</c> (m).</param>
    /// <param name="gravity">(Reduced) gravity <c>g</c> (m s⁻²).</param>
    /// <param name="coriolis">Coriolis parameter at the centre <c>f₀</c> (s⁻¹).</param>
    /// <param name="beta">Meridional gradient <c>β</c> (m⁻¹ s⁻¹).</param>
    /// <param name="viscosity">Laplacian viscosity <c>ν</c> (m² s⁻¹).</param>
    /// <param name="windStress">Wind-stress amplitude <c>τ₀</c> (N m⁻²).</param>
    /// <param name="dampingTime">Linear-drag damping time (s), or <c>null</c> for no drag.</param>
    /// <param name="timeStep">Time step (s); by default 0.4 of the gravity-wave CFL limit.</param>
    /// <param name="gyres">Number of gyres, 1 or 2.</param>
    public static ShallowWaterSetup WindDrivenBasin(int n = 48, double length = 1.2e6, double depth = 500, double gravity = 9.81,
        double coriolis = 1e-4, double beta = 2e-11, double viscosity = 2e4, double windStress = 0.05, double? dampingTime = null, double? timeStep = null,
        int gyres = 2)
    {
        if (gyres is not (1 or 2)) throw new ArgumentOutOfRangeException(nameof(gyres), gyres, "One or two gyres.");
        var grid = new CartesianGrid(n, n, length, length, Topology.Bounded, Topology.Bounded, halo: 2,
            originY: -length / 2, coriolisParameter: coriolis, coriolisGradient: beta);
        double dx = length / n, c = Math.Sqrt(gravity * depth);
        double dt = timeStep ?? 0.4 * dx / c / Math.Sqrt(2);
        var wind = new double[n, n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
                wind[i, j] = -Math.Cos(gyres * Math.PI * (j + 0.5) / n);
        var config = new ShallowWaterConfiguration(grid, dt)
        {
            Pressure = new BernoulliGradient(gravity),
            Viscosity = new LaplacianViscosity(viscosity),
            Wind = new WindStress(windStress),
            WindPatternX = wind,
            LinearDrag = dampingTime is { } td ? new LinearDrag(td) : null,
        };
        return new ShallowWaterSetup(config, Rest(config, (_, _) => depth),
            $"Wind-driven {(gyres == 2 ? "double gyre" : "single gyre")} (Munk 1950): {n}×{n} basin of {length / 1e3:G4} km, H = {depth} m, ν = {viscosity:G3} m2 s-1, Munk width {Math.Cbrt(viscosity / beta) / 1e3:G3} km.");
    }

    /// <summary>
    /// Rossby's geostrophic adjustment on an f-plane: a periodic channel <paramref name="nx"/> cells long
    /// (two cells wide, periodic in y) of resolution <c>Ld/4</c>, with a top-hat thickness
    /// <c>H + Δh</c> over the middle half and <c>H</c> elsewhere, at rest. The adjusted state is
    /// geostrophic, <c>f v = g ∂h/∂x</c>, with <c>h − H</c> relaxing over the Rossby radius
    /// <c>Ld = √(gH)/f</c> from each front (Gill 1982, <i>Atmosphere–Ocean Dynamics</i>, §7.2).
    /// </summary>
    /// <param name="nx">Cells along the channel.</param>
    /// <param name="depth">Thickness <c>H</c> (m).</param>
    /// <param name="step">Step height <c>Δh</c> (m).</param>
    /// <param name="gravity">Gravity (m s⁻²).</param>
    /// <param name="coriolis">Coriolis parameter <c>f</c> (s⁻¹).</param>
    /// <param name="cellsPerRadius">Cells per Rossby radius.</param>
    public static ShallowWaterSetup GeostrophicAdjustment(int nx = 512, double depth = 100, double step = 1, double gravity = 9.81,
        double coriolis = 1e-4, int cellsPerRadius = 4)
    {
        double ld = Math.Sqrt(gravity * depth) / coriolis, dx = ld / cellsPerRadius;
        var grid = new CartesianGrid(nx, 2, nx * dx, 2 * dx, Topology.Periodic, Topology.Periodic, halo: 2, coriolisParameter: coriolis);
        var config = new ShallowWaterConfiguration(grid, 0.4 * dx / Math.Sqrt(gravity * (depth + step)))
        {
            Pressure = new BernoulliGradient(gravity),
            Stepper = ShallowWaterTimeStepper.Rk4,
        };
        return new ShallowWaterSetup(config, Rest(config, (i, _) => i >= nx / 4 && i < 3 * nx / 4 ? depth + step : depth),
            $"Geostrophic adjustment of a {step} m step on H = {depth} m; Rossby radius {ld / 1e3:G4} km = {cellsPerRadius} cells.");
    }

    /// <summary>
    /// Williamson et al. (1992) test case 2, steady zonal geostrophic flow with <c>α = 0</c>:
    /// <c>u = u₀ cos φ</c>, <c>v = 0</c>, <c>g h = g h₀ − (a Ω u₀ + u₀²/2) sin² φ</c>, <c>u₀ = 2πa/12 days</c>,
    /// on a latitude–longitude grid bounded by walls at <c>±</c><paramref name="latitudeCap"/> (the
    /// model's polar treatment; the exact solution has <c>v = 0</c>, so the walls do not disturb it).
    /// The exact thickness is <see cref="WilliamsonTc2Thickness"/>.
    /// </summary>
    /// <param name="nLongitude">Cells in longitude; <c>Δλ = 360°/n</c>.</param>
    /// <param name="latitudeCap">Latitude of the walls (degrees), so that the band has <c>2 cap / Δλ</c> rows.</param>
    /// <param name="cfl">Gravity-wave CFL number of the time step at the narrowest cell.</param>
    /// <param name="stepper">Time stepper.</param>
    public static ShallowWaterSetup WilliamsonTestCase2(int nLongitude = 64, double latitudeCap = 78.75, double cfl = 0.5,
        ShallowWaterTimeStepper stepper = ShallowWaterTimeStepper.Rk4)
    {
        double dDeg = 360.0 / nLongitude;
        int nLat = (int)Math.Round(2 * latitudeCap / dDeg);
        var grid = new LatLonGrid(nLongitude, nLat, latitudeSouth: -nLat * dDeg / 2, latitudeNorth: nLat * dDeg / 2,
            radius: WilliamsonRadius, rotationRate: WilliamsonRotation);
        double u0 = 2 * Math.PI * WilliamsonRadius / (12 * 86400.0);
        double dxMin = Enumerable.Range(0, nLat).Min(j => grid.Dx(Stagger.Center, j));
        double dt = cfl * dxMin / (Math.Sqrt(Tc2GeopotentialMean) + u0);
        var config = new ShallowWaterConfiguration(grid, dt) { Pressure = new BernoulliGradient(WilliamsonGravity), Stepper = stepper };
        var layout = config.Layout;
        var x = new double[layout.Length];
        for (int j = 0; j < nLat; j++)
            for (int i = 0; i < nLongitude; i++)
            {
                x[layout.Index(0, i, j)] = WilliamsonTc2Thickness(grid.LatitudeRadians(Stagger.Center, j));
                x[layout.Index(1, i, j)] = u0 * Math.Cos(grid.LatitudeRadians(Stagger.Center, j));
            }
        return new ShallowWaterSetup(config, x, $"Williamson et al. (1992) test case 2 on {nLongitude}×{nLat} ({dDeg:G4}°), walls at ±{nLat * dDeg / 2:G4}°.");
    }

    /// <summary>Exact thickness of Williamson test case 2 at latitude <paramref name="phi"/> (radians): <c>h = (g h₀ − (a Ω u₀ + u₀²/2) sin² φ)/g</c> (m).</summary>
    public static double WilliamsonTc2Thickness(double phi)
    {
        double u0 = 2 * Math.PI * WilliamsonRadius / (12 * 86400.0), s = Math.Sin(phi);
        return (Tc2GeopotentialMean - (WilliamsonRadius * WilliamsonRotation * u0 + 0.5 * u0 * u0) * s * s) / WilliamsonGravity;
    }

    /// <summary>
    /// Galewsky, Scott &amp; Polvani (2004), Tellus 56A:429–440: a balanced mid-latitude jet
    /// <c>u = (u_max/e_n) exp(1/((φ − φ₀)(φ − φ₁)))</c> between <c>φ₀ = π/7</c> and <c>φ₁ = π/2 − φ₀</c>,
    /// <c>u_max = 80 m s⁻¹</c>, thickness from gradient-wind balance with global mean 10 km, plus the
    /// perturbation <c>ĥ cos φ exp(−(λ/α)²) exp(−((φ₂ − φ)/β)²)</c> (<c>ĥ = 120 m, α = 1/3, β = 1/15, φ₂ = π/4</c>) that
    /// triggers the barotropic instability (set <paramref name="perturbation"/> false for the steady
    /// jet). Walls at <c>±</c><paramref name="latitudeCap"/>. A biharmonic viscosity can be added.
    /// </summary>
    /// <param name="nLongitude">Cells in longitude.</param>
    /// <param name="latitudeCap">Latitude of the walls (degrees).</param>
    /// <param name="perturbation">Add the height perturbation.</param>
    /// <param name="biharmonicViscosity">Biharmonic viscosity (m⁴ s⁻¹), or <c>null</c>.</param>
    /// <param name="cfl">Gravity-wave CFL number of the time step.</param>
    public static ShallowWaterSetup Galewsky(int nLongitude = 128, double latitudeCap = 80, bool perturbation = true, double? biharmonicViscosity = null, double cfl = 0.5)
    {
        double dDeg = 360.0 / nLongitude;
        int nLat = 2 * (int)Math.Round(latitudeCap / dDeg);
        double a = WilliamsonRadius, omega = WilliamsonRotation, g = WilliamsonGravity;
        var grid = new LatLonGrid(nLongitude, nLat, latitudeSouth: -nLat * dDeg / 2, latitudeNorth: nLat * dDeg / 2, radius: a, rotationRate: omega);
        double phi0 = Math.PI / 7, phi1 = Math.PI / 2 - phi0, umax = 80, en = Math.Exp(-4 / ((phi1 - phi0) * (phi1 - phi0)));
        double U(double phi) => phi <= phi0 || phi >= phi1 ? 0 : umax / en * Math.Exp(1 / ((phi - phi0) * (phi - phi1)));
        // g h(φ) = g h₀ − ∫_{−π/2}^{φ} a u (f + u tan φ / a) dφ, by composite Simpson on a fine grid.
        double Integral(double phi)
        {
            int m = 2000;
            double lo = -Math.PI / 2, w = (phi - lo) / m, sum = 0;
            for (int k = 0; k <= m; k++)
            {
                double p = lo + k * w, u = U(p), f = a * u * (2 * omega * Math.Sin(p) + u * Math.Tan(p) / a);
                sum += (k == 0 || k == m ? 1 : k % 2 == 1 ? 4 : 2) * f;
            }
            return sum * w / 3;
        }
        var balance = new double[nLat];
        double meanNumerator = 0, meanDenominator = 0;
        for (int j = 0; j < nLat; j++)
        {
            double phi = grid.LatitudeRadians(Stagger.Center, j);
            balance[j] = -Integral(phi) / g;
            meanNumerator += grid.Area(Stagger.Center, j) * balance[j];
            meanDenominator += grid.Area(Stagger.Center, j);
        }
        double h0 = 10000 - meanNumerator / meanDenominator;
        double c = Math.Sqrt(g * 10500) + umax;
        double dt = cfl * Enumerable.Range(0, nLat).Min(j => grid.Dx(Stagger.Center, j)) / c;
        var config = new ShallowWaterConfiguration(grid, dt)
        {
            Pressure = new BernoulliGradient(g),
            Biharmonic = biharmonicViscosity is { } nu4 ? new BiharmonicViscosity(nu4) : null,
            Stepper = ShallowWaterTimeStepper.Rk4,
        };
        var layout = config.Layout;
        var x = new double[layout.Length];
        for (int j = 0; j < nLat; j++)
            for (int i = 0; i < nLongitude; i++)
            {
                double phi = grid.LatitudeRadians(Stagger.Center, j), lambda = grid.LongitudeRadians(Stagger.Center, i);
                if (lambda > Math.PI) lambda -= 2 * Math.PI;
                double bump = perturbation ? 120 * Math.Cos(phi) * Math.Exp(-Math.Pow(lambda * 3, 2)) * Math.Exp(-Math.Pow((Math.PI / 4 - phi) * 15, 2)) : 0;
                x[layout.Index(0, i, j)] = h0 + balance[j] + bump;
                x[layout.Index(1, i, j)] = U(phi);
            }
        return new ShallowWaterSetup(config, x, $"Galewsky et al. (2004) barotropic instability on {nLongitude}×{nLat} ({dDeg:G4}°), walls at ±{nLat * dDeg / 2:G4}°.");
    }

    // A state at rest with thickness h(i, j) (zero history).
    private static double[] Rest(ShallowWaterConfiguration config, Func<int, int, double> h)
    {
        var layout = config.Layout;
        var x = new double[layout.Length];
        for (int j = 0; j < layout.Ny; j++)
            for (int i = 0; i < layout.Nx; i++)
                x[layout.Index(0, i, j)] = h(i, j);
        return x;
    }
}
