using ClimateAD.Hybrid.Parameterisation;
using ClimateAD.IO.Data;

namespace ClimateAD.Cli.Training;

/// <summary>
/// A training file (<c>climatead train &lt;training.toml&gt;</c>, docs/hybrid.md): the two-scale
/// Lorenz-96 truth ([truth]), the network closure ([network]), offline and online training
/// ([offline], [online]), evaluation ([evaluation]) and where results go ([output]), parsed into
/// <see cref="ParameterisationSettings"/>. Every error names the file, line and key.
/// </summary>
/// <param name="Path">The file as given.</param>
/// <param name="Name">[training] name.</param>
/// <param name="Description">[training] description.</param>
/// <param name="Settings">The experiment settings.</param>
/// <param name="InitialNetwork">[network] initial: an ONNX file to start from (resolved against the file's folder), or <c>null</c>.</param>
/// <param name="CheckpointEvery">[online] checkpoint_every: online iterations between checkpoints.</param>
/// <param name="OutputFolder">[output] folder (resolved against the current directory).</param>
/// <param name="Text">The file's text (its hash guards --resume).</param>
internal sealed record TrainingFile(string Path, string Name, string Description, ParameterisationSettings Settings,
    string? InitialNetwork, int CheckpointEvery, string OutputFolder, string Text)
{
    private static readonly string[] Tables = ["training", "truth", "network", "offline", "online", "evaluation", "output"];

    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    public static TrainingFile Load(string path)
    {
        var root = TomlConfig.Load(path);
        root.CheckKeys(Tables);
        var training = root.Table("training");
        training.CheckKeys(["name", "description"]);
        var truth = root.Table("truth");
        truth.CheckKeys(["slow_variables", "fast_per_slow", "forcing", "coupling", "spatial_scale_ratio", "time_scale_ratio", "step", "sample_interval", "samples"]);
        var network = root.Table("network");
        network.CheckKeys(["hidden", "seed", "initial"]);
        var offline = root.Table("offline");
        offline.CheckKeys(["iterations", "batch", "learning_rate"]);
        var online = root.Table("online");
        online.CheckKeys(["method", "iterations", "window", "batch", "learning_rate", "checkpoint_every"]);
        var evaluation = root.Table("evaluation");
        evaluation.CheckKeys(["forecasts", "lead", "climate_samples"]);
        var output = root.Table("output");
        output.CheckKeys(["folder"]);

        double step = Positive(truth, "step"), interval = Positive(truth, "sample_interval");
        int per = (int)Math.Round(interval / step);
        if (per < 1 || Math.Abs(per * step - interval) > 1e-9 * interval)
            throw truth.Error("sample_interval", $"must be a whole number of steps ({step})");
        int samples = truth.Integer("samples", 100, 10_000_000);
        int window = Samples(online, "window", interval);
        int lead = Samples(evaluation, "lead", interval);
        if (lead + 2 >= samples / 2) throw evaluation.Error("lead", $"is longer than the test half of the truth ({samples / 2 * interval} MTU)");
        var hidden = network.OptionalNumberArray("hidden") ?? throw network.Error("hidden", "is required, e.g. hidden = [16, 16]");
        if (hidden.Count == 0 || hidden.Any(h => h < 1 || h > 256 || h != Math.Floor(h)))
            throw network.Error("hidden", "must list 1 to 256 units per hidden layer, e.g. [16, 16]");
        var settings = new ParameterisationSettings
        {
            SlowCount = truth.Integer("slow_variables", 4, 1000),
            FastPerSlow = truth.Integer("fast_per_slow", 1, 1000),
            TruthTheta = [truth.Number("forcing"), truth.Number("coupling"), Positive(truth, "spatial_scale_ratio"), Positive(truth, "time_scale_ratio")],
            TimeStep = step,
            SampleInterval = interval,
            Samples = samples,
            Hidden = [.. hidden.Select(h => (int)h)],
            Seed = network.OptionalInteger("seed", 0, int.MaxValue) ?? 1,
            OfflineIterations = offline.Integer("iterations", 0, 10_000_000),
            OfflineBatch = offline.Integer("batch", 1, 1_000_000),
            OfflineLearningRate = Positive(offline, "learning_rate"),
            OnlineMethod = online.Choice("method", ["adam", "lbfgs"], "adam"),
            OnlineIterations = online.Integer("iterations", 0, 10_000_000),
            WindowSamples = window,
            OnlineBatch = online.Integer("batch", 1, 100_000),
            OnlineLearningRate = online.Has("learning_rate") ? Positive(online, "learning_rate") : 1e-4,
            ForecastStarts = evaluation.Integer("forecasts", 1, 100_000),
            LeadSamples = lead,
            ClimateSamples = evaluation.Integer("climate_samples", 100, 100_000_000),
        };
        string folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        string? initial = network.OptionalString("initial") is { } i ? System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, i)) : null;
        if (initial is not null && !File.Exists(initial)) throw network.Error("initial", $"file not found: {initial}");
        return new TrainingFile(path, training.String("name"), training.OptionalString("description") ?? "", settings, initial,
            online.OptionalInteger("checkpoint_every", 1, 10_000_000) ?? 50, System.IO.Path.GetFullPath(output.String("folder")), File.ReadAllText(path));
    }

    private static double Positive(TomlConfig t, string key)
    {
        double v = t.Number(key);
        if (!(v > 0)) throw t.Error(key, $"must be positive, not {v}");
        return v;
    }

    private static int Samples(TomlConfig t, string key, double interval)
    {
        double v = Positive(t, key);
        int n = (int)Math.Round(v / interval);
        if (n < 1 || Math.Abs(n * interval - v) > 1e-9 * v) throw t.Error(key, $"must be a whole number of sample intervals ({interval})");
        return n;
    }
}
