using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using ClimateAD.Adjoint.Checkpointing;
using ClimateAD.Adjoint.Costs;
using ClimateAD.Adjoint.Trajectories;
using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;
using ClimateAD.Physics.ShallowWater;

namespace ClimateAD.Bench;

/// <summary>
/// The rotating shallow-water model (<see cref="ShallowWaterEngine{T}"/>, double, CPU, all cores) on the
/// wind-driven double gyre (<see cref="ShallowWaterSetups.DoubleGyre"/>: PV flux, Bernoulli gradient,
/// Laplacian viscosity, wind stress; SSP-RK3) at N = 512, 1024, 2048: time per forward step, its
/// effective bandwidth and its fraction of a STREAM triad measured in the same run; then the gradient
/// cost (forward + adjoint)/forward of <see cref="ShallowWaterStep"/> through <see cref="TrajectoryRunner"/>
/// over 10⁴ steps with a binomial schedule of 100 snapshots at 64², the same ratio over fewer steps
/// at two sizes (size independence), the plan's predicted peak memory against the managed and native
/// (pinned field) memory actually allocated, and the time to the first gradient. Medians of repeats.
/// </summary>
/// <remarks>
/// <para>Minimum traffic of one SSP-RK3 step: stage 1 reads the state (h, u, v) and the wind pattern and
/// writes the stage state; stages 2 and 3 also read the step's initial state. (4 + 3) + 2 × (7 + 3) = 27
/// fields of 8 B = 216 B per cell. Masks, metric profiles, Coriolis profile and halos are not counted;
/// every intermediate (fluxes, PV, kinetic energy, tendencies) is assumed to stay in registers or cache.
/// Effective bandwidth = 216 B × N² / median time per step.</para>
/// <para>STREAM triad <c>a = b + s·c</c> on 3 × 2²⁵ doubles, Vector256, one chunk per core, 24 B per element.</para>
/// <para>Options: <c>--sizes 512,1024,2048</c>, <c>--repeats R</c> (≥ 3), <c>--steps S</c> (forward steps per
/// repeat), <c>--gradient-size N</c>, <c>--gradient-steps L</c>, <c>--snapshots s</c>, <c>--ratio-sizes 64,128</c>,
/// <c>--ratio-steps L</c>, <c>--forward-only</c>, <c>--gradient-only</c>, <c>--profile N</c> (time each phase of a
/// tendency and a step at N² instead), <c>--quick</c> (sizes 256,512, 3 repeats, 2 steps, gradient 32² × 1000 steps,
/// ratio sizes 32,64 × 200 steps).</para>
/// </remarks>
public sealed class ShallowWaterBenchmark : IBenchmark
{
    private const double BytesPerCellStep = 216.0;

    /// <inheritdoc />
    public string Name => "shallow-water";

    /// <inheritdoc />
    public string Summary => "double-gyre SWE SSP-RK3 step at 512^2..2048^2 (bandwidth vs STREAM triad); (fwd+adj)/fwd, binomial(100) x 10^4 steps; memory; first gradient";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        long callStart = Stopwatch.GetTimestamp();
        int[] sizes = [512, 1024, 2048], ratioSizes = [64, 128];
        int repeats = 5, steps = 3, gradientSize = 64, gradientSteps = 10_000, snapshots = 100, ratioSteps = 1000, profileSize = 0;
        bool forward = true, gradients = true;
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
                case "--snapshots": snapshots = int.Parse(Next(), inv); break;
                case "--ratio-sizes": ratioSizes = [.. Next().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, inv))]; break;
                case "--ratio-steps": ratioSteps = int.Parse(Next(), inv); break;
                case "--forward-only": gradients = false; break;
                case "--gradient-only": forward = false; break;
                case "--profile": profileSize = int.Parse(Next(), inv); break;
                case "--quick":
                    (sizes, repeats, steps, gradientSize, gradientSteps, ratioSizes, ratioSteps) = ([256, 512], 3, 2, 32, 1000, [32, 64], 200);
                    break;
                default:
                    Console.Error.WriteLine($"shallow-water: unknown option '{args[i]}' (--sizes, --repeats, --steps, --gradient-size, --gradient-steps, --snapshots, --ratio-sizes, --ratio-steps, --forward-only, --gradient-only, --profile N, --quick)");
                    return 2;
            }
        }

        Console.WriteLine($"shallow-water: double gyre (PV flux, Bernoulli, Laplacian viscosity, wind stress), SSP-RK3, double, CPU; {Environment.ProcessorCount} logical cores, Vector256 {(Vector256.IsHardwareAccelerated ? "on" : "off")}, .NET {Environment.Version}");
        PrintLoad("start");
        if (profileSize > 0) return Profile(profileSize, repeats);

        // 1. Time to the first gradient, before anything else has been JIT-compiled in this process.
        if (gradients)
        {
            using var first = new GradientCase(gradientSize, gradientSteps, snapshots);
            var result = first.Runner.Run(first.X0, first.Theta, first.Cost);
            double sinceCall = Stopwatch.GetElapsedTime(callStart).TotalSeconds;
            double sinceStart = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds;
            Console.WriteLine($"  first gradient ({gradientSize}^2 x {gradientSteps} steps, {first.Runner.Plan.Schedule.Name}): J = {result.Cost.ToString("G6", inv)}, dJ/dtheta = [{string.Join(", ", result.ParameterGradient.Select(g => g.ToString("G4", inv)))}]");
            Console.WriteLine($"  time to first gradient: {sinceStart.ToString("F2", inv)} s from process start, {sinceCall.ToString("F2", inv)} s from the benchmark's first call (JIT included)");
        }

        // 2. Gradient cost, memory.
        int gradientRepeats = Math.Max(3, repeats / 2);
        if (gradients)
        {
            double mainRatio = GradientCost(gradientSize, gradientSteps, snapshots, gradientRepeats, memory: true);
            var ratios = new List<string> { $"{gradientSize}^2 x {gradientSteps}: {mainRatio:F2}" };
            foreach (int n in ratioSizes)
                ratios.Add($"{n}^2 x {ratioSteps}: {GradientCost(n, ratioSteps, snapshots, gradientRepeats, memory: false):F2}");
            Console.WriteLine($"  (forward + adjoint) / forward, binomial({snapshots}): {string.Join("; ", ratios)}");
        }

        // 3. STREAM triad and forward steps.
        if (!forward)
        {
            PrintLoad("end");
            return 0;
        }
        var triad = StreamTriad.Measure(repeats);
        double stream = Timing.Median(triad);
        Console.WriteLine($"  STREAM triad (3 x 2^25 doubles, Vector256, {Environment.ProcessorCount} chunks): median {stream:F1} GB/s of [{string.Join(" ", triad.Select(t => t.ToString("F1", inv)))}]");
        foreach (int n in sizes)
        {
            var seconds = StepTimes(n, steps, repeats, out double massError, out long fieldBytes);
            double perStep = Timing.Median(seconds) / steps, gbs = BytesPerCellStep * n * n / perStep / 1e9;
            Console.WriteLine($"  {n}^2 forward: median {perStep * 1e3,8:F1} ms/step of [{string.Join(" ", seconds.Select(s => (s / steps * 1e3).ToString("F1", inv)))}], " +
                              $"{gbs,5:F2} GB/s effective = {gbs / stream * 100,4:F1} % of triad; {perStep / ((double)n * n) * 1e9:F1} ns/cell; engine fields {fieldBytes / 1e6:F0} MB; |dM|/M {massError:E1}");
        }

        PrintLoad("end");
        return 0;
    }

    private static void PrintLoad(string when)
    {
        var (one, five, fifteen) = MachineLoad.Read();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  load average (1/5/15 min) at {when}: {one} {five} {fifteen}"));
    }

    private static double[] StepTimes(int n, int steps, int repeats, out double massError, out long fieldBytes)
    {
        var setup = ShallowWaterSetups.DoubleGyre(n);
        var config = setup.Configuration;
        using var device = new CpuDevice();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = ResidentMemory.Current();
        using var engine = new ShallowWaterEngine<Real>(config, device);
        fieldBytes = ResidentMemory.Current() - before;
        var defaults = config.DefaultParameters();
        for (int k = 0; k < defaults.Length; k++) engine.Parameters[k] = new Real(defaults[k]);
        var layout = config.Layout;
        for (int c = 0; c < 3; c++)
        {
            var field = engine.State[c];
            field.SetInterior((i, j) => setup.InitialState[layout.Index(c, i, j)]);
            field.CopyToDevice();
        }
        double m0 = Mass(engine);
        int step = 0;
        var warm = Stopwatch.StartNew();
        do engine.Advance(step++); while (warm.Elapsed.TotalSeconds < 1.5 || step < 2); // past tier-0 JIT
        var seconds = Timing.Measure(() =>
        {
            for (int s = 0; s < steps; s++) engine.Advance(step++);
        }, repeats, warmups: 0);
        massError = Math.Abs(Mass(engine) - m0) / m0;
        return seconds;
    }

    // Where a step's time goes: each phase of one tendency evaluation and the stage algebra, timed alone (medians).
    private static int Profile(int n, int repeats)
    {
        var inv = CultureInfo.InvariantCulture;
        var setup = ShallowWaterSetups.DoubleGyre(n);
        var config = setup.Configuration;
        using var device = new CpuDevice();
        using var engine = new ShallowWaterEngine<Real>(config, device);
        var defaults = config.DefaultParameters();
        for (int k = 0; k < defaults.Length; k++) engine.Parameters[k] = new Real(defaults[k]);
        var layout = config.Layout;
        for (int c = 0; c < 3; c++) engine.State[c].SetInterior((i, j) => setup.InitialState[layout.Index(c, i, j)]);
        for (int s = 0; s < 50; s++) engine.Advance(s); // a flow that is not at rest
        using var tendency = new ShallowWaterFields<Real>(config.Grid, device, "g_");
        using var other = new ShallowWaterFields<Real>(config.Grid, device, "o_");
        var work = engine.Workspace;
        var state = engine.State;
        var w = work.Views<HostView<Real>>(state, tendency);
        double cells = (double)n * n;
        var rows = new List<(string Name, double Ms)>();
        void Row(string name, Action a)
        {
            var t = Timing.Measure(() => { for (int k = 0; k < 5; k++) a(); }, repeats, warmups: 2);
            rows.Add((name, Timing.Median(t) / 5 * 1e3));
        }
        Row("zero tendency (3 fields)", () => { for (int c = 0; c < 3; c++) work.Zero<HostView<Real>>(tendency[c]); });
        Row("state halo fill (3 fields)", state.FillHalo);
        Row("diagnostics kernel (U, V, q, K)", () => work.Launch(new ShallowWaterCore.DiagnosticsKernel<Real, HostView<Real>>(w, Real.One)));
        Row("diagnostics halo fills (4 fields)", () => { work.TransportU.FillHalo(); work.TransportV.FillHalo(); work.Pv.FillHalo(); work.Kinetic.FillHalo(); });
        Row("continuity", () => work.Launch(new ShallowWaterCore.ContinuityKernel<Real, HostView<Real>>(w)));
        int p = 0;
        foreach (var term in config.Terms)
        {
            Real theta = term.Parameter is null ? Real.Zero : engine.Parameters[p++];
            Row($"term {term.Name}", () => term.AddTendency(work, w, theta));
        }
        double tendencyMs = rows.Sum(r => r.Ms);
        Row("whole tendency (engine.Tendency)", () => engine.Tendency(state, tendency));
        Row("stage algebra: copy 3 fields", () => { for (int c = 0; c < 3; c++) work.Launch(new ShallowWaterCore.CopyKernel<Real, HostView<Real>>(state[c].View<HostView<Real>>(), other[c].View<HostView<Real>>())); });
        Row("stage algebra: axpy 3 fields", () => { for (int c = 0; c < 3; c++) work.Launch(new ShallowWaterCore.AxpyKernel<Real, HostView<Real>>(tendency[c].View<HostView<Real>>(), new Real(1e-9), other[c].View<HostView<Real>>())); });
        Row("whole step (engine.Advance)", () => engine.Advance(100));
        Console.WriteLine($"  profile {n}^2 (double gyre, {device.Name}), median ms per call of {repeats} x 5 calls:");
        foreach (var (name, ms) in rows) Console.WriteLine($"    {name,-40} {ms,8:F2} ms  {ms / cells * 1e6,7:F1} ns/cell");
        Console.WriteLine($"    sum of the tendency phases above           {tendencyMs,8:F2} ms");
        return 0;
    }

    private static double Mass(ShallowWaterEngine<Real> engine)
    {
        var h = engine.State.H;
        h.CopyToHost();
        double sum = 0;
        for (int j = 0; j < h.Ny; j++)
            for (int i = 0; i < h.Nx; i++)
                sum += h[i, j].V;
        return sum;
    }

    private static double GradientCost(int n, int steps, int snapshots, int repeats, bool memory)
    {
        var inv = CultureInfo.InvariantCulture;
        GC.Collect();
        long nativeBefore = ResidentMemory.Current();
        using var g = new GradientCase(n, steps, snapshots);
        long nativeStep = ResidentMemory.Current() - nativeBefore;
        var plan = g.Runner.Plan;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long heldBefore = GC.GetTotalMemory(forceFullCollection: true);
        long managedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long residentBefore = ResidentMemory.Current();
        var result = g.Runner.Run(g.X0, g.Theta, g.Cost); // the runner's first run: allocates its snapshot store
        long managedFirst = GC.GetTotalAllocatedBytes(precise: true) - managedBefore;
        long residentGrowth = ResidentMemory.Current() - residentBefore;
        long held = GC.GetTotalMemory(forceFullCollection: true) - heldBefore;
        var forward = Timing.Measure(() => g.Runner.EvaluateCost(g.X0, g.Theta, g.Cost), repeats, warmups: 0);
        var gradient = Timing.Measure(() => result = g.Runner.Run(g.X0, g.Theta, g.Cost), repeats, warmups: 0);
        double f = Timing.Median(forward), t = Timing.Median(gradient);
        Console.WriteLine($"  gradient {n}^2 x {steps} steps, ShallowWaterStep on cpu, {plan.Schedule.Name}:");
        Console.WriteLine($"    forward (EvaluateCost): median {f:F3} s of [{string.Join(" ", forward.Select(s => s.ToString("F3", inv)))}] = {f / steps * 1e3:F3} ms/step");
        Console.WriteLine($"    forward + adjoint (Run): median {t:F3} s of [{string.Join(" ", gradient.Select(s => s.ToString("F3", inv)))}]");
        Console.WriteLine($"    (forward + adjoint) / forward = {t / f:F2}; executed counts equal the plan: {(result.Counts == plan.Predicted ? "yes" : "NO")}");
        if (memory)
        {
            Console.WriteLine(Indent(plan.Describe(), "    "));
            long state = plan.SnapshotBytes, snaps = plan.Schedule.Counts.RamSlots * state;
            long fixedBytes = plan.FixedBytes + nativeStep;
            long goal = (long)(1.2 * snaps) + fixedBytes;
            Console.WriteLine($"    state {state / 1e6:F3} MB; snapshots {snaps / 1e6:F2} MB; plan predicted peak (snapshots + runner vectors) {plan.PredictedPeakBytes / 1e6:F2} MB");
            Console.WriteLine($"    measured: managed bytes still held after the first gradient run (snapshot store kept by the runner; full GC) {held / 1e6:F2} MB; allocated in all by that run {managedFirst / 1e6:F2} MB (per-step garbage, collected in gen 0); resident growth over the run {residentGrowth / 1e6:F2} MB");
            Console.WriteLine($"    pinned (native) fields of the step, resident growth when it is created: {nativeStep / 1e6:F2} MB = {(double)nativeStep / state:F1} states");
            long measured = held + nativeStep;
            Console.WriteLine($"    peak = held + pinned {measured / 1e6:F2} MB vs goal 1.2 x snapshots + fixed (runner {plan.FixedBytes / 1e6:F2} MB + step fields {nativeStep / 1e6:F2} MB) = {goal / 1e6:F2} MB: {(measured <= goal ? "met" : "NOT met")}; held / predicted (plan) = {(double)held / plan.PredictedPeakBytes:F3}");
        }
        return t / f;
    }

    private static string Indent(string text, string prefix) => prefix + text.Replace("\n", "\n" + prefix, StringComparison.Ordinal);

    /// <summary>The gradient problem: the double gyre at N², spun up 200 steps, cost = h at 16 points of the final state against H + 1 cm (σ = 1 cm) plus a background on θ.</summary>
    private sealed class GradientCase : IDisposable
    {
        public GradientCase(int n, int steps, int snapshots)
        {
            var setup = ShallowWaterSetups.DoubleGyre(n);
            Step = new ShallowWaterStep(setup.Configuration);
            Theta = setup.Configuration.DefaultParameters();
            var x = setup.InitialState;
            var next = new double[x.Length];
            for (int s = 0; s < 200; s++) // spin-up: a non-trivial flow
            {
                Step.Forward(s, x, Theta, next);
                (x, next) = (next, x);
            }
            X0 = x;
            var layout = setup.Configuration.Layout;
            var observations = Enumerable.Range(0, 16).Select(k => new ObservationTerm(
                new SampleOperator(layout.Index(0, (k * 7) % n, (k * 13 + n / 3) % n), [steps]), [500.01], DiagonalCovariance.Uniform(1, 1e-4)));
            Cost = new QuadraticCost(observations, new BackgroundTerm(Theta, DiagonalCovariance.Uniform(Theta.Length, 1.0)));
            Runner = new TrajectoryRunner(Step, new TrajectoryPlan(BinomialSchedule.Create(steps, snapshots), Step.StateLength, Step.ParameterLength));
        }

        public ShallowWaterStep Step { get; }

        public double[] Theta { get; }

        public double[] X0 { get; }

        public QuadraticCost Cost { get; }

        public TrajectoryRunner Runner { get; }

        public void Dispose() => Step.Dispose();
    }
}
