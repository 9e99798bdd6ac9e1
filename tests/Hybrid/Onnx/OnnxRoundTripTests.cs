using ClimateAD.Hybrid.Networks;
using ClimateAD.Hybrid.Onnx;
using ClimateAD.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Hybrid.Tests.Onnx;

/// <summary>
/// The exchange loop of docs/hybrid.md on files made by other tools: ONNX from PyTorch or onnx.helper
/// → DenseNetwork → fine-tuned here on the batch-adjoint gradient → exported → ONNX Runtime gives
/// the fine-tuned network's outputs.
/// </summary>
public class OnnxRoundTripTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("torch_normalised_f32", OnnxElementType.Float, 1e-6)]
    [InlineData("helper_mlp_f64", OnnxElementType.Double, 1e-12)]
    public void ImportFineTuneExport_OnnxRuntimeMatchesFineTunedNetwork(string name, OnnxElementType type, double tolerance)
    {
        var net = OnnxNetworkImporter.Load(RepositoryPaths.Combine("tests", "Hybrid", "OnnxReference", name + ".onnx")).Network;
        var (x, yRef, _, _) = OnnxReferenceTests.Reference(name);
        // Fine-tune towards a changed target, 0.8 y + 0.1, by 100 Adam steps on the mean squared error.
        double[] target = yRef.Select(v => 0.8 * v + 0.1).ToArray(), y = new double[yRef.Length], yBar = new double[yRef.Length];
        double[] w = (double[])net.Weights.Clone(), g = new double[w.Length];
        double Loss()
        {
            net.ForwardBatch(w, x, y);
            return y.Zip(target, (p, q) => (p - q) * (p - q)).Sum() / y.Length;
        }
        double before = Loss();
        var adam = new TinyAdam(w.Length, 2e-3);
        for (int it = 0; it < 100; it++)
        {
            Loss();
            for (int i = 0; i < y.Length; i++) yBar[i] = 2 * (y[i] - target[i]) / y.Length;
            Array.Clear(g);
            net.AdjointBatch(w, x, yBar, Span<double>.Empty, g);
            adam.Step(w, g);
        }
        double after = Loss();
        Assert.True(after < 0.5 * before, $"fine-tuning: MSE {before:G4} → {after:G4}");

        var tuned = net.With(w);
        byte[] bytes = OnnxNetworkExporter.Export(tuned, type).ToBytes();
        var reread = OnnxNetworkImporter.Import(OnnxModel.Parse(bytes)).Network;   // what the file holds (float: rounded weights)
        if (type == OnnxElementType.Double) Assert.Equal(w, reread.Weights);
        else Assert.Equal(w.Select(v => (double)(float)v), reread.Weights);
        using var ort = new OnnxRuntimeTerm(bytes, name + "-tuned.onnx");
        double[] ours = new double[y.Length], theirs = new double[y.Length];
        reread.ForwardBatch(reread.Weights, x, ours);
        ort.Evaluate(x, theirs);
        double error = ours.Zip(theirs, (p, q) => Math.Abs(p - q)).Max() / ours.Max(Math.Abs);
        output.WriteLine($"{name}: MSE {before:G4} → {after:G4}; ORT vs fine-tuned network {error:E2}");
        Assert.True(error <= tolerance, $"{error:E3}");
    }
}
