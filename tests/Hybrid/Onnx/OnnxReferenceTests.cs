using System.Text.Json;
using ClimateAD.Hybrid.Networks;
using ClimateAD.Hybrid.Onnx;
using ClimateAD.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Hybrid.Tests.Onnx;

/// <summary>
/// Interop with tools we did not write: ONNX files made by the onnx Python helper API and by
/// PyTorch's exporter (tools/onnx/make_reference_models.py, committed under tests/Hybrid/OnnxReference).
/// </summary>
public class OnnxReferenceTests(ITestOutputHelper output)
{
    private static string PathOf(string file) => RepositoryPaths.Combine("tests", "Hybrid", "OnnxReference", file);

    internal static (double[] X, double[] Y, int InWidth, int OutWidth) Reference(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(PathOf(name + ".json")));
        static (double[], int) Matrix(JsonElement e)
        {
            var rows = e.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
            return (rows.SelectMany(r => r).ToArray(), rows[0].Length);
        }
        var (x, nIn) = Matrix(doc.RootElement.GetProperty("input"));
        var (y, nOut) = Matrix(doc.RootElement.GetProperty("output"));
        return (x, y, nIn, nOut);
    }

    private static double NormwiseError(double[] reference, double[] value) =>
        reference.Zip(value, (p, q) => Math.Abs(p - q)).Max() / reference.Max(Math.Abs);

    [Theory]
    [InlineData("helper_mlp_f32", OnnxElementType.Float, 1e-13)]     // numpy float64 on the stored float32 weights: exact arithmetic up to rounding
    [InlineData("helper_mlp_f64", OnnxElementType.Double, 1e-13)]
    [InlineData("torch_sequential_f64", OnnxElementType.Double, 1e-13)] // torch's own float64 forward
    [InlineData("torch_sequential_f32", OnnxElementType.Float, 2e-6)]   // torch's float32 forward vs our double evaluation
    [InlineData("torch_normalised_f32", OnnxElementType.Float, 2e-6)]
    public void Import_ReferenceModel_MatchesReferenceOutputs(string name, OnnxElementType type, double tolerance)
    {
        var imported = OnnxNetworkImporter.Load(PathOf(name + ".onnx"));
        var (x, y, nIn, nOut) = Reference(name);
        Assert.Equal(type, imported.ElementType);
        Assert.Equal(nIn, imported.Network.InputSize);
        Assert.Equal(nOut, imported.Network.OutputSize);
        var ours = new double[y.Length];
        imported.Network.ForwardBatch(imported.Network.Weights, x, ours);
        double error = NormwiseError(y, ours);
        output.WriteLine($"{name}: max |ours − reference| / max |reference| = {error:E2}");
        Assert.True(error <= tolerance, $"{name}: error {error:E3} > {tolerance:E0}");
    }

    [Theory]
    [InlineData("helper_mlp_f32")]
    [InlineData("torch_sequential_f32")]
    [InlineData("torch_normalised_f32")]
    public void OnnxRuntime_ReferenceModel_ReproducesImportedNetworkTo1e6(string name)
    {
        var imported = OnnxNetworkImporter.Load(PathOf(name + ".onnx"));
        var (x, y, _, _) = Reference(name);
        double[] ours = new double[y.Length], ort = new double[y.Length];
        imported.Network.ForwardBatch(imported.Network.Weights, x, ours);
        using var term = new OnnxRuntimeTerm(PathOf(name + ".onnx"));
        term.Evaluate(x, ort);
        double error = NormwiseError(ours, ort);
        output.WriteLine($"{name}: ORT vs imported network {error:E2}, ORT vs reference {NormwiseError(y, ort):E2}");
        Assert.True(error <= 1e-6, $"{error:E3}");
    }

    [Fact]
    public void Import_TorchNormalisedModel_RecoversLayersAndNormalisation()
    {
        var net = OnnxNetworkImporter.Load(PathOf("torch_normalised_f32.onnx")).Network;
        Assert.Equal([Activation.Tanh, Activation.Relu, Activation.Gelu, Activation.Softplus, Activation.Sigmoid, Activation.Identity],
            net.Layers.Select(l => l.Activation));
        Assert.Equal([3, 16, 16, 16, 12, 8], net.Layers.Select(l => l.InputSize));
        Assert.Equal([0.5, -1.0, 2.0], net.InputNormalisation.Shift);
        Assert.Equal([2.0, 0.5, 4.0], net.InputNormalisation.Scale);
        Assert.Equal([1.5, 0.25], net.OutputNormalisation.Scale);
        Assert.Equal([(double)0.1f, (double)-0.3f], net.OutputNormalisation.Shift);
    }

    [Fact]
    public void Import_ModelWithCos_FailsNamingTheNodeAndOnnxRuntimeStillRunsIt()
    {
        var e = Assert.Throws<OnnxImportException>(() => OnnxNetworkImporter.Load(PathOf("helper_cos_f32.onnx")));
        Assert.StartsWith("helper_cos_f32.onnx: node 'cosine_layer' (Cos): operator not supported by the MLP importer", e.Message);
        Assert.DoesNotContain('\n', e.Message);

        var (x, y, _, _) = Reference("helper_cos_f32");
        using var term = new OnnxRuntimeTerm(PathOf("helper_cos_f32.onnx"));
        var ort = new double[y.Length];
        term.Evaluate(x, ort);
        Assert.True(NormwiseError(y, ort) <= 1e-6);
        var nse = Assert.Throws<NotSupportedException>(() => term.Adjoint(x, y, new double[x.Length]));
        Assert.Contains("inference-only ONNX Runtime term", nse.Message);
        Assert.Throws<NotSupportedException>(() => term.Tangent(x, x, new double[y.Length]));
    }
}
