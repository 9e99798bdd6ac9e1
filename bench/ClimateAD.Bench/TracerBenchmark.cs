using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using ClimateAD.Adjoint.Checkpointing;
using ClimateAD.Adjoint.Costs;
using ClimateAD.Adjoint.Trajectories;
using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Grids;
using ClimateAD.Physics.Tracer;

namespace ClimateAD.Bench;

/// <summary>
/// The tracer advection–diffusion step (<see cref="TracerSimulation"/>: centred flux form, SSP-RK3,
/// double precision, CPU, all cores) on doubly periodic N×N planes with a uniform oblique flow and
/// diffusion, at N = 1024 and 2048: time per step, effective bandwidth and its fraction of a STREAM
/// triad measured in the same run; the hand-vectorised stage and the generic kernel; and the
/// gradient cost (forward + adjoint)/forward of <see cref="TracerStep"/> over 100 steps at 512²
/// through <see cref="TrajectoryRunner"/> with store-all checkpointing. Medians of several repeats.
/// Options: <c>--sizes 1024,2048</c>, <c>--repeats R</c> (≥ 3), <c>--steps S</c> (per repeat), <c>--gradient-size N</c>, <c>--gradient-steps L</c>.
/// </summary>
/// <remarks>
/// Effective bandwidth = minimum traffic / median time. Minimum traffic per step: each of the three
/// stages reads the stage state, the two face-transport fields and (stages 2 and 3) the step's
/// initial state, and writes its result: (4 + 5 + 5) × 8 B = 112 B per cell. Masks, metric profiles
/// and halos are not counted (the generic kernel also reads three mask fields). STREAM triad
/// <c>a = b + s·c</c> on 3 × 2²⁵ doubles (768 MiB), Vector256, one chunk per core, counted as 24 B per
/// element.
/// </remarks>
public sealed class TracerBenchmark : IBenchmark
{
    private const double BytesPerCellStep = 112.0;

    /// <inheritdoc />
    public string Name => "tracer";

    /// <inheritdoc />
    public string Summary => "tracer flux-form RK3 step at 1024^2 and 2048^2 (bandwidth vs STREAM triad), (fwd+adj)/fwd at 512^2 x 100 steps";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        int[] sizes = [1024, 2048];
        int repeats = 7, steps = 10, gradientSize = 512, gradientSteps = 100;
        var inv = CultureInfo.InvariantCulture;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--sizes": sizes = [.. Next().Split(',').Select(s => int.Parse(s, inv))]; break;
                case "--repeats": repeats = Math.Max(3, int.Parse(Next(), inv)); break;
                case "--steps": steps = int.Parse(Next(), inv); break;
                case "--gradient-size": gradientSize = int.Parse(Next(), inv); break;
                case "--gradient-steps": gradientSteps = int.Parse(Next(), inv); break;
                default:
                    Console.Error.WriteLine($"tracer: unknown option '{args[i]}' (--sizes, --repeats, --steps, --gradient-size, --gradient-steps)");
                    return 2;
            }
        }

        Console.WriteLine($"tracer: centred flux form + SSP-RK3, double, CPU; {Environment.ProcessorCount} logical cores, Vector256 {(Vector256.IsHardwareAccelerated ? "on" : "off")}, .NET {Environment.Version}");
        double load = MachineLoad.Read().One;
        if (!double.IsNaN(load)) Console.WriteLine($"  load average (1 min) at start: {load.ToString("F2", inv)}");

        var triad = StreamTriad.Measure(repeats);
        double stream = Timing.Median(triad);
        Console.WriteLine($"  STREAM triad (3 x 2^25 doubles, Vector256, {Environment.ProcessorCount} chunks): median {stream:F1} GB/s of [{string.Join(" ", triad.Select(t => t.ToString("F1", inv)))}]");

        foreach (int n in sizes)
        {
            foreach (bool vectorized in new[] { true, false })
            {
                var seconds = StepTimes(n, steps, repeats, vectorized, out double massError);
                double perStep = Timing.Median(seconds) / steps, gbs = BytesPerCellStep * n * n / perStep / 1e9;
                Console.WriteLine($"  {n}^2 {(vectorized ? "Vector256 stage" : "generic kernel "),-15}: median {perStep * 1e3,7:F2} ms/step of [{string.Join(" ", seconds.Select(s => (s / steps * 1e3).ToString("F2", inv)))}], " +
                                  $"{gbs,5:F1} GB/s effective = {gbs / stream * 100,3:F0} % of triad; |dM|/M after the run {massError:E1}");
            }
        }

        Gradient(gradientSize, gradientSteps, Math.Max(3, repeats / 2));
        load = MachineLoad.Read().One;
        if (!double.IsNaN(load)) Console.WriteLine($"  load average (1 min) at end: {load.ToString("F2", inv)}");
        return 0;
    }

    private static double[] StepTimes(int n, int steps, int repeats, bool vectorized, out double massError)
    {
        var grid = new CartesianGrid(n, n, n * 1e4, n * 1e4);
        var velocity = VelocityField.Uniform(grid, 10.0, -6.0);
        var p = new TracerParameters(500.0, 1.0);
        var model = new TracerModel(grid, velocity, TracerModel.StableTimeStep(grid, velocity, AdvectionScheme.Centered, p, 0.8));
        var initial = TracerInitialConditions.GaussianBlob(grid, n * 3e3, n * 5e3, n * 1e3, 1.0, 0.5);
        using var sim = new TracerSimulation(model, p, initial) { UseVectorizedCpuPath = vectorized };
        double m0 = sim.Mass();
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 1.5) sim.Advance(1); // past tier-0 JIT (ilgpu-measured.md)
        var seconds = Timing.Measure(() => sim.Advance(steps), repeats, warmups: 0);
        massError = Math.Abs(sim.Mass() - m0) / m0;
        return seconds;
    }

    private static void Gradient(int n, int steps, int repeats)
    {
        var inv = CultureInfo.InvariantCulture;
        var grid = new CartesianGrid(n, n, n * 1e4, n * 1e4);
        var velocity = VelocityField.Uniform(grid, 10.0, -6.0);
        double[] theta = [500.0, 1.0];
        var model = new TracerModel(grid, velocity, TracerModel.StableTimeStep(grid, velocity, AdvectionScheme.Centered, TracerParameters.FromTheta(theta), 0.8));
        using var device = new CpuDevice();
        using var step = new TracerStep(model, device);
        var blob = TracerInitialConditions.GaussianBlob(grid, n * 3e3, n * 5e3, n * 1e3, 1.0, 0.5);
        var x0 = new double[model.StateLength];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
                x0[j * n + i] = blob[i, j];
        // Cost: 64 cells of the final field against 0.5 (σ = 0.1), plus a background on θ.
        var observations = Enumerable.Range(0, 64).Select(k => new ObservationTerm(
            new SampleOperator((k * 4099) % model.StateLength, [steps]), [0.5], DiagonalCovariance.Uniform(1, 0.01)));
        var cost = new QuadraticCost(observations, new BackgroundTerm([400.0, 1.0], new DiagonalCovariance([1e4, 0.01])));
        var runner = new TrajectoryRunner(step, new TrajectoryPlan(StoreAllSchedule.Create(steps), model.StateLength, 2));
        runner.Run(x0, theta, cost); // warm-up: JIT, snapshot store
        var forward = Timing.Measure(() => runner.EvaluateCost(x0, theta, cost), repeats, warmups: 0);
        GradientResult? result = null;
        var gradient = Timing.Measure(() => result = runner.Run(x0, theta, cost), repeats, warmups: 0);
        double f = Timing.Median(forward), g = Timing.Median(gradient);
        Console.WriteLine($"  gradient {n}^2 x {steps} steps, TracerStep on {device.Name}, store-all ({(double)model.StateLength * 8 * (steps - 1) / 1e6:F0} MB of snapshots):");
        Console.WriteLine($"    forward (EvaluateCost): median {f:F3} s of [{string.Join(" ", forward.Select(s => s.ToString("F3", inv)))}]");
        Console.WriteLine($"    forward + adjoint (Run): median {g:F3} s of [{string.Join(" ", gradient.Select(s => s.ToString("F3", inv)))}]");
        Console.WriteLine($"    (forward + adjoint) / forward = {g / f:F2}; J = {result!.Cost:G6}, dJ/dθ = [{result.ParameterGradient[0]:G6}, {result.ParameterGradient[1]:G6}]");
    }
}
