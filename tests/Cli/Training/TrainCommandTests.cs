using ClimateAD.Hybrid.Networks;
using ClimateAD.Hybrid.Onnx;
using ClimateAD.TestKit;
using Xunit;

namespace ClimateAD.Cli.Tests.Training;

/// <summary><c>climatead train</c> end to end on a tiny Lorenz-96 problem: outputs, exact resume, the ONNX round trip, bad input.</summary>
public sealed class TrainCommandTests
{
    private static (int Code, string Out) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout + stderr.ToString());
    }

    /// <summary>The K = 8 training file shrunk to run in about a second.</summary>
    private static string Tiny(TempFolder folder, string? initial = null, string name = "tiny.toml")
    {
        string text = File.ReadAllText(RepositoryPaths.Combine("training", "lorenz96-k8-mlp.toml"))
            .Replace("samples = 8000", "samples = 400")
            .Replace("hidden = [16, 16]", "hidden = [4]")
            .Replace("iterations = 3000", "iterations = 60")
            .Replace("iterations = 400", "iterations = 6")
            .Replace("window = 0.5", "window = 0.2")
            .Replace("batch = 16", "batch = 4")
            .Replace("checkpoint_every = 50", "checkpoint_every = 2")
            .Replace("forecasts = 60", "forecasts = 5")
            .Replace("lead = 3.0", "lead = 1.0")
            .Replace("climate_samples = 20000", "climate_samples = 400")
            .Replace("folder = \"output/lorenz96-k8-mlp\"", $"folder = \"{folder.File("out")}\"");
        if (initial is not null) text = text.Replace("# initial = \"my-torch-closure.onnx\"", $"initial = \"{initial}\"");
        string path = folder.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    private static double[] Weights(string onnx) => OnnxNetworkImporter.Load(onnx).Network.Weights;

    [Fact]
    public void Train_TinyFile_WritesTheTableTheNetworksAndTheLossPlot()
    {
        using var tmp = new TempFolder();
        var (code, output) = Run("train", Tiny(tmp));
        Assert.True(code == 0, output);
        foreach (var f in new[] { "evaluation.md", "evaluation.csv", "loss.png", "training.h5", "closure-offline.onnx", "closure-online-f64.onnx" })
            Assert.True(File.Exists(Path.Combine(tmp.File("out"), f)), $"{f} missing:\n{output}");
        var csv = File.ReadAllLines(Path.Combine(tmp.File("out"), "evaluation.csv"));
        Assert.Equal(6, csv.Length);
        Assert.Contains("MLP (online)", csv[4]);
        Assert.True(new FileInfo(Path.Combine(tmp.File("out"), "loss.png")).Length > 5000);
        Assert.Contains("online (adam) 6/6", output);
        Assert.NotEqual(Weights(Path.Combine(tmp.File("out"), "closure-offline-f64.onnx")), Weights(Path.Combine(tmp.File("out"), "closure-online-f64.onnx")));
    }

    [Theory]
    [InlineData("adam")]
    [InlineData("lbfgs")]
    public void Train_StoppedAndResumed_IsBitIdenticalToTheUninterruptedRun(string method)
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        string Method(string path)
        {
            File.WriteAllText(path, File.ReadAllText(path).Replace("method = \"adam\"", $"method = \"{method}\""));
            return path;
        }
        Assert.Equal(0, Run("train", Method(Tiny(a))).Code);
        string file = Method(Tiny(b));
        var (stopCode, stopOut) = Run("train", file, "--stop-after", "3");
        Assert.True(stopCode == 0, stopOut);
        Assert.Contains("--resume", stopOut);
        Assert.False(File.Exists(Path.Combine(b.File("out"), "closure-online-f64.onnx")));
        var (code, output) = Run("train", file, "--resume");
        Assert.True(code == 0, output);
        Assert.Contains("online iteration 3", output);
        Assert.Equal(Weights(Path.Combine(a.File("out"), "closure-online-f64.onnx")), Weights(Path.Combine(b.File("out"), "closure-online-f64.onnx")));
    }

    [Fact]
    public void RoundTrip_OnnxIn_FineTunedOnline_OnnxOut_MatchesOnnxRuntime()
    {
        // An MLP written to ONNX, read back as the starting network, fine-tuned online, exported
        // again and loaded by ONNX Runtime: ONNX Runtime's outputs equal ours.
        using var tmp = new TempFolder();
        var start = DenseNetwork.Create([1, 4, 1], Activation.Tanh, Activation.Identity, seed: 9,
            input: new AffineNormalisation([3.5], [5.0]), output: new AffineNormalisation([-2.0], [4.0]));
        string initial = tmp.File("initial.onnx");
        OnnxNetworkExporter.Save(start, initial, OnnxElementType.Double);
        var (code, output) = Run("train", Tiny(tmp, initial));
        Assert.True(code == 0, output);
        string trained = Path.Combine(tmp.File("out"), "closure-online-f64.onnx");
        var ours = OnnxNetworkImporter.Load(trained).Network;
        Assert.NotEqual(start.Weights, ours.Weights);
        using var ort = new OnnxRuntimeTerm(trained);
        var y = new double[1];
        var scratch = new double[ours.ScratchLength];
        foreach (double x in new[] { -8.0, -1.5, 0.0, 2.5, 7.0, 13.0 })
        {
            ours.Forward(ours.Weights, [x], y, scratch);
            Assert.Equal(y[0], ort.Evaluate(x, []), 1e-12 * Math.Max(1, Math.Abs(y[0])));
        }
    }

    [Fact]
    public void Train_UnknownKeyOrChangedFileOnResume_IsAOneLineError()
    {
        using var tmp = new TempFolder();
        string file = Tiny(tmp);
        File.WriteAllText(file, File.ReadAllText(file).Replace("batch = 64", "batchsize = 64"));
        var (code, output) = Run("train", file);
        Assert.Equal(2, code);
        Assert.Contains("tiny.toml:", output);
        Assert.Contains("offline.batchsize", output);
        Assert.Single(output.Trim().Split('\n'));

        string good = Tiny(tmp, name: "good.toml");
        Assert.Equal(0, Run("train", good, "--stop-after", "2").Code);
        File.WriteAllText(good, File.ReadAllText(good).Replace("seed = 1", "seed = 2"));
        var (resumeCode, resumeOut) = Run("train", good, "--resume");
        Assert.NotEqual(0, resumeCode);
        Assert.Contains("different training file", resumeOut);
    }
}
