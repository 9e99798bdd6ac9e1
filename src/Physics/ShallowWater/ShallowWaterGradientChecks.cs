using ClimateAD.Adjoint.Costs;
using ClimateAD.Adjoint.Verification;
using ClimateAD.Grid.Grids;

namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// Registers the shallow-water model with the gradient-check harness (DESIGN.md §3; prefix
/// <see cref="Prefix"/>): every term on top of the dynamical core (PV flux + Bernoulli gradient),
/// every stepper, a masked basin, a periodic channel and the sphere, each over a few steps with the
/// twin-experiment cost <see cref="TwinCost"/>; and the whole wind-driven model over many steps with a sampled misfit of
/// the final state (<see cref="WholeModel"/>).
/// </summary>
/// <remarks>
/// Check grids are small (a 10 × 8 β-plane basin, 1000 km × 800 km, <c>H = 100</c> m) so that the
/// finite-difference and Taylor checks stay cheap. The state is a smooth, non-trivial flow
/// (<see cref="CheckState"/>) so that every nonlinear term is active.
/// </remarks>
public sealed class ShallowWaterGradientChecks : IGradientCheckProvider
{
    /// <summary>Prefix of every registered name.</summary>
    public const string Prefix = "ShallowWater.";

    /// <summary>Mean layer thickness of the checks (m).</summary>
    public const double MeanDepth = 100.0;

    /// <summary>The check basin: <paramref name="nx"/> × <paramref name="ny"/> cells of 100 km on a β-plane at 30° N (f₀ = 7.3×10⁻⁵ s⁻¹, β = 2×10⁻¹¹ m⁻¹ s⁻¹).</summary>
    public static CartesianGrid CheckGrid(int nx = 10, int ny = 8, Topology x = Topology.Bounded, Topology y = Topology.Bounded, LandSeaMask? mask = null)
        => new(nx, ny, nx * 1e5, ny * 1e5, x, y, halo: 2, originY: -ny * 0.5e5, coriolisParameter: 7.3e-5, coriolisGradient: 2e-11, mask: mask);

    /// <summary>
    /// A configuration on <paramref name="grid"/> with the core terms (g = 9.81) and every optional
    /// slot switched on when <paramref name="allTerms"/>: ν = 2×10⁵ m² s⁻¹, ν₄ = 2×10¹⁴ m⁴ s⁻¹ (θ = 200), τ_d = 10⁵ s,
    /// C_d = 2.5×10⁻³, τ₀ = 0.2 N m⁻² on a double-gyre pattern, τ = 10⁵ s towards a sloping target,
    /// a Gaussian seamount; Δt = 600 s (CFL ≈ 0.2).
    /// </summary>
    public static ShallowWaterConfiguration CheckConfiguration(Grid2D grid, bool allTerms = false, ShallowWaterTimeStepper stepper = ShallowWaterTimeStepper.SspRk3)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var c = new ShallowWaterConfiguration(grid, grid is LatLonGrid ? 300.0 : 600.0)
        {
            Stepper = stepper,
            Pressure = new BernoulliGradient(9.81),
            WindPatternX = Pattern(grid, (x, y) => -Math.Cos(2 * Math.PI * y)),
            WindPatternY = Pattern(grid, (x, y) => 0.3 * Math.Sin(Math.PI * x)),
            RelaxationTarget = Pattern(grid, (x, y) => MeanDepth * (1 + 0.05 * y)),
            Topography = Pattern(grid, (x, y) => 10 * Math.Exp(-20 * ((x - 0.4) * (x - 0.4) + (y - 0.6) * (y - 0.6)))),
        };
        if (!allTerms) return c;
        return c with
        {
            Viscosity = new LaplacianViscosity(2e5),
            Biharmonic = new BiharmonicViscosity(2e14),
            LinearDrag = new LinearDrag(1e5),
            QuadraticDrag = new QuadraticDrag(2.5e-3),
            Wind = new WindStress(0.2),
            Relaxation = new HeightRelaxation(1e5),
        };
    }

    /// <summary>
    /// A smooth flow on the configuration's grid: <c>h = H (1 + 0.05 sin 2πx cos πy + 0.02 cos 3πx)</c>,
    /// <c>u = 0.4 sin πy cos 2πx + 0.1</c>, <c>v = 0.3 sin 2πx cos πy − 0.05</c> (x, y in units of the domain); zero Adams–Bashforth history.
    /// </summary>
    public static double[] CheckState(ShallowWaterConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var grid = configuration.Grid;
        var layout = configuration.Layout;
        var x = new double[layout.Length];
        for (int j = 0; j < grid.Ny; j++)
            for (int i = 0; i < grid.Nx; i++)
            {
                double xc = (i + 0.5) / grid.Nx, yc = (j + 0.5) / grid.Ny, xf = (double)i / grid.Nx, yf = (double)j / grid.Ny;
                x[layout.Index(0, i, j)] = MeanDepth * (1 + 0.05 * Math.Sin(2 * Math.PI * xc) * Math.Cos(Math.PI * yc) + 0.02 * Math.Cos(3 * Math.PI * xc));
                x[layout.Index(1, i, j)] = grid.Mask(Location.Fcc, i, j) * (0.4 * Math.Sin(Math.PI * yc) * Math.Cos(2 * Math.PI * xf) + 0.1);
                x[layout.Index(2, i, j)] = grid.Mask(Location.Cfc, i, j) * (0.3 * Math.Sin(2 * Math.PI * xc) * Math.Cos(Math.PI * yf) - 0.05);
            }
        return x;
    }

    /// <summary>A case of <paramref name="configuration"/> over <paramref name="steps"/> steps from <see cref="CheckState"/> with the <see cref="TwinCost"/>.</summary>
    public static GradientCheckCase Case(string name, ShallowWaterConfiguration configuration, int steps = 6)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var layout = configuration.Layout;
        var grid = configuration.Grid;
        int ci = grid.Nx / 2, cj = grid.Ny / 2;
        while (grid.Mask(Location.Ffc, ci, cj) == 0 || grid.Mask(Location.Ffc, ci + 1, cj) == 0) ci = (ci + 1) % (grid.Nx - 1);
        var step = new ShallowWaterStep(configuration);
        var x0 = CheckState(configuration);
        var theta = configuration.DefaultParameters();
        return new GradientCheckCase(name, step, x0, theta)
        {
            Steps = steps,
            Cost = TwinCost(step, x0, theta, steps),
            CheckedStateComponents = [layout.Index(0, ci, cj), layout.Index(1, ci + 1, cj), layout.Index(2, ci, cj)],
        };
    }

    /// <summary>
    /// A twin-experiment cost for the checks, <c>J = ½ Σ_n Σ_k (x[n]_k − y[n]_k)²/σ_k² + ½ Σ_i (θ_i − 0.9 θ_i)²/θ_i²</c>: every
    /// <c>h, u, v</c> value at every step (σ = 0.1 m for <c>h</c>, 0.01 m s⁻¹ for <c>u, v</c>) against the trajectory <c>y</c> of the
    /// model with all parameters 5 % larger, from the same initial state; a background relative to each parameter's size.
    /// Unlike the harness's default (unit variances), it is balanced for parameters of any magnitude.
    /// </summary>
    public static QuadraticCost TwinCost(ShallowWaterStep step, double[] x0, double[] theta, int steps)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(x0);
        ArgumentNullException.ThrowIfNull(theta);
        var layout = step.Layout;
        var truth = theta.Select(t => 1.05 * t).ToArray();
        var reference = new double[steps + 1][];
        reference[0] = (double[])x0.Clone();
        for (int n = 0; n < steps; n++)
        {
            reference[n + 1] = new double[x0.Length];
            step.Forward(n, reference[n], truth, reference[n + 1]);
        }
        var allSteps = Enumerable.Range(0, steps + 1).ToArray();
        var terms = Enumerable.Range(0, 3 * layout.BlockLength).Select(k =>
        {
            double sigma = k < layout.BlockLength ? 0.1 : 0.01;
            return new ObservationTerm(new SampleOperator(k, allSteps), allSteps.Select(n => reference[n][k]), DiagonalCovariance.Uniform(steps + 1, sigma * sigma));
        });
        var background = theta.Length > 0
            ? new BackgroundTerm(theta.Select(t => 0.9 * t), new DiagonalCovariance(theta.Select(t => Math.Max(t * t, 1e-30))))
            : null;
        return new QuadraticCost(terms, background);
    }

    /// <summary>
    /// The whole model (every term, SSP-RK3) on an <paramref name="n"/> × <paramref name="n"/> basin over
    /// <paramref name="steps"/> steps with the cost <c>J = ½ Σ_k (x_L[k] − y_k)²/σ_k² + ½ Σ (θ − θ_b)²</c>
    /// over 48 sampled components of the final state (h, u, v at 16 points each; σ = 1 m, 0.05 m s⁻¹),
    /// <c>y</c> the final state of a run with θ 10 % larger, and a background on θ at 0.9 θ with σ = θ.
    /// </summary>
    public static GradientCheckCase WholeModel(int n = 16, int steps = 200, string? name = null)
    {
        var grid = CheckGrid(n, n);
        var configuration = CheckConfiguration(grid, allTerms: true) with { TimeStep = 600.0 * 10 / n };
        var step = new ShallowWaterStep(configuration);
        var x0 = CheckState(configuration);
        var theta = configuration.DefaultParameters();
        var truth = theta.Select(t => 1.1 * t).ToArray();
        double[] x = (double[])x0.Clone(), next = new double[x.Length];
        for (int k = 0; k < steps; k++)
        {
            step.Forward(k, x, truth, next);
            (x, next) = (next, x);
        }
        var layout = configuration.Layout;
        var terms = new List<ObservationTerm>();
        var rng = new Random(7);
        for (int c = 0; c < 3; c++)
            for (int s = 0; s < 16; s++)
            {
                int i = 1 + rng.Next(n - 2), j = 1 + rng.Next(n - 2), k = layout.Index(c, i, j);
                double sigma = c == 0 ? 1.0 : 0.05;
                terms.Add(new ObservationTerm(new SampleOperator(k, [steps]), [x[k]], DiagonalCovariance.Uniform(1, sigma * sigma)));
            }
        var background = new BackgroundTerm(theta.Select(t => 0.9 * t), new DiagonalCovariance(theta.Select(t => Math.Max(t * t, 1e-30))));
        return new GradientCheckCase(name ?? $"{Prefix}WholeModel{n}x{n}.{steps}Steps", step, x0, theta)
        {
            Steps = steps,
            Cost = new QuadraticCost(terms, background),
            CheckedStateComponents = [layout.Index(0, n / 2, n / 2), layout.Index(1, n / 3, n / 2), layout.Index(2, n / 2, 2 * n / 3)],
        };
    }

    /// <inheritdoc/>
    public void Register(GradientCheckRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var basin = () => CheckGrid();
        registry.Register(Prefix + "Core", () => Case(Prefix + "Core", CheckConfiguration(basin())));
        registry.Register(Prefix + "Linear", () => Case(Prefix + "Linear", CheckConfiguration(basin()) with
        {
            Vorticity = new PotentialVorticityFlux(false),
            Pressure = new BernoulliGradient(9.81, IncludeKineticEnergy: false),
        }));
        Register(registry, "LaplacianViscosity", c => c with { Viscosity = new LaplacianViscosity(2e5) });
        Register(registry, "BiharmonicViscosity", c => c with { Biharmonic = new BiharmonicViscosity(2e14) });
        Register(registry, "LinearDrag", c => c with { LinearDrag = new LinearDrag(1e5) });
        Register(registry, "QuadraticDrag", c => c with { QuadraticDrag = new QuadraticDrag(2.5e-3) });
        Register(registry, "WindStress", c => c with { Wind = new WindStress(0.2) });
        Register(registry, "Relaxation", c => c with { Relaxation = new HeightRelaxation(1e5) });
        foreach (var stepper in Enum.GetValues<ShallowWaterTimeStepper>())
        {
            string name = $"{Prefix}AllTerms.{stepper}";
            registry.Register(name, () => Case(name, CheckConfiguration(basin(), allTerms: true, stepper), stepper == ShallowWaterTimeStepper.AdamsBashforth3 ? 8 : 6));
        }
        registry.Register(Prefix + "PeriodicChannel", () => Case(Prefix + "PeriodicChannel",
            CheckConfiguration(CheckGrid(10, 8, Topology.Periodic, Topology.Bounded), allTerms: true)));
        registry.Register(Prefix + "DoublyPeriodic", () => Case(Prefix + "DoublyPeriodic",
            CheckConfiguration(CheckGrid(10, 8, Topology.Periodic, Topology.Periodic), allTerms: true)));
        registry.Register(Prefix + "MaskedBasin", () => Case(Prefix + "MaskedBasin",
            CheckConfiguration(CheckGrid(10, 8, mask: LandSeaMask.FromFunction(10, 8, (i, j) => !(i >= 3 && i <= 4 && j >= 3 && j <= 5) && !(i == 9 && j == 0))), allTerms: true)));
        registry.Register(Prefix + "Sphere", () => Case(Prefix + "Sphere",
            CheckConfiguration(new LatLonGrid(12, 8, latitudeSouth: -60, latitudeNorth: 60), allTerms: true)));
        registry.Register(Prefix + "WholeModel16x16.200Steps", () => WholeModel(16, 200));
    }

    private static void Register(GradientCheckRegistry registry, string term, Func<ShallowWaterConfiguration, ShallowWaterConfiguration> with)
    {
        string name = Prefix + term;
        registry.Register(name, () => Case(name, with(CheckConfiguration(CheckGrid()))));
    }

    // A field f(x, y) at cell centres with x, y ∈ [0, 1] across the domain.
    private static double[,] Pattern(Grid2D grid, Func<double, double, double> f)
    {
        var a = new double[grid.Nx, grid.Ny];
        for (int j = 0; j < grid.Ny; j++)
            for (int i = 0; i < grid.Nx; i++)
                a[i, j] = f((i + 0.5) / grid.Nx, (j + 0.5) / grid.Ny);
        return a;
    }
}
