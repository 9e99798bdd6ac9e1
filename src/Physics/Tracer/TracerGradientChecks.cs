using ClimateAD.Adjoint.Costs;
using ClimateAD.Adjoint.Verification;
using ClimateAD.Grid.Grids;

namespace ClimateAD.Physics.Tracer;

/// <summary>
/// Registers the tracer step (<see cref="TracerStep"/>, centred scheme) with the gradient-check
/// harness (DESIGN.md §3) on every kind of 2-D grid:
/// <list type="bullet">
/// <item><c>Tracer.Step.ClosedMasked</c>: a walled 10×8 plane with an island, rigid rotation and diffusion;</item>
/// <item><c>Tracer.Step.Periodic</c>: a doubly periodic 12×10 plane, uniform oblique flow and diffusion;</item>
/// <item><c>Tracer.Step.Sphere</c>: a 16×10 latitude–longitude band (±70°) with tilted solid-body rotation, a land cell and diffusion;</item>
/// </list>
/// each over 10 steps with the harness's default cost (quadratic misfit of every cell at every step), on
/// planes and a sphere of unit-order size (cells of 1 m, Δt = 1 s, or a sphere of radius 10 m) so that
/// the default cost's terms are balanced; and <c>Tracer.Misfit</c>: 48 hourly steps on a 16×16 periodic
/// 1600 km plane with a twin-experiment cost of the final field and a background term on θ. The limited
/// schemes are not registered: they are non-smooth (see <see cref="AdvectionScheme"/>).
/// </summary>
public sealed class TracerGradientChecks : IGradientCheckProvider
{
    /// <summary>Prefix of every registered name.</summary>
    public const string Prefix = "Tracer.";

    /// <summary>Name of the closed, masked plane case.</summary>
    public const string ClosedMaskedName = Prefix + "Step.ClosedMasked";

    /// <summary>Name of the doubly periodic plane case.</summary>
    public const string PeriodicName = Prefix + "Step.Periodic";

    /// <summary>Name of the sphere case.</summary>
    public const string SphereName = Prefix + "Step.Sphere";

    /// <summary>Name of the multi-step twin-experiment case.</summary>
    public const string MisfitName = Prefix + "Misfit";

    /// <summary>Steps of the <see cref="Misfit"/> case.</summary>
    public const int MisfitSteps = 48;

    /// <summary>Observation error σ of the final field in <see cref="Misfit"/> (tracer units).</summary>
    public const double MisfitSigma = 0.02;

    /// <summary>The walled 10×8 plane (1 m cells) with an island of two cells, rigid rotation (ω = 0.06 s⁻¹), κ = 0.04 m² s⁻¹, s = 1.1.</summary>
    public static GradientCheckCase ClosedMasked()
    {
        var mask = LandSeaMask.FromFunction(10, 8, (i, j) => !(j == 4 && i is 3 or 4));
        var grid = new CartesianGrid(10, 8, 10, 8, Topology.Bounded, Topology.Bounded, mask: mask);
        var velocity = VelocityField.RigidRotation(grid, 0.06, 5, 4);
        return Case(ClosedMaskedName, new TracerModel(grid, velocity, 1.0), [0.04, 1.1], [0, 23, 57]);
    }

    /// <summary>The doubly periodic 12×10 plane (1 m cells), uniform flow (0.3, −0.2) m s⁻¹, κ = 0.05 m² s⁻¹, s = 0.9.</summary>
    public static GradientCheckCase Periodic()
    {
        var grid = new CartesianGrid(12, 10, 12, 10);
        return Case(PeriodicName, new TracerModel(grid, VelocityField.Uniform(grid, 0.3, -0.2), 1.0), [0.05, 0.9], [0, 61, 119]);
    }

    /// <summary>
    /// A 16×10 band 70° S–70° N of a sphere of radius 10 m with one land cell, solid-body rotation
    /// tilted by α = 0.5 (u₀ = 0.4 m s⁻¹), κ = 0.3 m² s⁻¹, s = 1.2, Δt = 1 s.
    /// </summary>
    public static GradientCheckCase Sphere()
    {
        var mask = LandSeaMask.FromFunction(16, 10, (i, j) => !(i == 7 && j == 5));
        var grid = new LatLonGrid(16, 10, latitudeSouth: -70, latitudeNorth: 70, radius: 10.0, mask: mask);
        var velocity = VelocityField.SolidBodyRotation(grid, 0.4, 0.5);
        return Case(SphereName, new TracerModel(grid, velocity, 1.0), [0.3, 1.2], [0, 75, 159]);
    }

    /// <summary>
    /// 48 hourly steps on a 16×16 doubly periodic plane of 1600 km, uniform flow (8, 5) m s⁻¹, at
    /// κ = 2×10⁴ m² s⁻¹, s = 1.1, with the twin-experiment cost
    /// <code>
    ///   J = ½ Σ_cells (c_L − y)² / σ² + ½ (κ − κ_b)²/σ_κ² + ½ (s − s_b)²/σ_s²
    /// </code>
    /// y the final field of a truth run with κ = 10⁴ m² s⁻¹, s = 1 from the same Gaussian blob,
    /// σ = <see cref="MisfitSigma"/>, background (κ_b, s_b) = (1.5×10⁴, 1), σ_κ = 10⁴, σ_s = 0.5.
    /// </summary>
    public static GradientCheckCase Misfit()
    {
        var grid = new CartesianGrid(16, 16, 1.6e6, 1.6e6);
        var model = new TracerModel(grid, VelocityField.Uniform(grid, 8.0, 5.0), 3600.0);
        var step = new TracerStep(model);
        var blob = TracerInitialConditions.GaussianBlob(grid, 5e5, 6e5, 2.5e5, 1.0, 0.2);
        var x0 = new double[model.StateLength];
        for (int j = 0; j < grid.Ny; j++)
            for (int i = 0; i < grid.Nx; i++)
                x0[j * grid.Nx + i] = blob[i, j];
        double[] truth = [1e4, 1.0], x = (double[])x0.Clone(), next = new double[x.Length];
        for (int n = 0; n < MisfitSteps; n++)
        {
            step.Forward(n, x, truth, next);
            (x, next) = (next, x);
        }
        var observations = Enumerable.Range(0, model.StateLength).Select(k => new ObservationTerm(
            new SampleOperator(k, [MisfitSteps]), [x[k]], DiagonalCovariance.Uniform(1, MisfitSigma * MisfitSigma)));
        var background = new BackgroundTerm([1.5e4, 1.0], new DiagonalCovariance([1e8, 0.25]));
        return new GradientCheckCase(MisfitName, step, x0, [2e4, 1.1])
        {
            Steps = MisfitSteps,
            Cost = new QuadraticCost(observations, background),
            CheckedStateComponents = [0, 37, 200],
        };
    }

    /// <inheritdoc />
    public void Register(GradientCheckRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(ClosedMaskedName, ClosedMasked);
        registry.Register(PeriodicName, Periodic);
        registry.Register(SphereName, Sphere);
        registry.Register(MisfitName, Misfit);
    }

    // A smooth field plus a small deterministic perturbation, 10 steps, default harness cost.
    private static GradientCheckCase Case(string name, TracerModel model, double[] theta, int[] components)
    {
        var g = model.Grid;
        var x0 = new double[model.StateLength];
        var rng = new Random(17);
        for (int j = 0; j < g.Ny; j++)
            for (int i = 0; i < g.Nx; i++)
                x0[j * g.Nx + i] = 1.0 + Math.Sin(0.7 * i + 0.3) * Math.Cos(0.5 * j) + 0.1 * (2 * rng.NextDouble() - 1);
        return new GradientCheckCase(name, new TracerStep(model), x0, theta)
        {
            Steps = 10,
            CheckedStateComponents = components,
        };
    }
}
