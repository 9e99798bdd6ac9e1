using System.Buffers;

namespace ClimateAD.Hybrid.Networks;

/// <summary>
/// A dense feed-forward network (multi-layer perceptron) with input and output normalisation:
/// <code>
///   a₀ = (x − s_in) / c_in,   z_l = W_l a_{l−1} + b_l,   a_l = σ_l(z_l)  (l = 1…L),   y = a_L ⊙ c_out + s_out
/// </code>
/// The trainable weights are one flat vector <c>w = (W₁, b₁, W₂, b₂, …)</c>, each <c>W_l</c>
/// row-major (out × in), so calibration and training treat them as one parameter block
/// (DESIGN.md §4). Normalisation constants are fixed data stored with the network.
/// </summary>
/// <remarks>
/// <para>Every evaluation takes the weights explicitly (<see cref="Weights"/> holds the network's
/// own) and a caller-provided scratch span of at least <see cref="ScratchLength"/> doubles, so
/// per-point calls inside model kernels allocate nothing and may run concurrently with separate
/// scratch.</para>
/// <para>Derivatives: the tangent (JVP) <c>δy = (∂y/∂x) δx + (∂y/∂w) δw</c> and the adjoint (VJP)
/// <c>x̄ += (∂y/∂x)ᵀ ȳ</c>, <c>w̄ += (∂y/∂w)ᵀ ȳ</c> (reverse-mode back-propagation: Rumelhart,
/// Hinton &amp; Williams 1986, Nature 323:533–536). The batch adjoint sums weight gradients in a fixed
/// partition of the rows that depends only on the batch size, then over partitions in order, so
/// its result is bit-for-bit independent of the number of threads.</para>
/// </remarks>
public sealed class DenseNetwork
{
    private readonly DenseLayer[] _layers;
    private readonly int[] _offsets;
    private readonly int _maxWidth;

    /// <summary>A network with the given layers, normalisations (identity when <c>null</c>) and weights (zeros when <c>null</c>).</summary>
    public DenseNetwork(IEnumerable<DenseLayer> layers, AffineNormalisation? input = null, AffineNormalisation? output = null,
        double[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        _layers = layers.ToArray();
        if (_layers.Length == 0) throw new ArgumentException("A network needs at least one layer.");
        _offsets = new int[_layers.Length + 1];
        for (int l = 0; l < _layers.Length; l++)
        {
            var layer = _layers[l];
            if (layer.InputSize < 1 || layer.OutputSize < 1) throw new ArgumentException($"Layer {l}: sizes {layer.InputSize}→{layer.OutputSize} must be ≥ 1.");
            if (l > 0 && layer.InputSize != _layers[l - 1].OutputSize)
                throw new ArgumentException($"Layer {l} takes {layer.InputSize} inputs but layer {l - 1} gives {_layers[l - 1].OutputSize}.");
            _offsets[l + 1] = _offsets[l] + layer.WeightCount;
        }
        InputSize = _layers[0].InputSize;
        OutputSize = _layers[^1].OutputSize;
        InputNormalisation = input ?? AffineNormalisation.Identity(InputSize);
        OutputNormalisation = output ?? AffineNormalisation.Identity(OutputSize);
        if (InputNormalisation.Size != InputSize) throw new ArgumentException($"Input normalisation has {InputNormalisation.Size} features, the network {InputSize} inputs.");
        if (OutputNormalisation.Size != OutputSize) throw new ArgumentException($"Output normalisation has {OutputNormalisation.Size} features, the network {OutputSize} outputs.");
        ParameterCount = _offsets[^1];
        Weights = weights ?? new double[ParameterCount];
        if (Weights.Length != ParameterCount) throw new ArgumentException($"Expected {ParameterCount} weights, got {Weights.Length}.");
        int sumOut = 0, maxWidth = InputSize;
        foreach (var layer in _layers) { sumOut += layer.OutputSize; maxWidth = Math.Max(maxWidth, layer.OutputSize); }
        ScratchLength = 2 * (InputSize + sumOut) + 2 * maxWidth;
        _maxWidth = maxWidth;
    }

    /// <summary>
    /// A network of widths <paramref name="sizes"/> (input, hidden…, output) with <paramref name="hidden"/>
    /// on every hidden layer and <paramref name="outputActivation"/> on the last, weights drawn
    /// Glorot-uniform (Glorot &amp; Bengio 2010) from a seeded generator, biases zero.
    /// </summary>
    public static DenseNetwork Create(int[] sizes, Activation hidden, Activation outputActivation = Activation.Identity, int seed = 1,
        AffineNormalisation? input = null, AffineNormalisation? output = null)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.Length < 2) throw new ArgumentException("Give at least an input and an output width.");
        var layers = new DenseLayer[sizes.Length - 1];
        for (int l = 0; l < layers.Length; l++)
            layers[l] = new DenseLayer(sizes[l], sizes[l + 1], l == layers.Length - 1 ? outputActivation : hidden);
        var net = new DenseNetwork(layers, input, output);
        var rng = new Random(seed);
        for (int l = 0; l < layers.Length; l++)
        {
            double limit = Math.Sqrt(6.0 / (layers[l].InputSize + layers[l].OutputSize));
            int w0 = net.WeightOffset(l);
            for (int i = 0; i < layers[l].InputSize * layers[l].OutputSize; i++) net.Weights[w0 + i] = limit * (2 * rng.NextDouble() - 1);
        }
        return net;
    }

    /// <summary>The layers, input to output.</summary>
    public IReadOnlyList<DenseLayer> Layers => _layers;

    /// <summary>Input normalisation (identity when none was given).</summary>
    public AffineNormalisation InputNormalisation { get; }

    /// <summary>Output normalisation (identity when none was given).</summary>
    public AffineNormalisation OutputNormalisation { get; }

    /// <summary>The network's own weights, length <see cref="ParameterCount"/>; mutable (training writes them).</summary>
    public double[] Weights { get; }

    /// <summary>Width of <c>x</c>.</summary>
    public int InputSize { get; }

    /// <summary>Width of <c>y</c>.</summary>
    public int OutputSize { get; }

    /// <summary>Length of the flat weight vector.</summary>
    public int ParameterCount { get; }

    /// <summary>Doubles of scratch every per-point call needs.</summary>
    public int ScratchLength { get; }

    /// <summary>Offset of <c>W_l</c> (row-major, out × in) in the weight vector.</summary>
    public int WeightOffset(int layer) => _offsets[layer];

    /// <summary>Offset of <c>b_l</c> in the weight vector.</summary>
    public int BiasOffset(int layer) => _offsets[layer] + _layers[layer].InputSize * _layers[layer].OutputSize;

    /// <summary>A copy with the same architecture and normalisation and a copy of <paramref name="weights"/> (the own weights when <c>null</c>).</summary>
    public DenseNetwork With(ReadOnlySpan<double> weights = default) =>
        new(_layers, InputNormalisation, OutputNormalisation, weights.IsEmpty ? (double[])Weights.Clone() : weights.ToArray());

    // ---------------------------------------------------------------- per point

    /// <summary>Writes <c>y = N(x; w)</c> for one input. Allocation-free.</summary>
    /// <param name="weights">The flat weights <c>w</c>.</param>
    /// <param name="x">Input, length <see cref="InputSize"/>.</param>
    /// <param name="y">Receives the output, length <see cref="OutputSize"/>.</param>
    /// <param name="scratch">At least <see cref="ScratchLength"/> doubles.</param>
    public void Forward(ReadOnlySpan<double> weights, ReadOnlySpan<double> x, Span<double> y, Span<double> scratch)
    {
        CheckSizes(weights, x.Length, y.Length, scratch);
        int width = _maxWidth;
        Span<double> a = scratch[..width], z = scratch.Slice(width, width);
        var inN = InputNormalisation;
        for (int i = 0; i < InputSize; i++) a[i] = (x[i] - inN.Shift[i]) / inN.Scale[i];
        for (int l = 0; l < _layers.Length; l++)
        {
            var layer = _layers[l];
            Affine(weights, l, a[..layer.InputSize], z[..layer.OutputSize]);
            for (int o = 0; o < layer.OutputSize; o++) a[o] = ActivationFunctions.Value(layer.Activation, z[o]);
        }
        var outN = OutputNormalisation;
        for (int o = 0; o < OutputSize; o++) y[o] = a[o] * outN.Scale[o] + outN.Shift[o];
    }

    /// <summary>
    /// Tangent (JVP) for one input: writes <c>y = N(x; w)</c> and <c>δy = (∂N/∂x) δx + (∂N/∂w) δw</c>.
    /// Allocation-free.
    /// </summary>
    public void Tangent(ReadOnlySpan<double> weights, ReadOnlySpan<double> x, ReadOnlySpan<double> dWeights, ReadOnlySpan<double> dx,
        Span<double> y, Span<double> dy, Span<double> scratch)
    {
        CheckSizes(weights, x.Length, y.Length, scratch);
        if (dWeights.Length != ParameterCount || dx.Length != InputSize || dy.Length != OutputSize)
            throw new ArgumentException("Tangent spans have the wrong lengths.");
        int width = _maxWidth;
        Span<double> a = scratch[..width], z = scratch.Slice(width, width), da = scratch.Slice(2 * width, width), dz = scratch.Slice(3 * width, width);
        var inN = InputNormalisation;
        for (int i = 0; i < InputSize; i++)
        {
            a[i] = (x[i] - inN.Shift[i]) / inN.Scale[i];
            da[i] = dx[i] / inN.Scale[i];
        }
        for (int l = 0; l < _layers.Length; l++)
        {
            var layer = _layers[l];
            int nIn = layer.InputSize, nOut = layer.OutputSize, w0 = _offsets[l], b0 = w0 + nIn * nOut;
            for (int o = 0; o < nOut; o++)
            {
                var row = weights.Slice(w0 + o * nIn, nIn);
                var dRow = dWeights.Slice(w0 + o * nIn, nIn);
                double s = weights[b0 + o], ds = dWeights[b0 + o];
                for (int i = 0; i < nIn; i++) { s += row[i] * a[i]; ds += row[i] * da[i] + dRow[i] * a[i]; }
                z[o] = s;
                dz[o] = ds;
            }
            for (int o = 0; o < nOut; o++)
            {
                a[o] = ActivationFunctions.Value(layer.Activation, z[o]);
                da[o] = ActivationFunctions.Derivative(layer.Activation, z[o], a[o]) * dz[o];
            }
        }
        var outN = OutputNormalisation;
        for (int o = 0; o < OutputSize; o++)
        {
            y[o] = a[o] * outN.Scale[o] + outN.Shift[o];
            dy[o] = da[o] * outN.Scale[o];
        }
    }

    /// <summary>
    /// Adjoint (VJP) for one input: accumulates <c>x̄ += (∂N/∂x)ᵀ ȳ</c> and <c>w̄ += (∂N/∂w)ᵀ ȳ</c>,
    /// recomputing the forward pass at <paramref name="x"/>. Allocation-free. Pass an empty
    /// <paramref name="xBar"/> or <paramref name="weightsBar"/> to skip that gradient.
    /// </summary>
    public void Adjoint(ReadOnlySpan<double> weights, ReadOnlySpan<double> x, ReadOnlySpan<double> yBar,
        Span<double> xBar, Span<double> weightsBar, Span<double> scratch)
    {
        CheckSizes(weights, x.Length, yBar.Length, scratch);
        if (!xBar.IsEmpty && xBar.Length != InputSize) throw new ArgumentException($"x̄ has length {xBar.Length}, expected {InputSize}.");
        if (!weightsBar.IsEmpty && weightsBar.Length != ParameterCount) throw new ArgumentException($"w̄ has length {weightsBar.Length}, expected {ParameterCount}.");
        // Scratch: a₀ | (z₁ a₁) | … | (z_L a_L) | g | h
        var inN = InputNormalisation;
        Span<double> a0 = scratch[..InputSize];
        for (int i = 0; i < InputSize; i++) a0[i] = (x[i] - inN.Shift[i]) / inN.Scale[i];
        int pos = InputSize, prev = 0;
        for (int l = 0; l < _layers.Length; l++)
        {
            var layer = _layers[l];
            Span<double> z = scratch.Slice(pos, layer.OutputSize), a = scratch.Slice(pos + layer.OutputSize, layer.OutputSize);
            Affine(weights, l, scratch.Slice(prev, layer.InputSize), z);
            for (int o = 0; o < layer.OutputSize; o++) a[o] = ActivationFunctions.Value(layer.Activation, z[o]);
            prev = pos + layer.OutputSize;
            pos += 2 * layer.OutputSize;
        }
        int width = _maxWidth;
        Span<double> g = scratch.Slice(pos, width), h = scratch.Slice(pos + width, width);
        var outN = OutputNormalisation;
        for (int o = 0; o < OutputSize; o++) g[o] = yBar[o] * outN.Scale[o];
        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            var layer = _layers[l];
            int nIn = layer.InputSize, nOut = layer.OutputSize, w0 = _offsets[l], b0 = w0 + nIn * nOut;
            pos -= 2 * nOut;
            ReadOnlySpan<double> z = scratch.Slice(pos, nOut), aOut = scratch.Slice(pos + nOut, nOut);
            ReadOnlySpan<double> aIn = l == 0 ? a0 : scratch.Slice(pos - nIn, nIn);
            for (int o = 0; o < nOut; o++) g[o] *= ActivationFunctions.Derivative(layer.Activation, z[o], aOut[o]);
            if (!weightsBar.IsEmpty)
                for (int o = 0; o < nOut; o++)
                {
                    double go = g[o];
                    weightsBar[b0 + o] += go;
                    var rowBar = weightsBar.Slice(w0 + o * nIn, nIn);
                    for (int i = 0; i < nIn; i++) rowBar[i] += go * aIn[i];
                }
            if (l == 0 && xBar.IsEmpty) break;
            h[..nIn].Clear();
            for (int o = 0; o < nOut; o++)
            {
                double go = g[o];
                var row = weights.Slice(w0 + o * nIn, nIn);
                for (int i = 0; i < nIn; i++) h[i] += row[i] * go;
            }
            var t = g; g = h; h = t;
        }
        if (xBar.IsEmpty) return;
        for (int i = 0; i < InputSize; i++) xBar[i] += g[i] / inN.Scale[i];
    }

    // ---------------------------------------------------------------- batches

    /// <summary>Rows per partition of the batch adjoint's weight-gradient reduction (fixed, so results do not depend on threads).</summary>
    public const int ReductionBlock = 64;

    /// <summary>Writes <c>Y[r] = N(X[r]; w)</c> for every row of a row-major batch, rows in parallel.</summary>
    public void ForwardBatch(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> outputs)
    {
        int rows = BatchRows(inputs.Length, outputs.Length);
        unsafe
        {
            fixed (double* pw = weights, px = inputs, py = outputs)
            {
                nint w = (nint)pw, xp = (nint)px, yp = (nint)py;
                int nw = weights.Length;
                RunBlocks(rows, null, (blk, scratch) =>
                {
                    var ws = new ReadOnlySpan<double>((double*)w, nw);
                    for (int r = blk * ReductionBlock; r < Math.Min(rows, (blk + 1) * ReductionBlock); r++)
                        Forward(ws, new ReadOnlySpan<double>((double*)xp + r * InputSize, InputSize),
                            new Span<double>((double*)yp + r * OutputSize, OutputSize), scratch);
                });
            }
        }
    }

    /// <summary>Batch tangent: <c>δY[r] = (∂N/∂x)(X[r]) δX[r] + (∂N/∂w)(X[r]) δw</c>; also writes <c>Y</c>.</summary>
    public void TangentBatch(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, ReadOnlySpan<double> dWeights,
        ReadOnlySpan<double> dInputs, Span<double> outputs, Span<double> dOutputs)
    {
        int rows = BatchRows(inputs.Length, outputs.Length);
        if (dInputs.Length != inputs.Length || dOutputs.Length != outputs.Length) throw new ArgumentException("Tangent batch spans have the wrong lengths.");
        unsafe
        {
            fixed (double* pw = weights, pdw = dWeights, px = inputs, pdx = dInputs, py = outputs, pdy = dOutputs)
            {
                nint w = (nint)pw, dw = (nint)pdw, xp = (nint)px, dxp = (nint)pdx, yp = (nint)py, dyp = (nint)pdy;
                int nw = weights.Length;
                RunBlocks(rows, null, (blk, scratch) =>
                {
                    for (int r = blk * ReductionBlock; r < Math.Min(rows, (blk + 1) * ReductionBlock); r++)
                        Tangent(new ReadOnlySpan<double>((double*)w, nw), new ReadOnlySpan<double>((double*)xp + r * InputSize, InputSize),
                            new ReadOnlySpan<double>((double*)dw, nw), new ReadOnlySpan<double>((double*)dxp + r * InputSize, InputSize),
                            new Span<double>((double*)yp + r * OutputSize, OutputSize), new Span<double>((double*)dyp + r * OutputSize, OutputSize), scratch);
                });
            }
        }
    }

    /// <summary>
    /// Batch adjoint: <c>X̄[r] += (∂N/∂x)(X[r])ᵀ Ȳ[r]</c> per row and <c>w̄ += Σ_r (∂N/∂w)(X[r])ᵀ Ȳ[r]</c>.
    /// Rows are cut into blocks of <see cref="ReductionBlock"/>; each block sums its rows in order
    /// into its own partial, and the partials are added to <paramref name="weightsBar"/> in block
    /// order: the result depends on the batch only, never on the thread count or schedule.
    /// Pass an empty <paramref name="inputsBar"/> to skip input gradients.
    /// </summary>
    public void AdjointBatch(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, ReadOnlySpan<double> outputsBar,
        Span<double> inputsBar, Span<double> weightsBar, int? maxDegreeOfParallelism = null)
    {
        int rows = BatchRows(inputs.Length, outputsBar.Length);
        if (!inputsBar.IsEmpty && inputsBar.Length != inputs.Length) throw new ArgumentException("x̄ batch has the wrong length.");
        if (weightsBar.Length != ParameterCount) throw new ArgumentException($"w̄ has length {weightsBar.Length}, expected {ParameterCount}.");
        int blocks = Blocks(rows), p = ParameterCount;
        double[] partials = ArrayPool<double>.Shared.Rent(blocks * p);
        try
        {
            Array.Clear(partials, 0, blocks * p);
            bool withX = !inputsBar.IsEmpty;
            unsafe
            {
                fixed (double* pw = weights, px = inputs, pyb = outputsBar, pxb = inputsBar)
                {
                    nint w = (nint)pw, xp = (nint)px, ybp = (nint)pyb, xbp = (nint)pxb;
                    RunBlocks(rows, maxDegreeOfParallelism, (blk, scratch) =>
                    {
                        var wBar = new Span<double>(partials, blk * p, p);
                        for (int r = blk * ReductionBlock; r < Math.Min(rows, (blk + 1) * ReductionBlock); r++)
                            Adjoint(new ReadOnlySpan<double>((double*)w, p), new ReadOnlySpan<double>((double*)xp + r * InputSize, InputSize),
                                new ReadOnlySpan<double>((double*)ybp + r * OutputSize, OutputSize),
                                withX ? new Span<double>((double*)xbp + r * InputSize, InputSize) : Span<double>.Empty, wBar, scratch);
                    });
                }
            }
            for (int blk = 0; blk < blocks; blk++)
            {
                var part = new ReadOnlySpan<double>(partials, blk * p, p);
                for (int j = 0; j < p; j++) weightsBar[j] += part[j];
            }
        }
        finally { ArrayPool<double>.Shared.Return(partials); }
    }

    // ---------------------------------------------------------------- helpers

    private void Affine(ReadOnlySpan<double> weights, int l, ReadOnlySpan<double> a, Span<double> z)
    {
        var layer = _layers[l];
        int nIn = layer.InputSize, w0 = _offsets[l], b0 = w0 + nIn * layer.OutputSize;
        for (int o = 0; o < layer.OutputSize; o++)
        {
            var row = weights.Slice(w0 + o * nIn, nIn);
            double s = weights[b0 + o];
            for (int i = 0; i < nIn; i++) s += row[i] * a[i];
            z[o] = s;
        }
    }

    private void CheckSizes(ReadOnlySpan<double> weights, int x, int y, Span<double> scratch)
    {
        if (weights.Length != ParameterCount) throw new ArgumentException($"Expected {ParameterCount} weights, got {weights.Length}.");
        if (x != InputSize) throw new ArgumentException($"Input has length {x}, the network takes {InputSize}.");
        if (y != OutputSize) throw new ArgumentException($"Output has length {y}, the network gives {OutputSize}.");
        if (scratch.Length < ScratchLength) throw new ArgumentException($"Scratch has {scratch.Length} doubles, {ScratchLength} needed.");
    }

    private int BatchRows(int inputs, int outputs)
    {
        int rows = inputs / InputSize;
        if (rows * InputSize != inputs || rows * OutputSize != outputs)
            throw new ArgumentException($"Batch of {inputs} inputs and {outputs} outputs does not match widths {InputSize}→{OutputSize}.");
        return rows;
    }

    private static int Blocks(int rows) => (rows + ReductionBlock - 1) / ReductionBlock;

    /// <summary>Batches with fewer row·weight products than this run on the calling thread (same blocks, same result).</summary>
    public const long ParallelThreshold = 1 << 18;

    private void RunBlocks(int rows, int? maxDegreeOfParallelism, Action<int, double[]> body)
    {
        int blocks = Blocks(rows);
        if (blocks <= 1 || (long)rows * ParameterCount < ParallelThreshold || maxDegreeOfParallelism == 1)
        {
            var scratch = new double[ScratchLength];
            for (int blk = 0; blk < blocks; blk++) body(blk, scratch);
            return;
        }
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 };
        Parallel.For(0, blocks, options, () => new double[ScratchLength], (blk, _, scratch) => { body(blk, scratch); return scratch; }, _ => { });
    }
}
