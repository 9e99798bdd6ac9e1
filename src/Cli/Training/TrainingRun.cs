using System.Diagnostics;
using System.Globalization;
using ClimateAD.Cli.Commands;
using ClimateAD.Hybrid.Networks;
using ClimateAD.Hybrid.Onnx;
using ClimateAD.Hybrid.Parameterisation;
using ClimateAD.Hybrid.Terms;
using ClimateAD.IO.Plots;
using ClimateAD.Physics.Lorenz96;

namespace ClimateAD.Cli.Training;

/// <summary>
/// Runs a training file: the two-scale truth, the offline fits (cubic polynomial and network),
/// online training of the network through the one-scale solver (checkpointed, resumable), the
/// evaluation of every closure (forecast skill and climate), and the outputs: evaluation table
/// (Markdown, CSV), loss curves (PNG), the offline and online networks as ONNX (float32 for
/// PyTorch and ONNX Runtime, float64 for exact reuse) and the checkpoint.
/// </summary>
internal static class TrainingRun
{
    /// <summary>What a run did.</summary>
    /// <param name="Completed">False when it stopped early (<c>--stop-after</c>).</param>
    /// <param name="Files">Files written.</param>
    /// <param name="Rows">Evaluation rows (empty when stopped early).</param>
    public sealed record Outcome(bool Completed, IReadOnlyList<string> Files, IReadOnlyList<ClosureEvaluation> Rows);

    /// <summary>Runs <paramref name="spec"/> into <paramref name="folder"/>.</summary>
    public static Outcome Run(TrainingFile spec, bool resume, int? stopAfter, string folder, TextWriter stdout)
    {
        Directory.CreateDirectory(folder);
        string checkpointPath = Path.Combine(folder, "training.h5");
        string hash = TrainingCheckpoint.Hash(spec.Text);
        var checkpoint = resume ? TrainingCheckpoint.Read(checkpointPath, hash) : null;
        var s = spec.Settings;
        var clock = Stopwatch.StartNew();
        var experiment = new ParameterisationExperiment(s);
        stdout.WriteLine($"truth: two-scale Lorenz-96 K={s.SlowCount} J={s.FastPerSlow} F={s.TruthTheta[0]:G} h={s.TruthTheta[1]:G} b={s.TruthTheta[2]:G} c={s.TruthTheta[3]:G}, "
            + $"{s.Samples} samples every {s.SampleInterval:G} MTU ({clock.Elapsed.TotalSeconds:F1} s)");
        var network = InitialNetwork(spec, experiment);
        var files = new List<string>();

        double[] offlineWeights, offlineLoss;
        if (checkpoint is not null)
        {
            (offlineWeights, offlineLoss) = (checkpoint.OfflineWeights, checkpoint.OfflineLoss);
            stdout.WriteLine($"resumed from {RunCommand.Relative(checkpointPath)}: offline done, online iteration {checkpoint.Online?.Iteration ?? 0}");
        }
        else
        {
            (offlineWeights, offlineLoss) = experiment.TrainOffline(network);
            stdout.WriteLine($"offline: {s.OfflineIterations} Adam iterations on {experiment.TrainingSamples * s.SlowCount} (X, U) pairs, "
                + $"final normalised loss {Tail(offlineLoss):G4} ({clock.Elapsed.TotalSeconds:F1} s)");
            new TrainingCheckpoint(hash, offlineWeights, offlineLoss, s.OnlineMethod, null, []).Write(checkpointPath);
        }

        var term = new NetworkSubgridTerm(network);
        var trainer = experiment.OnlineTrainer(term);
        var state = checkpoint?.Online ?? trainer.Start([experiment.Forcing, .. offlineWeights]);
        var onlineLoss = new List<double>(checkpoint?.OnlineLoss ?? []);
        int report = Math.Max(1, s.OnlineIterations / 20);
        while (state.Iteration < s.OnlineIterations)
        {
            if (stopAfter is { } cap && state.Iteration >= cap)
            {
                new TrainingCheckpoint(hash, offlineWeights, offlineLoss, s.OnlineMethod, state, [.. onlineLoss]).Write(checkpointPath);
                stdout.WriteLine($"Stopped after {state.Iteration} online iterations as asked; checkpoint {RunCommand.Relative(checkpointPath)}. "
                    + $"Continue with: climatead train {spec.Path} --resume");
                return new Outcome(false, [checkpointPath], []);
            }
            state = trainer.Iterate(state);
            onlineLoss.Add(state.Loss);
            if (state.Iteration % report == 0 || state.Iteration == s.OnlineIterations)
                stdout.WriteLine($"online ({trainer.Name}) {state.Iteration}/{s.OnlineIterations}: loss {state.Loss:G4} ({clock.Elapsed.TotalSeconds:F1} s)");
            if (state.Iteration % spec.CheckpointEvery == 0 || state.Iteration == s.OnlineIterations)
                new TrainingCheckpoint(hash, offlineWeights, offlineLoss, s.OnlineMethod, state, [.. onlineLoss]).Write(checkpointPath);
        }
        if (s.OnlineIterations == 0) new TrainingCheckpoint(hash, offlineWeights, offlineLoss, s.OnlineMethod, state, []).Write(checkpointPath);
        files.Add(checkpointPath);
        var onlineWeights = state.Theta[1..];

        var rows = new List<ClosureEvaluation>
        {
            experiment.Evaluate("none", null, []),
            experiment.Evaluate("cubic polynomial (offline)", new CubicSubgridTerm(), experiment.FitCubic()),
            experiment.Evaluate("MLP (offline)", term, offlineWeights),
            experiment.Evaluate("MLP (online)", term, onlineWeights),
        };
        stdout.WriteLine($"evaluation: {s.ForecastStarts} forecasts from the test half, climate over {s.ClimateSamples * s.SampleInterval:G} MTU ({clock.Elapsed.TotalSeconds:F1} s)");
        stdout.WriteLine(ClosureEvaluation.MarkdownHeader);
        foreach (var r in rows) stdout.WriteLine(r.ToMarkdownRow());
        stdout.WriteLine($"| truth (two-scale) | | {experiment.TruthClimate.Mean:F3} | {experiment.TruthClimate.Variance:F2} | 0 |");

        files.AddRange(WriteNetworks(network, offlineWeights, onlineWeights, folder));
        files.AddRange(WriteTables(spec, experiment, rows, folder));
        string plot = Path.Combine(folder, "loss.png");
        TimeSeriesPlot.Save(plot, $"{spec.Name}: training loss", "Adam iteration", "normalised loss",
        [
            new PlotSeries("offline: (S(X) - U)^2 / Var U, batch", Enumerable.Range(1, offlineLoss.Length).Select(i => (double)i).ToArray(), offlineLoss),
            new PlotSeries($"online: forecast MSE over {s.WindowSamples * s.SampleInterval:G} MTU, batch", Enumerable.Range(1, onlineLoss.Count).Select(i => (double)i).ToArray(), [.. onlineLoss]),
        ]);
        files.Add(plot);
        return new Outcome(true, files, rows);
    }

    private static DenseNetwork InitialNetwork(TrainingFile spec, ParameterisationExperiment experiment)
    {
        if (spec.InitialNetwork is not { } path) return experiment.CreateNetwork();
        var imported = OnnxNetworkImporter.Load(path).Network;
        if (imported.InputSize != 1 || imported.OutputSize != 1)
            throw new UserErrorException($"{path}: a Lorenz-96 closure network maps X_k to S(X_k) (1 input, 1 output), not {imported.InputSize} → {imported.OutputSize}");
        return imported;
    }

    private static IEnumerable<string> WriteNetworks(DenseNetwork network, double[] offline, double[] online, string folder)
    {
        foreach (var (name, weights) in new[] { ("closure-offline", offline), ("closure-online", online) })
        {
            var trained = network.With(weights);
            string f32 = Path.Combine(folder, name + ".onnx"), f64 = Path.Combine(folder, name + "-f64.onnx");
            OnnxNetworkExporter.Save(trained, f32, OnnxElementType.Float);
            OnnxNetworkExporter.Save(trained, f64, OnnxElementType.Double);
            yield return f32;
            yield return f64;
        }
    }

    private static IEnumerable<string> WriteTables(TrainingFile spec, ParameterisationExperiment e, IReadOnlyList<ClosureEvaluation> rows, string folder)
    {
        var inv = CultureInfo.InvariantCulture;
        string csv = Path.Combine(folder, "evaluation.csv");
        File.WriteAllLines(csv, new[] { "closure,forecast_skill_mtu,mean_x,variance_x,hellinger" }
            .Concat(rows.Select(r => string.Create(inv, $"\"{r.Name}\",{r.SkillTime:R},{r.Climate.Mean:R},{r.Climate.Variance:R},{r.Hellinger:R}")))
            .Append(string.Create(inv, $"\"truth\",,{e.TruthClimate.Mean:R},{e.TruthClimate.Variance:R},0")));
        string md = Path.Combine(folder, "evaluation.md");
        var s = spec.Settings;
        File.WriteAllLines(md, new[]
        {
            $"# {spec.Name}",
            "",
            spec.Description,
            "",
            $"Truth: two-scale Lorenz-96, K = {s.SlowCount}, J = {s.FastPerSlow}, (F, h, b, c) = ({string.Join(", ", s.TruthTheta)}), RK4 Δt = {s.TimeStep}, "
                + $"{s.Samples} samples every {s.SampleInterval} MTU (first half trains, second half tests). "
                + $"Forecast skill: time until the mean anomaly correlation over {s.ForecastStarts} forecasts drops below 0.6. "
                + $"Climate: free run of {s.ClimateSamples * s.SampleInterval} MTU; Hellinger distance of the PDF of X to the truth's.",
            "",
            ClosureEvaluation.MarkdownHeader,
        }.Concat(rows.Select(r => r.ToMarkdownRow()))
         .Append($"| truth (two-scale) | | {e.TruthClimate.Mean:F3} | {e.TruthClimate.Variance:F2} | 0 |"));
        return [csv, md];
    }

    private static double Tail(double[] loss) => loss.Length == 0 ? double.NaN : loss[Math.Max(0, loss.Length - 100)..].Average();
}
