using ClimateAD.Hybrid.Networks;

namespace ClimateAD.Hybrid.Onnx;

/// <summary>
/// Reads MLP-shaped ONNX graphs into a differentiable <see cref="DenseNetwork"/>: one float or
/// double input [N, F] flowing through a chain of
/// <list type="bullet">
/// <item><c>Gemm</c> (transA = 0, any alpha, beta, transB) or <c>MatMul</c> with a constant matrix, then optional <c>Add</c> of a constant bias;</item>
/// <item>activations <c>Relu</c>, <c>Tanh</c>, <c>Sigmoid</c>, <c>Softplus</c>, <c>Gelu</c> (opset 20, approximate = none)
///       or GELU's erf decomposition as PyTorch exports it (<c>Div √2 → Erf → Add 1 → Mul x → Mul ½</c>);</item>
/// <item><c>Identity</c>, and <c>Sub</c>/<c>Div</c>/<c>Mul</c>/<c>Add</c> with constant operands: before the first layer they become the
///       input normalisation, after the last the output normalisation, between layers they are folded into the next layer's weights.</item>
/// </list>
/// Constants come from initialisers or <c>Constant</c> nodes. Anything else is an
/// <see cref="OnnxImportException"/> naming the node. Float weights are widened to double exactly.
/// </summary>
public static class OnnxNetworkImporter
{
    /// <summary>Imports the .onnx file at <paramref name="path"/>.</summary>
    public static ImportedNetwork Load(string path) => Import(OnnxModel.Load(path), Path.GetFileName(path));

    /// <summary>Imports <paramref name="model"/>; <paramref name="source"/> names it in errors.</summary>
    public static ImportedNetwork Import(OnnxModel model, string source = "model")
    {
        ArgumentNullException.ThrowIfNull(model);
        return new Builder(model, source).Run();
    }

    private enum Phase { Input, Layer, Post }

    private sealed class Builder(OnnxModel model, string source)
    {
        private readonly Dictionary<string, OnnxTensor> _constants = [];
        private readonly List<DenseLayer> _layers = [];
        private readonly List<OnnxNode> _nodes = [];
        private readonly List<double> _weights = [];
        private Phase _phase = Phase.Input;
        private string _current = "";
        private int _width;
        private double[] _inShift = [], _inScale = [];
        private double[] _postShift = [], _postScale = [];
        private double[] _w = [], _b = [];            // open layer, W row-major out × in
        private int _in, _out;
        private bool _hasBias;

        private OnnxImportException Fail(string what) => new($"{source}: {what}");
        private OnnxImportException Fail(OnnxNode node, string what) => new($"{source}: node {node.Describe()}: {what}");

        public ImportedNetwork Run()
        {
            var g = model.Graph;
            foreach (var t in g.Initializers) _constants[t.Name] = t;
            var inputs = g.Inputs.Where(i => !_constants.ContainsKey(i.Name)).ToList();
            if (inputs.Count != 1) throw Fail($"an MLP has one input; this graph has {inputs.Count} ({string.Join(", ", inputs.Select(i => i.Name))}).");
            if (g.Outputs.Count != 1) throw Fail($"an MLP has one output; this graph has {g.Outputs.Count}.");
            var input = inputs[0];
            if (input.ElementType is not (OnnxElementType.Float or OnnxElementType.Double))
                throw Fail($"input '{input.Name}' has element type {input.ElementType}; float or double expected.");
            if (input.Dims.Count != 2 || input.Dims[1] is not { } features || features < 1)
                throw Fail($"input '{input.Name}' must have shape [N, features] with a fixed feature count.");
            _width = (int)features;
            _inShift = new double[_width];
            _inScale = Enumerable.Repeat(1.0, _width).ToArray();
            _current = input.Name;

            // Constant nodes have no inputs: hoist them, so patterns (PyTorch interleaves them in GELU) see only the chain.
            foreach (var c in g.Nodes.Where(n => n.OpType == "Constant")) AddConstant(c);
            var nodes = _nodes;
            nodes.AddRange(g.Nodes.Where(n => n.OpType != "Constant"));
            for (int k = 0; k < nodes.Count; k++)
            {
                var node = nodes[k];
                if (node.Domain is not ("" or "ai.onnx")) throw Fail(node, $"operator domain '{node.Domain}' is not supported.");
                if (!node.Inputs.Contains(_current))
                    throw Fail(node, "it does not act on the network's activations (only a single chain of layers is supported).");
                if (node.Outputs.Count != 1) throw Fail(node, "more than one output.");
                switch (node.OpType)
                {
                    case "Identity": break;
                    case "MatMul":
                        if (node.Inputs[0] != _current) throw Fail(node, "the activations must be MatMul's first input.");
                        StartLayer(node, Matrix(node, 1, transpose: true, out int mIn, out int mOut), null, mIn, mOut);
                        break;
                    case "Gemm": Gemm(node); break;
                    case "Add" or "Sub" or "Mul" or "Div":
                        if (_phase == Phase.Layer && IsGeluStart(node, k, out int consumed)) { CloseLayer(Activation.Gelu); k += consumed - 1; continue; }
                        Elementwise(node);
                        break;
                    case "Abs" when _phase == Phase.Layer && IsSoftplusStart(node, k):
                        CloseLayer(Activation.Softplus);
                        _current = nodes[k + 6].Outputs[0];
                        k += 6;
                        continue;
                    case "Relu": Activate(node, Activation.Relu); break;
                    case "Tanh": Activate(node, Activation.Tanh); break;
                    case "Sigmoid": Activate(node, Activation.Sigmoid); break;
                    case "Softplus": Activate(node, Activation.Softplus); break;
                    case "Gelu":
                        if (node.Attribute("approximate") is { S: not "none" and not "" } a)
                            throw Fail(node, $"GELU with approximate = '{a.S}' is not supported (only the exact erf form).");
                        Activate(node, Activation.Gelu);
                        break;
                    default:
                        throw Fail(node, "operator not supported by the MLP importer (supported: Gemm, MatMul, Add, Sub, Mul, Div with constants, Relu, Tanh, Sigmoid, Softplus, Gelu and its erf decomposition, Identity, Constant); run it through OnnxRuntimeTerm instead.");
                }
                _current = node.Outputs[0];
            }
            if (_current != g.Outputs[0].Name) throw Fail($"the chain ends at '{_current}', not at the graph output '{g.Outputs[0].Name}'.");
            if (_phase == Phase.Layer) CloseLayer(Activation.Identity);
            if (_layers.Count == 0) throw Fail("the graph has no dense layer (Gemm or MatMul).");
            var network = new DenseNetwork(_layers, new AffineNormalisation(_inShift, _inScale),
                new AffineNormalisation(_postShift, _postScale), [.. _weights]);
            return new ImportedNetwork(network, input.ElementType, input.Name, g.Outputs[0].Name, model.DefaultOpset);
        }

        private void AddConstant(OnnxNode node)
        {
            var value = node.Attribute("value")?.T;
            if (value is null && node.Attribute("value_float") is { } f) { value = new OnnxTensor { ElementType = OnnxElementType.Float, Values = [f.F] }; }
            if (value is null && node.Attribute("value_floats") is { } fs)
            {
                value = new OnnxTensor { ElementType = OnnxElementType.Float, Values = fs.Floats.Select(v => (double)v).ToArray() };
                value.Dims.Add(fs.Floats.Count);
            }
            if (value is null) throw Fail(node, "Constant without a tensor, value_float or value_floats attribute.");
            _constants[node.Outputs[0]] = value;
        }

        private OnnxTensor ConstantOperand(OnnxNode node, out bool streamFirst)
        {
            if (node.Inputs.Count != 2) throw Fail(node, "two inputs expected.");
            streamFirst = node.Inputs[0] == _current;
            string other = node.Inputs[streamFirst ? 1 : 0];
            if (other == _current) throw Fail(node, "the activations are combined with themselves.");
            return _constants.TryGetValue(other, out var t) ? t : throw Fail(node, $"operand '{other}' is not a constant.");
        }

        /// <summary>A per-feature vector of width <paramref name="width"/> from a scalar, [n] or [1, n] constant.</summary>
        private double[] Broadcast(OnnxNode node, OnnxTensor t, int width)
        {
            if (t.Values.Length == 1) return Enumerable.Repeat(t.Values[0], width).ToArray();
            if (t.Values.Length == width && t.Dims.Count >= 1 && t.Dims[^1] == width && t.Dims.Take(t.Dims.Count - 1).All(d => d == 1))
                return [.. t.Values];
            throw Fail(node, $"constant '{t.Name}' of shape [{string.Join(",", t.Dims)}] does not broadcast as a per-feature vector of width {width}.");
        }

        private double[] Matrix(OnnxNode node, int index, bool transpose, out int nIn, out int nOut)
        {
            string name = node.Inputs[index];
            if (!_constants.TryGetValue(name, out var t)) throw Fail(node, $"weight '{name}' is not a constant.");
            if (t.Dims.Count != 2) throw Fail(node, $"weight '{name}' has rank {t.Dims.Count}; a matrix is expected.");
            int rows = (int)t.Dims[0], cols = (int)t.Dims[1];
            if (!transpose) { nIn = cols; nOut = rows; return [.. t.Values]; }
            nIn = rows; nOut = cols;
            var w = new double[rows * cols];
            for (int i = 0; i < rows; i++) for (int o = 0; o < cols; o++) w[o * rows + i] = t.Values[i * cols + o];
            return w;
        }

        private void Gemm(OnnxNode node)
        {
            if (node.Inputs[0] != _current) throw Fail(node, "the activations must be Gemm's first input A.");
            if (node.Attribute("transA") is { I: not 0 }) throw Fail(node, "transA = 1 is not supported.");
            bool transB = node.Attribute("transB") is { I: not 0 };
            double alpha = node.Attribute("alpha") is { } a ? a.F : 1.0, beta = node.Attribute("beta") is { } b ? b.F : 1.0;
            var w = Matrix(node, 1, transpose: !transB, out int nIn, out int nOut);
            if (alpha != 1.0) for (int j = 0; j < w.Length; j++) w[j] *= alpha;
            double[]? bias = null;
            if (node.Inputs.Count > 2 && node.Inputs[2].Length > 0)
            {
                if (!_constants.TryGetValue(node.Inputs[2], out var c)) throw Fail(node, $"bias '{node.Inputs[2]}' is not a constant.");
                bias = Broadcast(node, c, nOut);
                if (beta != 1.0) for (int o = 0; o < bias.Length; o++) bias[o] *= beta;
            }
            StartLayer(node, w, bias, nIn, nOut);
        }

        private void StartLayer(OnnxNode node, double[] w, double[]? bias, int nIn, int nOut)
        {
            if (_phase == Phase.Layer) CloseLayer(Activation.Identity);
            if (nIn != _width) throw Fail(node, $"weight takes {nIn} features but the activations have {_width}.");
            _in = nIn; _out = nOut;
            _hasBias = bias is not null;
            var b = bias ?? new double[_out];
            if (_phase == Phase.Post)
            {
                // fold the pending affine a' = a ⊙ s + t into this layer: W' = W diag(s), b' = b + W t
                for (int o = 0; o < _out; o++)
                    for (int i = 0; i < _in; i++)
                    {
                        b[o] += w[o * _in + i] * _postShift[i];
                        w[o * _in + i] *= _postScale[i];
                    }
            }
            _w = w; _b = b;
            _width = _out;
            _postShift = new double[_width];
            _postScale = Enumerable.Repeat(1.0, _width).ToArray();
            _phase = Phase.Layer;
        }

        /// <summary>
        /// Closes the open layer. With an activation, an affine map applied to the pre-activation
        /// (pending in _postScale/_postShift) is folded into W and b; with none (Identity) it stays
        /// pending, to become the output normalisation or be folded into the next layer.
        /// </summary>
        private void CloseLayer(Activation activation)
        {
            if (activation != Activation.Identity)
            {
                for (int o = 0; o < _out; o++)
                {
                    if (_postScale[o] != 1.0)
                        for (int i = 0; i < _in; i++) _w[o * _in + i] *= _postScale[o];
                    _b[o] = _b[o] * _postScale[o] + _postShift[o];
                }
                _postShift = new double[_width];
                _postScale = Enumerable.Repeat(1.0, _width).ToArray();
            }
            _layers.Add(new DenseLayer(_in, _out, activation));
            _weights.AddRange(_w);
            _weights.AddRange(_b);
            _phase = Phase.Post;
        }

        private void Activate(OnnxNode node, Activation activation)
        {
            if (_phase != Phase.Layer) throw Fail(node, "an activation must follow a dense layer (Gemm or MatMul).");
            CloseLayer(activation);
        }

        /// <summary>An elementwise op with a constant: v' = v·m (Mul), v/d (Div), v + a (Add), v − c or c − v (Sub).</summary>
        private void Elementwise(OnnxNode node)
        {
            var c = Broadcast(node, ConstantOperand(node, out bool streamFirst), _width);
            string op = node.OpType;
            if (op == "Div" && !streamFirst) throw Fail(node, "dividing a constant by the activations is not supported.");
            // As v' = α v + β per feature:
            var alpha = new double[_width];
            var beta = new double[_width];
            for (int i = 0; i < _width; i++)
                (alpha[i], beta[i]) = op switch
                {
                    "Add" => (1.0, c[i]),
                    "Sub" => streamFirst ? (1.0, -c[i]) : (-1.0, c[i]),
                    "Mul" => (c[i], 0.0),
                    _ => (double.NaN, 0.0),
                };
            switch (_phase)
            {
                case Phase.Input:
                    // x̂ = (x − shift)/scale; x̂' = (x − shift')/scale'
                    for (int i = 0; i < _width; i++)
                    {
                        if (op == "Div") _inScale[i] *= c[i];                 // x̂/d = (x − shift)/(scale·d)
                        else if (op == "Mul") _inScale[i] /= c[i];            // x̂·m = (x − shift)/(scale/m)
                        else if (alpha[i] == 1.0) _inShift[i] -= beta[i] * _inScale[i];   // x̂ + β = (x − (shift − β·scale))/scale
                        else { _inShift[i] += beta[i] * _inScale[i]; _inScale[i] = -_inScale[i]; } // β − x̂ = (x − (shift + β·scale))/(−scale)
                    }
                    break;
                case Phase.Layer when op == "Add" && !_hasBias && _postScale.All(v => v == 1.0) && _postShift.All(v => v == 0.0):
                    for (int o = 0; o < _width; o++) _b[o] += c[o];   // MatMul + Add: the bias
                    _hasBias = true;
                    break;
                case Phase.Layer or Phase.Post:
                    // pending v' = v·scale + shift, on the pre-activation (Layer) or the activation (Post)
                    for (int i = 0; i < _width; i++)
                    {
                        if (op == "Div") { _postScale[i] /= c[i]; _postShift[i] /= c[i]; }
                        else { _postScale[i] *= alpha[i]; _postShift[i] = _postShift[i] * alpha[i] + beta[i]; }
                    }
                    break;
            }
        }

        /// <summary>
        /// Matches GELU's erf decomposition starting at node k: d = z/√2 (Div) or z·(1/√2) (Mul);
        /// e = Erf(d); p = e + 1; m = z·p; out = m·½ (factors in either order).
        /// </summary>
        private bool IsGeluStart(OnnxNode node, int k, out int consumed)
        {
            consumed = 0;
            var nodes = _nodes;
            if (k + 4 >= nodes.Count) return false;
            string z = _current;
            if (node.Inputs.Count != 2 || node.Inputs[0] != z) return false;
            if (!TryScalar(node.Inputs[1], out double c)) return false;
            bool isScale = node.OpType switch
            {
                "Div" => Math.Abs(c - Math.Sqrt(2.0)) <= 1e-6,
                "Mul" => Math.Abs(c - Math.Sqrt(0.5)) <= 1e-6,
                _ => false,
            };
            if (!isScale) return false;
            var erf = nodes[k + 1];
            var add = nodes[k + 2];
            var mul = nodes[k + 3];
            var half = nodes[k + 4];
            if (erf.OpType != "Erf" || erf.Inputs.Count != 1 || erf.Inputs[0] != node.Outputs[0]) return false;
            if (add.OpType != "Add" || !Pair(add, erf.Outputs[0], out string one) || !TryScalar(one, out double v1) || v1 != 1.0) return false;
            if (mul.OpType != "Mul" || !Pair(mul, add.Outputs[0], out string zz) || zz != z) return false;
            if (half.OpType != "Mul" || !Pair(half, mul.Outputs[0], out string h) || !TryScalar(h, out double vh) || vh != 0.5) return false;
            _current = half.Outputs[0];
            consumed = 5;
            return true;
        }

        /// <summary>
        /// Matches softplus written without a Softplus node (ONNX Runtime has no double kernel for it):
        /// Abs(z) → Neg → Exp → Add 1 → Log, Relu(z), Add of the two: <c>max(z, 0) + ln(1 + e^{−|z|})</c>.
        /// </summary>
        private bool IsSoftplusStart(OnnxNode abs, int k)
        {
            var nodes = _nodes;
            if (k + 6 >= nodes.Count || abs.Inputs.Count != 1) return false;
            string z = _current;
            OnnxNode neg = nodes[k + 1], exp = nodes[k + 2], add = nodes[k + 3], log = nodes[k + 4], relu = nodes[k + 5], sum = nodes[k + 6];
            return neg.OpType == "Neg" && neg.Inputs.SequenceEqual([abs.Outputs[0]])
                && exp.OpType == "Exp" && exp.Inputs.SequenceEqual([neg.Outputs[0]])
                && add.OpType == "Add" && Pair(add, exp.Outputs[0], out string one) && TryScalar(one, out double v1) && v1 == 1.0
                && log.OpType == "Log" && log.Inputs.SequenceEqual([add.Outputs[0]])
                && relu.OpType == "Relu" && relu.Inputs.SequenceEqual([z])
                && sum.OpType == "Add" && Pair(sum, relu.Outputs[0], out string l) && l == log.Outputs[0];
        }

        private static bool Pair(OnnxNode node, string value, out string other)
        {
            other = "";
            if (node.Inputs.Count != 2) return false;
            if (node.Inputs[0] == value) { other = node.Inputs[1]; return true; }
            if (node.Inputs[1] == value) { other = node.Inputs[0]; return true; }
            return false;
        }

        private bool TryScalar(string name, out double value)
        {
            value = 0;
            if (!_constants.TryGetValue(name, out var t) || t.Values.Length != 1) return false;
            value = t.Values[0];
            return true;
        }
    }
}
