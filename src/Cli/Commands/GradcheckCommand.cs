using System.CommandLine;
using ClimateAD.Adjoint.Verification;
using ClimateAD.Cli.Running;
using ClimateAD.IO.Scenarios;
using ClimateAD.Physics.EnergyBalance;
using ClimateAD.Physics.LatitudeEbm;
using ClimateAD.Physics.Lorenz96;

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
            default:
                throw new UserErrorException($"{s.DisplayFile}: gradcheck does not know model '{s.Model.Name}' yet");
        }
    }

}
