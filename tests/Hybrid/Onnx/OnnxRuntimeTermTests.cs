using ClimateAD.Adjoint;
using ClimateAD.Hybrid.Networks;
using ClimateAD.Hybrid.Onnx;
using ClimateAD.Physics.Lorenz96;
using Xunit;

namespace ClimateAD.Hybrid.Tests.Onnx;

public class OnnxRuntimeTermTests
{
    private static DenseNetwork Closure()
    {
        var net = DenseNetwork.Create([1, 8, 1], Activation.Tanh, seed: 4,
            input: new AffineNormalisation([2.0], [5.0]), output: new AffineNormalisation([-0.5], [3.0]));
        return net;
    }

    [Fact]
    public void AsSubgridTerm_OneScaleLorenz96_ForwardMatchesNetworkAndGradientIsAClearError()
    {
        var net = Closure();
        using var term = new OnnxRuntimeTerm(OnnxNetworkExporter.Export(net, OnnxElementType.Double).ToBytes(), "closure.onnx");
        Assert.Empty(term.Parameters);
        var scratch = new double[net.ScratchLength];
        var y = new double[1];
        foreach (double x in new[] { -7.5, 0.0, 3.25, 11.0 })
        {
            net.Forward(net.Weights, [x], y, scratch);
            Assert.Equal(y[0], term.Evaluate(x, []), 1e-13);
        }

        var model = new OneScaleLorenz96(8, term);
        var step = new Rk4Step<OneScaleLorenz96>(model, 0.005);
        double[] x0 = [1, 2, 3, 4, 5, 6, 7, 8], next = new double[8];
        step.Forward(0, x0, [20.0], next);
        Assert.All(next, v => Assert.True(double.IsFinite(v)));
        var e = Assert.Throws<NotSupportedException>(() => step.Tangent(0, x0, [20.0], x0, [0.0], next));
        Assert.StartsWith("closure.onnx: the derivative ∂S/∂X was asked of an inference-only ONNX Runtime term", e.Message);
        Assert.Throws<NotSupportedException>(() => step.Adjoint(0, x0, [20.0], x0, new double[8], new double[1]));
    }

    [Fact]
    public void PerPointEvaluate_FloatModel_MatchesBatchPathAndNetwork()
    {
        var net = Closure();
        var bytes = OnnxNetworkExporter.Export(net, OnnxElementType.Float).ToBytes();
        var stored = OnnxNetworkImporter.Import(OnnxModel.Parse(bytes)).Network;   // float-rounded weights
        using var term = new OnnxRuntimeTerm(bytes, "closure-f32.onnx");
        double[] xs = [-7.5, -0.25, 3.0, 11.0], batch = new double[4];
        term.Evaluate(xs, batch);
        var y = new double[1];
        for (int i = 0; i < xs.Length; i++)
        {
            double point = term.Evaluate(xs[i], []);
            Assert.Equal(batch[i], point);                 // same float computation, bit for bit
            stored.Forward(stored.Weights, [xs[i]], y, new double[stored.ScratchLength]);
            Assert.True(Math.Abs(point - y[0]) <= 1e-6 * Math.Max(1.0, Math.Abs(y[0])), $"{point} vs {y[0]}");
        }
    }

    [Fact]
    public void Constructor_NotAnOnnxModel_OneLineErrorNamingTheSource()
    {
        var e = Assert.Throws<InvalidDataException>(() => new OnnxRuntimeTerm([1, 2, 3, 4], "broken.onnx"));
        Assert.StartsWith("broken.onnx: ONNX Runtime cannot load the model", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
