using ClimateAD.Physics.Lorenz96;
using ClimateAD.Physics.Parameters;
using Microsoft.ML.OnnxRuntime;

namespace ClimateAD.Hybrid.Onnx;

/// <summary>
/// Any ONNX model run through ONNX Runtime (Microsoft.ML.OnnxRuntime, CPU provider) as an
/// inference-only term: one input [N, in] and one output [N, out], float or double. It evaluates
/// but cannot be differentiated: every derivative request throws a <see cref="NotSupportedException"/>
/// saying so, never a wrong number. MLP-shaped models should instead be imported with
/// <see cref="OnnxNetworkImporter"/>, which gives a <see cref="Networks.DenseNetwork"/> with tangent and adjoint.
/// </summary>
/// <remarks>
/// As an <see cref="ISubgridTerm"/> (a model with one input and one output feature) it can fill the
/// one-scale Lorenz-96 closure slot: the forward model runs, while the model's tangent and adjoint
/// stop with the error above. Per-point calls reuse one-row buffers bound to ONNX Runtime once
/// (about 2 µs a call, note hdf5-onnx-plots-measured.md); batch calls allocate their tensors. Not
/// thread-safe: one instance per thread.
/// </remarks>
public sealed class OnnxRuntimeTerm : ISubgridTerm, IDisposable
{
    private static readonly ParameterTable NoParameters = new([]);
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string _source;
    private readonly string[] _inputNames, _outputNames;
    private readonly float[] _rowF, _outF;
    private readonly double[] _rowD, _outD;
    private readonly OrtValue _rowValue, _outValue;

    /// <summary>Opens the .onnx file at <paramref name="path"/> with <paramref name="threads"/> intra-op threads.</summary>
    public OnnxRuntimeTerm(string path, int threads = 1) : this(File.ReadAllBytes(path), Path.GetFileName(path), threads) { }

    /// <summary>Opens a serialised model; <paramref name="source"/> names it in messages.</summary>
    public OnnxRuntimeTerm(byte[] model, string source, int threads = 1)
    {
        _source = source;
        try
        {
            _session = new InferenceSession(model, new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 });
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"{source}: ONNX Runtime cannot load the model: {e.Message.Split('\n')[0]}", e);
        }
        if (_session.InputMetadata.Count != 1 || _session.OutputMetadata.Count != 1)
            throw new InvalidDataException($"{source}: an ONNX term needs exactly one input and one output, not {_session.InputMetadata.Count} and {_session.OutputMetadata.Count}.");
        var (inName, inMeta) = _session.InputMetadata.First();
        var (outName, outMeta) = _session.OutputMetadata.First();
        InputName = inName;
        OutputName = outName;
        ElementType = inMeta.ElementType == typeof(float) ? OnnxElementType.Float
            : inMeta.ElementType == typeof(double) ? OnnxElementType.Double
            : throw new InvalidDataException($"{source}: input '{inName}' has element type {inMeta.ElementType.Name}; float or double expected.");
        if (outMeta.ElementType != inMeta.ElementType)
            throw new InvalidDataException($"{source}: output '{outName}' has element type {outMeta.ElementType.Name}, the input {inMeta.ElementType.Name}.");
        if (inMeta.Dimensions.Length != 2 || inMeta.Dimensions[1] < 1 || outMeta.Dimensions.Length != 2 || outMeta.Dimensions[1] < 1)
            throw new InvalidDataException($"{source}: input and output must have shape [N, features] with fixed feature counts.");
        InputWidth = inMeta.Dimensions[1];
        OutputWidth = outMeta.Dimensions[1];
        _inputNames = [InputName];
        _outputNames = [OutputName];
        // One-row buffers bound once (zero-copy OrtValues), for per-point calls.
        _rowF = new float[InputWidth]; _outF = new float[OutputWidth];
        _rowD = new double[InputWidth]; _outD = new double[OutputWidth];
        _rowValue = ElementType == OnnxElementType.Float
            ? OrtValue.CreateTensorValueFromMemory(_rowF, [1, InputWidth]) : OrtValue.CreateTensorValueFromMemory(_rowD, [1, InputWidth]);
        _outValue = ElementType == OnnxElementType.Float
            ? OrtValue.CreateTensorValueFromMemory(_outF, [1, OutputWidth]) : OrtValue.CreateTensorValueFromMemory(_outD, [1, OutputWidth]);
    }

    /// <summary>Graph input name.</summary>
    public string InputName { get; }
    /// <summary>Graph output name.</summary>
    public string OutputName { get; }
    /// <summary>Features per input row.</summary>
    public int InputWidth { get; }
    /// <summary>Features per output row.</summary>
    public int OutputWidth { get; }
    /// <summary>Float or double.</summary>
    public OnnxElementType ElementType { get; }

    /// <summary>Runs the model on a row-major batch: <paramref name="inputs"/> of N × <see cref="InputWidth"/>, <paramref name="outputs"/> of N × <see cref="OutputWidth"/>.</summary>
    public void Evaluate(ReadOnlySpan<double> inputs, Span<double> outputs)
    {
        int rows = inputs.Length / InputWidth;
        if (rows * InputWidth != inputs.Length || rows * OutputWidth != outputs.Length)
            throw new ArgumentException($"{_source}: batch of {inputs.Length} inputs and {outputs.Length} outputs does not match widths {InputWidth}→{OutputWidth}.");
        long[] shape = [rows, InputWidth];
        if (ElementType == OnnxElementType.Float)
        {
            var x = new float[inputs.Length];
            for (int i = 0; i < x.Length; i++) x[i] = (float)inputs[i];
            using var input = OrtValue.CreateTensorValueFromMemory(x, shape);
            using var result = _session.Run(_runOptions, [InputName], [input], [OutputName]);
            var y = result[0].GetTensorDataAsSpan<float>();
            for (int i = 0; i < outputs.Length; i++) outputs[i] = y[i];
        }
        else
        {
            var x = inputs.ToArray();
            using var input = OrtValue.CreateTensorValueFromMemory(x, shape);
            using var result = _session.Run(_runOptions, [InputName], [input], [OutputName]);
            result[0].GetTensorDataAsSpan<double>().CopyTo(outputs);
        }
    }

    /// <summary>Always throws: ONNX Runtime gives no tangent.</summary>
    public void Tangent(ReadOnlySpan<double> inputs, ReadOnlySpan<double> dInputs, Span<double> dOutputs) => throw NoGradient("tangent");

    /// <summary>Always throws: ONNX Runtime gives no adjoint.</summary>
    public void Adjoint(ReadOnlySpan<double> inputs, ReadOnlySpan<double> outputsBar, Span<double> inputsBar) => throw NoGradient("adjoint");

    // ---------------------------------------------------------------- ISubgridTerm (1 → 1 models)

    /// <summary>No trainable parameters: ONNX Runtime weights are frozen.</summary>
    public ParameterTable Parameters => NoParameters;

    /// <summary><c>S(x)</c> for a model with one input and one output feature.</summary>
    public double Evaluate(double x, ReadOnlySpan<double> phi)
    {
        if (InputWidth != 1 || OutputWidth != 1)
            throw new InvalidOperationException($"{_source}: a subgrid term maps one value to one value; this model maps {InputWidth} → {OutputWidth}.");
        if (ElementType == OnnxElementType.Float)
        {
            _rowF[0] = (float)x;
            _session.Run(_runOptions, _inputNames, [_rowValue], _outputNames, [_outValue]);
            return _outF[0];
        }
        _rowD[0] = x;
        _session.Run(_runOptions, _inputNames, [_rowValue], _outputNames, [_outValue]);
        return _outD[0];
    }

    /// <summary>Always throws: ONNX Runtime gives no derivative.</summary>
    public double Derivative(double x, ReadOnlySpan<double> phi) => throw NoGradient("derivative ∂S/∂X");

    /// <summary>Always throws: ONNX Runtime gives no derivative.</summary>
    public double ParameterTangent(double x, ReadOnlySpan<double> phi, ReadOnlySpan<double> dPhi) => throw NoGradient("parameter tangent");

    /// <summary>Always throws: ONNX Runtime gives no derivative.</summary>
    public void AddParameterAdjoint(double x, ReadOnlySpan<double> phi, double sBar, Span<double> phiBar) => throw NoGradient("parameter adjoint");

    private NotSupportedException NoGradient(string what) =>
        new($"{_source}: the {what} was asked of an inference-only ONNX Runtime term; ONNX Runtime gives no derivatives. " +
            "Import an MLP-shaped model with OnnxNetworkImporter to get a differentiable DenseNetwork, or keep this term out of gradient runs.");

    /// <inheritdoc />
    public void Dispose()
    {
        _rowValue.Dispose();
        _outValue.Dispose();
        _session.Dispose();
        _runOptions.Dispose();
    }
}
