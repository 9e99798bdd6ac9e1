using ClimateAD.Hybrid.Networks;

namespace ClimateAD.Hybrid.Onnx;

/// <summary>
/// Writes a <see cref="DenseNetwork"/> as an ONNX model (opset 17, IR 8) in float or double:
/// input <c>x</c> of shape [N, in] with a dynamic batch N, output <c>y</c> of shape [N, out];
/// <c>Sub</c>/<c>Div</c> for the input normalisation, one <c>Gemm</c> (transB = 1, the weights in
/// their stored out × in layout) per layer followed by its activation node, GELU as PyTorch's erf
/// decomposition, and <c>Mul</c>/<c>Add</c> for the output normalisation. Identity normalisations
/// write no nodes. In double precision softplus is written as <c>Relu(z) + Log(1 + Exp(−Abs(z)))</c>
/// because ONNX Runtime 1.31 has no double <c>Softplus</c> kernel; it also has no double <c>Erf</c>
/// kernel, so a double-precision GELU network is valid ONNX that ONNX Runtime's CPU provider
/// refuses to load (export GELU networks in float for ONNX Runtime). <see cref="OnnxNetworkImporter"/> reads the result back exactly.
/// </summary>
public static class OnnxNetworkExporter
{
    /// <summary>The ai.onnx opset written.</summary>
    public const long Opset = 17;

    /// <summary>The model for <paramref name="network"/> with weights <paramref name="weights"/> (its own when empty).</summary>
    public static OnnxModel Export(DenseNetwork network, OnnxElementType type = OnnxElementType.Float,
        ReadOnlySpan<double> weights = default, string inputName = "x", string outputName = "y")
    {
        ArgumentNullException.ThrowIfNull(network);
        if (type is not (OnnxElementType.Float or OnnxElementType.Double)) throw new ArgumentException($"Export supports float and double, not {type}.");
        double[] w = weights.IsEmpty ? network.Weights : weights.ToArray();
        if (w.Length != network.ParameterCount) throw new ArgumentException($"Expected {network.ParameterCount} weights, got {w.Length}.");

        var model = new OnnxModel { ProducerName = "ClimateAD", ProducerVersion = typeof(OnnxNetworkExporter).Assembly.GetName().Version?.ToString() ?? "" };
        model.OpsetImports.Add(("", Opset));
        var g = model.Graph;
        g.Name = "climatead_dense_network";
        g.Inputs.Add(OnnxValueInfo.Matrix(inputName, type, "N", network.InputSize));
        string current = inputName;
        int counter = 0;
        string Next(string hint) => $"{hint}_{counter++}";
        string Constant(string name, long[] dims, double[] values)
        {
            g.Initializers.Add(OnnxTensor.Create(name, type, dims, values));
            return name;
        }
        void Node(string name, string op, string[] inputs, params OnnxAttribute[] attrs)
        {
            string output = Next(name);
            g.Nodes.Add(OnnxNode.Create(name, op, inputs, [output], attrs));
            current = output;
        }

        var inN = network.InputNormalisation;
        if (inN.Shift.Any(s => s != 0)) Node("input_sub", "Sub", [current, Constant("input_shift", [inN.Size], inN.Shift)]);
        if (inN.Scale.Any(s => s != 1)) Node("input_div", "Div", [current, Constant("input_scale", [inN.Size], inN.Scale)]);

        bool geluConstants = false;
        for (int l = 0; l < network.Layers.Count; l++)
        {
            var layer = network.Layers[l];
            var wl = w.AsSpan(network.WeightOffset(l), layer.OutputSize * layer.InputSize).ToArray();
            var bl = w.AsSpan(network.BiasOffset(l), layer.OutputSize).ToArray();
            Node($"dense{l}_gemm", "Gemm",
                [current, Constant($"dense{l}_weight", [layer.OutputSize, layer.InputSize], wl), Constant($"dense{l}_bias", [layer.OutputSize], bl)],
                OnnxAttribute.Int("transB", 1));
            if (layer.Activation == Activation.Gelu)
            {
                if (!geluConstants)
                {
                    Constant("gelu_sqrt2", [], [Math.Sqrt(2.0)]);
                    Constant("gelu_one", [], [1.0]);
                    Constant("gelu_half", [], [0.5]);
                    geluConstants = true;
                }
                string z = current;
                Node($"dense{l}_gelu_div", "Div", [z, "gelu_sqrt2"]);
                Node($"dense{l}_gelu_erf", "Erf", [current]);
                Node($"dense{l}_gelu_add", "Add", [current, "gelu_one"]);
                Node($"dense{l}_gelu_mul", "Mul", [z, current]);
                Node($"dense{l}_gelu_half", "Mul", [current, "gelu_half"]);
            }
            else if (layer.Activation == Activation.Softplus && type == OnnxElementType.Double)
            {
                // ONNX Runtime (1.31, CPU) has no double Softplus kernel: write max(z, 0) + ln(1 + e^{−|z|}).
                if (!g.Initializers.Exists(t => t.Name == "softplus_one")) Constant("softplus_one", [], [1.0]);
                string z = current;
                Node($"dense{l}_softplus_abs", "Abs", [z]);
                Node($"dense{l}_softplus_neg", "Neg", [current]);
                Node($"dense{l}_softplus_exp", "Exp", [current]);
                Node($"dense{l}_softplus_add", "Add", [current, "softplus_one"]);
                Node($"dense{l}_softplus_log", "Log", [current]);
                string log = current;
                Node($"dense{l}_softplus_relu", "Relu", [z]);
                Node($"dense{l}_softplus_sum", "Add", [current, log]);
            }
            else if (ActivationFunctions.OnnxOperator(layer.Activation) is { } op)
                Node($"dense{l}_{op.ToLowerInvariant()}", op, [current]);
        }

        var outN = network.OutputNormalisation;
        if (outN.Scale.Any(s => s != 1)) Node("output_mul", "Mul", [current, Constant("output_scale", [outN.Size], outN.Scale)]);
        if (outN.Shift.Any(s => s != 0)) Node("output_add", "Add", [current, Constant("output_shift", [outN.Size], outN.Shift)]);
        if (g.Nodes.Count > 0) g.Nodes[^1].Outputs[0] = outputName;
        g.Outputs.Add(OnnxValueInfo.Matrix(outputName, type, "N", network.OutputSize));
        return model;
    }

    /// <summary>Exports <paramref name="network"/> to the file <paramref name="path"/>.</summary>
    public static void Save(DenseNetwork network, string path, OnnxElementType type = OnnxElementType.Float) =>
        Export(network, type).Save(path);
}
