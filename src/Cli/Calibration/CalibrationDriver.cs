using System.Globalization;
using ClimateAD.Calibration.Ensemble;
using ClimateAD.Calibration.Models;
using ClimateAD.Calibration.Objectives;
using ClimateAD.Calibration.Optimisers;
using ClimateAD.Calibration.Uncertainty;
using ClimateAD.Physics.EnergyBalance;
using ClimateAD.Cli.Commands;

namespace ClimateAD.Cli.Calibration;

/// <summary>
/// Runs a calibration file end to end: builds the problem (<see cref="CalibrationSetup"/>), runs
/// (or resumes from the log) the method with one progress line per iteration, logs every state
/// (<see cref="CalibrationLog"/>), and summarises the posterior: the Laplace approximation at the
/// optimum for the gradient methods, the (inflated) ensemble spread for EKI; ECS and TCR with 1σ;
/// a posterior predictive ensemble for the fit bands and the projections.
/// </summary>
internal static class CalibrationDriver
{
    /// <summary>Seed of the posterior predictive draws.</summary>
    public const int PredictiveSeed = 20240601;

    /// <summary>Options from the command line.</summary>
    /// <param name="Resume">Continue from the log.</param>
    /// <param name="StopAfter">Stop after this many iterations in all (an interruption on purpose), or <c>null</c>.</param>
    /// <param name="Output">Output folder overriding the file's, or <c>null</c>.</param>
    public sealed record Options(bool Resume, int? StopAfter, string? Output);

    /// <summary>Runs <paramref name="spec"/>; returns the outcome (also written by <see cref="CalibrationOutputs"/>).</summary>
    public static CalibrationOutcome Run(CalibrationSpec spec, Options options, TextWriter stdout)
    {
        var setup = CalibrationSetup.Create(spec);
        var objective = new CalibrationObjective(setup.Problem);
        var method = CalibrationMethods.Create(spec.Method);
        ICalibrationMethod driven = options.StopAfter is { } cap ? new IterationCap(method, cap) : method;
        string folder = options.Output ?? spec.Output.Folder;
        Directory.CreateDirectory(folder);
        var log = new CalibrationLog(Path.Combine(folder, spec.Name + "-log.h5"), spec.Text, method.Name, setup.Free.Names, u => setup.Free.ToParameters(u));
        IReadOnlyList<IterationState>? history = null;
        var names = setup.Free.Names;
        stdout.WriteLine($"Calibrating {spec.Name}: EBM-ε, {spec.Experiment.Kind}, {names.Count} free parameters, "
                         + $"{setup.Problem.ObservationCount} observations in {spec.Observations.Count} variables, method {method.Name}");
        if (options.Resume)
        {
            history = CalibrationLog.Read(log.Path, spec.Text, method.Name);
            log.Seed(history);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Resuming from iteration {history[^1].Iteration} of {RunCommand.Relative(log.Path)} (J = {history[^1].Cost:G8})"));
            if (history[^1].Converged || history[^1].Stopped)
                stdout.WriteLine("The logged calibration had already ended; summarising it.");
        }
        stdout.WriteLine("  iter         cost    |grad J|     runs  " + string.Join(" ", names.Select(Short)));
        var result = CalibrationRunner.Run(objective, driven, setup.Free.ToUnbounded(setup.FirstGuess), s =>
        {
            log.Append(s);
            stdout.WriteLine(ProgressLine(s, setup.Free.ToParameters(s.U)));
        }, history);
        var final = result.Final;
        stdout.WriteLine(final.Converged ? $"Converged after {final.Iteration} iterations ({final.Status})."
            : final.Stopped ? $"Stopped after {final.Iteration} iterations ({final.Status})."
            : $"Ended after {final.Iteration} iterations without convergence (limit {driven.MaxIterations}){(options.StopAfter is not null ? "; continue with --resume" : "")}.");
        return Summarise(setup, objective, method, result, log.Path);
    }

    /// <summary>"  12   1.234567e+02   3.4e-01    45.0  7.71 1.05 …".</summary>
    public static string ProgressLine(IterationState s, double[] free) => string.Create(CultureInfo.InvariantCulture,
        $"{s.Iteration,6} {s.Cost,14:E6} {s.GradientNorm,10:E2} {s.Counts.ForwardEquivalentRuns,8:F1}  {string.Join(" ", free.Select(v => v.ToString("G6", CultureInfo.InvariantCulture).PadLeft(10)))}");

    private static string Short(string name) => (name.Length > 10 ? name[..10] : name).PadLeft(10);

    private static CalibrationOutcome Summarise(CalibrationSetup setup, CalibrationObjective objective, ICalibrationMethod method,
        CalibrationResult result, string logPath)
    {
        var free = setup.Free;
        int p = free.Count;
        double[] mean, sd;
        double[,] correlation;
        double ecsSd, tcrSd;
        double[][] samples;
        int n = setup.Spec.Output.PredictiveSamples;
        string uncertainty;
        if (method is EnsembleKalmanInversion eki)
        {
            var membersU = EnsembleKalmanInversion.Members(result.Final, p);
            var summary = new EnsembleSummary(free, membersU, eki.SpreadInflation);
            mean = result.Free;
            sd = summary.StandardDeviations;
            correlation = summary.Correlation();
            // Inflate the members about the mean in u, so they stay inside the bounds.
            var uBar = result.Final.U;
            samples = membersU.Select(u => free.ToParameters(u.Select((v, i) => uBar[i] + eki.SpreadInflation * (v - uBar[i])).ToArray())).ToArray();
            ecsSd = Sd(samples.Select(s => setup.Ecs(free.Expand(s))));
            tcrSd = Sd(samples.Select(s => setup.Tcr(free.Expand(s))));
            uncertainty = FormattableString.Invariant($"ensemble spread of {membersU.Length} members × {eki.SpreadInflation:G4}");
        }
        else
        {
            var lin = result.Final.Linearisation ?? objective.Linearise(result.Final.U);
            var laplace = new LaplaceApproximation(lin, free.Names);
            mean = laplace.Mean;
            sd = laplace.StandardDeviations;
            correlation = laplace.Correlation();
            ecsSd = laplace.StandardDeviationOf(v => setup.Ecs(free.Expand(v)));
            tcrSd = laplace.StandardDeviationOf(v => setup.Tcr(free.Expand(v)));
            samples = LaplaceSampler.Sample(lin, free, n, PredictiveSeed);
            uncertainty = "Laplace approximation (Gauss-Newton Hessian at the optimum)";
        }
        var theta = free.Expand(mean);
        var best = objective.Predict(theta);
        var rows = new double[samples.Length * free.Table.Count];
        for (int j = 0; j < samples.Length; j++)
        {
            free.BaseTheta.CopyTo(rows.AsSpan(j * free.Table.Count, free.Table.Count));
            free.Expand(samples[j], rows.AsSpan(j * free.Table.Count, free.Table.Count));
        }
        var ensemble = objective.PredictEnsemble(rows, samples.Length);
        int m = objective.ObservationCount;
        var lower = new double[m];
        var upper = new double[m];
        for (int i = 0; i < m; i++)
        {
            double s1 = 0, s2 = 0;
            for (int j = 0; j < samples.Length; j++) s1 += ensemble[j * m + i];
            double mu = s1 / samples.Length;
            for (int j = 0; j < samples.Length; j++) s2 += (ensemble[j * m + i] - mu) * (ensemble[j * m + i] - mu);
            double sigma = Math.Sqrt(s2 / Math.Max(1, samples.Length - 1));
            lower[i] = best[i] - 2 * sigma;
            upper[i] = best[i] + 2 * sigma;
        }
        var rmse = new List<double>();
        int offset = 0;
        foreach (var o in setup.Problem.Observations)
        {
            double s = 0;
            for (int i = 0; i < o.Count; i++) s += Math.Pow(best[offset + i] - o.Term.Observations[i], 2);
            rmse.Add(Math.Sqrt(s / o.Count));
            offset += o.Count;
        }
        var projections = setup.Spec.Projections.Select(pr => Project(setup, pr, mean, samples)).ToList();
        return new CalibrationOutcome(setup, result, logPath, mean, sd, correlation, setup.Ecs(theta), ecsSd, setup.Tcr(theta), tcrSd,
            best, lower, upper, rmse, uncertainty, samples.Length, projections);
    }

    private static double Sd(IEnumerable<double> values)
    {
        var v = values.ToArray();
        double mu = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mu) * (x - mu)) / Math.Max(1, v.Length - 1));
    }

    /// <summary>Annual-mean T of the best fit and of every draw through a projection's forcing, relative to the tas reference period.</summary>
    private static ProjectionOutcome Project(CalibrationSetup setup, ProjectionSpec pr, double[] mean, double[][] samples)
    {
        var e = setup.Spec.Experiment;
        var forcing = CalibrationSetup.Historical(setup.Spec, pr.ErfFile, e.StartYear, pr.EndYear, e.StepsPerYear);
        var reference = setup.Spec.Observations.FirstOrDefault(o => o.Variable == "tas")?.Reference;
        int years = pr.EndYear - e.StartYear + 1;
        double[] Annual(double[] phi)
        {
            var theta = setup.Free.Expand(phi);
            var step = new TwoLayerObservedStep(forcing, Enum.Parse<TwoLayerIntegrator>(e.Integrator, true));
            var x = TwoLayerObservedStep.InitialState();
            var next = new double[3];
            var t = new double[years];
            int s = e.StepsPerYear;
            for (int k = 0; k < forcing.StepCount; k++)
            {
                step.Forward(k, x, theta, next);
                (x, next) = (next, x);
                t[k / s] += x[0] / s;
            }
            if (reference is { } r)
            {
                double refMean = 0;
                for (int y = r.First; y <= r.Last; y++) refMean += t[y - e.StartYear];
                refMean /= r.Last - r.First + 1;
                for (int y = 0; y < years; y++) t[y] -= refMean;
            }
            return t;
        }
        var best = Annual(mean);
        var runs = samples.AsParallel().AsOrdered().Select(Annual).ToArray();
        var lo = new double[years];
        var hi = new double[years];
        var p05 = new double[years];
        var p95 = new double[years];
        var column = new double[runs.Length];
        for (int y = 0; y < years; y++)
        {
            for (int j = 0; j < runs.Length; j++) column[j] = runs[j][y];
            double mu = column.Average();
            double sigma = Math.Sqrt(column.Sum(v => (v - mu) * (v - mu)) / Math.Max(1, runs.Length - 1));
            lo[y] = best[y] - 2 * sigma;
            hi[y] = best[y] + 2 * sigma;
            Array.Sort(column);
            p05[y] = column[(int)Math.Floor(0.05 * (runs.Length - 1))];
            p95[y] = column[(int)Math.Ceiling(0.95 * (runs.Length - 1))];
        }
        return new ProjectionOutcome(pr.Name, Enumerable.Range(e.StartYear, years).Select(y => y + 0.5).ToArray(), best, lo, hi, p05, p95, reference);
    }
}
