using System.Diagnostics;
using System.Globalization;
using ClimateAD.Adjoint.Checkpointing;
using ClimateAD.Adjoint.Costs;
using ClimateAD.Adjoint.Trajectories;
using ClimateAD.Physics.Lorenz96;

namespace ClimateAD.Bench;

/// <summary>
/// Cost of the adjoint of the two-scale Lorenz-96 model (Lorenz 1996: K = 36, J = 10, F = 10,
/// h = 1, b = c = 10; RK4, Δt = 0.005 MTU): the forward run of L = 10⁴ steps, and the gradient
/// (forward + reverse sweep through <see cref="TrajectoryRunner"/>) with binomial checkpointing
/// (100 snapshots), store-all, and store-all with tapes (<see cref="StoreAllSchedule.CreateTaped"/>:
/// the RK4 stage states recorded in the forward sweep, so the reverse sweep re-evaluates no step),
/// as ratios to the forward time; medians of ≥ 3 repeats after one warm-up. The cost is the time mean of every <c>X_k</c> over the run against
/// <c>y = 2.5</c> (σ = 1) plus a background term on θ.
/// Options: <c>--steps L</c>, <c>--repeats R</c> (≥ 3), <c>--snapshots s</c>, <c>--dt Δt</c>.
/// </summary>
/// <remarks>
/// Memory is reported three ways: the runner's predicted peak (snapshots + tapes + four state
/// vectors, <see cref="TrajectoryPlan.PredictedPeakBytes"/>); managed bytes allocated by a fresh
/// runner's first run (<see cref="GC.GetTotalAllocatedBytes"/> delta, i.e. snapshot and tape
/// stores, which the runner keeps for its later runs, + buffers + cost workspace) and by a later
/// run; and the process peak working set (<see cref="Process.PeakWorkingSet64"/>) after each
/// phase, which is monotone, so phases run in increasing-memory order (forward, binomial,
/// store-all, store-all with tapes). Time to first gradient is wall-clock from the process start time
/// (<see cref="Process.StartTime"/>) to the line that prints the first gradient, including
/// runtime start-up, JIT and spin-up.
/// </remarks>
public sealed class Lorenz96AdjointBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "lorenz96-adjoint";

    /// <inheritdoc />
    public string Summary => "two-scale Lorenz-96 (K=36, J=10) RK4, 10^4 steps: forward vs gradient, binomial(100), store-all, store-all+tape";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        int steps = 10_000, repeats = 3, snapshots = 100;
        double dt = 0.005;
        var inv = CultureInfo.InvariantCulture;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--steps": steps = int.Parse(Next(), inv); break;
                case "--repeats": repeats = Math.Max(3, int.Parse(Next(), inv)); break;
                case "--snapshots": snapshots = int.Parse(Next(), inv); break;
                case "--dt": dt = double.Parse(Next(), inv); break;
                default:
                    Console.Error.WriteLine($"lorenz96-adjoint: unknown option '{args[i]}' (--steps, --repeats, --snapshots, --dt)");
                    return 2;
            }
        }

        var model = new TwoScaleLorenz96(36, 10);
        var step = new Rk4Step<TwoScaleLorenz96>(model, dt);
        double[] theta = Lorenz96ParameterTable.Lorenz1996Values();
        var x0 = Lorenz96InitialState.SpunUp(step, Lorenz96InitialState.Perturbed(step.StateLength, model.SlowCount, theta[0]), theta, 2000);
        var cost = Cost(model, step.StateLength, steps, theta);
        int n = step.StateLength, p = step.ParameterLength;
        var storeAllPlan = new TrajectoryPlan(StoreAllSchedule.Create(steps), n, p);
        var tapedPlan = new TrajectoryPlan(StoreAllSchedule.CreateTaped(steps), n, p, tapeLength: step.TapeLength);
        var binomialPlan = new TrajectoryPlan(BinomialSchedule.Create(steps, snapshots), n, p);
        var storeAll = new TrajectoryRunner(step, storeAllPlan);
        var taped = new TrajectoryRunner(step, tapedPlan);
        var binomial = new TrajectoryRunner(step, binomialPlan);

        Console.WriteLine($"lorenz96-adjoint: two-scale K=36, J=10 (N = {n}), theta = (F, h, b, c) = ({string.Join(", ", theta.Select(t => t.ToString(inv)))}), RK4 dt = {dt.ToString(inv)}, {steps} steps");
        Console.WriteLine($"  {Environment.ProcessorCount} logical cores, .NET {Environment.Version}, single thread");

        // First gradient as early as possible (one binomial run on its own runner), for the start-up figure.
        var first = new TrajectoryRunner(step, binomialPlan).Run(x0, theta, cost);
        double sinceStart = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds;
        Console.WriteLine($"  first gradient dJ/dtheta = [{string.Join(", ", first.ParameterGradient.Select(g => g.ToString("G6", inv)))}], J = {first.Cost.ToString("G6", inv)}");
        Console.WriteLine($"  time from process start to first printed gradient: {sinceStart.ToString("F3", inv)} s");

        double forward = Phase("forward only", () => storeAll.EvaluateCost(x0, theta, cost), repeats, out _, out _);
        double tBinomial = Phase($"gradient, {binomialPlan.Schedule.Name}", () => binomial.Run(x0, theta, cost), repeats, out long firstBinomial, out long laterBinomial);
        Console.WriteLine(Indent(binomialPlan.Describe()));
        double tStoreAll = Phase("gradient, store-all", () => storeAll.Run(x0, theta, cost), repeats, out long firstStoreAll, out long laterStoreAll);
        Console.WriteLine(Indent(storeAllPlan.Describe()));
        double tTaped = Phase($"gradient, {tapedPlan.Schedule.Name}", () => taped.Run(x0, theta, cost), repeats, out long firstTaped, out long laterTaped);
        Console.WriteLine(Indent(tapedPlan.Describe()));

        Console.WriteLine($"  forward: {forward * 1e3:F1} ms ({forward / steps * 1e6:F2} us/step)");
        Console.WriteLine($"  (forward + adjoint) / forward: {tapedPlan.Schedule.Name} {tTaped / forward:F2}, store-all {tStoreAll / forward:F2}, {binomialPlan.Schedule.Name} {tBinomial / forward:F2}");
        Console.WriteLine($"  predicted peak (runner): {tapedPlan.Schedule.Name} {tapedPlan.PredictedPeakBytes / 1e6:F2} MB, store-all {storeAllPlan.PredictedPeakBytes / 1e6:F2} MB, binomial {binomialPlan.PredictedPeakBytes / 1e6:F3} MB");
        Console.WriteLine($"  managed bytes allocated by a runner's first gradient run (stores kept for later runs): {tapedPlan.Schedule.Name} {firstTaped / 1e6:F2} MB, store-all {firstStoreAll / 1e6:F2} MB, binomial {firstBinomial / 1e6:F3} MB");
        Console.WriteLine($"  managed bytes allocated by each later run: {tapedPlan.Schedule.Name} {laterTaped / 1e6:F3} MB, store-all {laterStoreAll / 1e6:F3} MB, binomial {laterBinomial / 1e6:F3} MB");
        var reference = storeAll.Run(x0, theta, cost);
        var fromTapes = taped.Run(x0, theta, cost);
        bool identical = Same(reference, first) && Same(reference, fromTapes);
        Console.WriteLine($"  store-all, {tapedPlan.Schedule.Name} and binomial gradients bit-identical: {(identical ? "yes" : "NO")}");
        bool counted = fromTapes.Counts == tapedPlan.Predicted && first.Counts == binomialPlan.Predicted && reference.Counts == storeAllPlan.Predicted;
        Console.WriteLine($"  executed counts equal the plans' predictions: {(counted ? "yes" : "NO")}");
        return identical && counted ? 0 : 1;
    }

    private static string Indent(string text) => "    " + text.Replace("\n", "\n    ", StringComparison.Ordinal);

    private static bool Same(GradientResult a, GradientResult b) =>
        a.ParameterGradient.Concat(a.InitialStateGradient).Select(BitConverter.DoubleToInt64Bits)
            .SequenceEqual(b.ParameterGradient.Concat(b.InitialStateGradient).Select(BitConverter.DoubleToInt64Bits));

    private static double Phase(string name, Action action, int repeats, out long allocatedFirstRun, out long allocatedLaterRun)
    {
        long before = GC.GetTotalAllocatedBytes(precise: true);
        action(); // warm-up, and the runner's first run
        allocatedFirstRun = GC.GetTotalAllocatedBytes(precise: true) - before;
        before = GC.GetTotalAllocatedBytes(precise: true);
        action();
        allocatedLaterRun = GC.GetTotalAllocatedBytes(precise: true) - before;
        var seconds = Timing.Measure(action, repeats, warmups: 0);
        double median = Timing.Median(seconds);
        using var process = Process.GetCurrentProcess();
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"  {name}: median {median.ToString("F4", inv)} s of [{string.Join(" ", seconds.Select(s => s.ToString("F4", inv)))}]; process peak working set so far {process.PeakWorkingSet64 / 1e6:F1} MB");
        return median;
    }

    // ½ Σ_k (mean_n X_k[n] − 2.5)² + ½ |θ − θ_default|².
    private static QuadraticCost Cost(TwoScaleLorenz96 model, int stateLength, int steps, double[] theta)
    {
        var window = new TimeWindow(0, steps);
        var terms = Enumerable.Range(0, model.SlowCount).Select(k => new ObservationTerm(
            TimeMeanOperator.OfComponent(k, stateLength, [window]), [2.5], DiagonalCovariance.Uniform(1, 1.0)));
        return new QuadraticCost(terms, new BackgroundTerm(theta, DiagonalCovariance.Uniform(theta.Length, 1.0)));
    }
}
