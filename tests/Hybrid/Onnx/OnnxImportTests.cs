using ClimateAD.Hybrid.Networks;
using ClimateAD.Hybrid.Onnx;
using Xunit;

namespace ClimateAD.Hybrid.Tests.Onnx;

/// <summary>Import semantics checked against ONNX Runtime as an independent evaluator of hand-built graphs.</summary>
public class OnnxImportTests
{
    private static OnnxModel Graph(OnnxElementType type, int inWidth, int outWidth, Action<Func<string, long[], double[], string>, List<OnnxNode>> build)
    {
        var model = new OnnxModel();
        model.OpsetImports.Add(("", 17));
        var g = model.Graph;
        g.Name = "hand_built";
        g.Inputs.Add(OnnxValueInfo.Matrix("x", type, "N", inWidth));
        g.Outputs.Add(OnnxValueInfo.Matrix("y", type, "N", outWidth));
        build((name, dims, values) => { g.Initializers.Add(OnnxTensor.Create(name, type, dims, values)); return name; }, g.Nodes);
        return model;
    }

    private static OnnxNode N(string name, string op, string[] inputs, string output, params OnnxAttribute[] attrs) =>
        OnnxNode.Create(name, op, inputs, [output], attrs);

    [Fact]
    public void Import_MatMulGemmAndFoldedElementwiseOps_AgreesWithOnnxRuntimeTo1e13()
    {
        var model = Graph(OnnxElementType.Double, 2, 2, (c, nodes) =>
        {
            nodes.Add(N("scale_in", "Mul", ["x", c("s_in", [2], [2.0, 0.5])], "a"));
            nodes.Add(N("flip_in", "Sub", [c("one2", [1, 2], [1.0, -1.0]), "a"], "b"));           // constant − x
            nodes.Add(N("mm0", "MatMul", ["b", c("W0", [2, 4], [0.3, -0.2, 0.5, 0.1, -0.4, 0.25, 0.6, -0.7])], "m0"));
            nodes.Add(N("bias0", "Add", ["m0", c("b0", [4], [0.1, 0.0, -0.2, 0.3])], "z0"));
            nodes.Add(N("prescale0", "Mul", ["z0", c("three", [], [3.0])], "z0s"));              // before the activation
            nodes.Add(N("tanh0", "Tanh", ["z0s"], "h0"));
            nodes.Add(N("postmul0", "Mul", ["h0", c("s1", [4], [1.5, -2.0, 0.5, 1.0])], "h0m"));  // between layers
            nodes.Add(N("postadd0", "Add", [c("t1", [4], [0.2, 0.1, -0.3, 0.0]), "h0m"], "h0a"));
            nodes.Add(N("mm1", "MatMul", ["h0a", c("W1", [4, 3], [0.5, -0.1, 0.2, 0.3, 0.4, -0.6, -0.2, 0.1, 0.7, 0.9, -0.8, 0.05])], "h1z"));
            nodes.Add(N("relu1", "Relu", ["h1z"], "h1"));
            nodes.Add(N("gemm2", "Gemm", ["h1", c("B2", [3, 2], [0.4, -0.3, 0.2, 0.8, -0.5, 0.6]), c("C2", [2], [0.05, -0.1])], "z2",
                new OnnxAttribute { Name = "alpha", Type = OnnxAttribute.Kind.Float, F = 0.5f },
                new OnnxAttribute { Name = "beta", Type = OnnxAttribute.Kind.Float, F = 2.0f }));
            nodes.Add(N("div_out", "Div", ["z2", c("four", [], [4.0])], "z2d"));
            nodes.Add(N("sub_out", "Sub", ["z2d", c("one", [1], [1.0])], "y"));
        });
        var imported = OnnxNetworkImporter.Import(model, "hand_built.onnx");
        var net = imported.Network;
        Assert.Equal([Activation.Tanh, Activation.Relu, Activation.Identity], net.Layers.Select(l => l.Activation));
        Assert.Equal([0.25, 0.25], net.OutputNormalisation.Scale);   // the output Div/Sub became the output normalisation
        Assert.Equal([-1.0, -1.0], net.OutputNormalisation.Shift);
        using var ort = new OnnxRuntimeTerm(model.ToBytes(), "hand_built.onnx");
        var x = OnnxExportTests.Inputs(100, 2, 9);
        double[] ours = new double[200], theirs = new double[200];
        net.ForwardBatch(net.Weights, x, ours);
        ort.Evaluate(x, theirs);
        double maxY = ours.Max(Math.Abs), maxD = ours.Zip(theirs, (p, q) => Math.Abs(p - q)).Max();
        Assert.True(maxD <= 1e-13 * maxY, $"{maxD:E3} vs max |y| {maxY:E3}");
        Assert.True(maxY > 0.1);
    }

    [Fact]
    public void Import_Opset20GeluNode_MatchesOnnxRuntimeAndRefusesTanhApproximation()
    {
        OnnxModel Make(string approximate)
        {
            var m = Graph(OnnxElementType.Float, 2, 1, (c, nodes) =>
            {
                nodes.Add(N("gemm0", "Gemm", ["x", c("W0", [3, 2], [0.5, -1.0, 0.25, 0.75, -0.6, 0.3]), c("b0", [3], [0.1, -0.2, 0.05])], "z0",
                    OnnxAttribute.Int("transB", 1)));
                nodes.Add(N("gelu0", "Gelu", ["z0"], "h0", new OnnxAttribute { Name = "approximate", Type = OnnxAttribute.Kind.String, S = approximate }));
                nodes.Add(N("gemm1", "Gemm", ["h0", c("W1", [1, 3], [1.5, -0.5, 2.0]), c("b1", [1], [0.25])], "y", OnnxAttribute.Int("transB", 1)));
            });
            m.OpsetImports.Clear();
            m.OpsetImports.Add(("", 20));
            m.IrVersion = 9;
            return m;
        }
        var model = Make("none");
        var net = OnnxNetworkImporter.Import(model, "gelu20.onnx").Network;
        Assert.Equal([Activation.Gelu, Activation.Identity], net.Layers.Select(l => l.Activation));
        using var ort = new OnnxRuntimeTerm(model.ToBytes(), "gelu20.onnx");
        var x = OnnxExportTests.Inputs(50, 2, 4);
        double[] ours = new double[50], theirs = new double[50];
        net.ForwardBatch(net.Weights, x, ours);
        ort.Evaluate(x, theirs);
        double maxY = ours.Max(Math.Abs), maxD = ours.Zip(theirs, (p, q) => Math.Abs(p - q)).Max();
        Assert.True(maxD <= 1e-6 * maxY, $"{maxD:E3} vs max |y| {maxY:E3}");

        var e = Assert.Throws<OnnxImportException>(() => OnnxNetworkImporter.Import(Make("tanh"), "gelu20.onnx"));
        Assert.Equal("gelu20.onnx: node 'gelu0' (Gelu): GELU with approximate = 'tanh' is not supported (only the exact erf form).", e.Message);
    }

    [Fact]
    public void Import_ActivationOnTheRawInput_ErrorNamesTheNode()
    {
        var model = Graph(OnnxElementType.Float, 2, 2, (c, nodes) =>
        {
            nodes.Add(N("early_tanh", "Tanh", ["x"], "t"));
            nodes.Add(N("mm", "MatMul", ["t", c("W", [2, 2], [1, 0, 0, 1])], "y"));
        });
        var e = Assert.Throws<OnnxImportException>(() => OnnxNetworkImporter.Import(model, "m.onnx"));
        Assert.Equal("m.onnx: node 'early_tanh' (Tanh): an activation must follow a dense layer (Gemm or MatMul).", e.Message);
    }

    [Fact]
    public void Import_WeightFromAnotherInput_ErrorNamesTheOperand()
    {
        var model = Graph(OnnxElementType.Float, 2, 2, (c, nodes) => nodes.Add(N("mm", "MatMul", ["x", "W_runtime"], "y")));
        model.Graph.Inputs.Add(OnnxValueInfo.Matrix("W_runtime", OnnxElementType.Float, "K", 2));
        var e = Assert.Throws<OnnxImportException>(() => OnnxNetworkImporter.Import(model, "m.onnx"));
        Assert.Equal("m.onnx: an MLP has one input; this graph has 2 (x, W_runtime).", e.Message);
    }

    [Fact]
    public void Parse_TruncatedBytes_InvalidDataNotACrash()
    {
        var bytes = OnnxNetworkExporter.Export(DenseNetwork.Create([2, 3, 1], Activation.Tanh)).ToBytes();
        var e = Assert.Throws<InvalidDataException>(() => OnnxModel.Parse(bytes.AsMemory(0, bytes.Length - 7)));
        Assert.StartsWith("Not a valid protobuf message: truncated", e.Message);
    }
}
