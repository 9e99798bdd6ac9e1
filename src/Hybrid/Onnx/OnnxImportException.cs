namespace ClimateAD.Hybrid.Onnx;

/// <summary>
/// An ONNX model could not be imported as a <see cref="Networks.DenseNetwork"/>. The message is
/// one line naming the file and the offending node or value; such models can still run,
/// inference-only, through <see cref="OnnxRuntimeTerm"/>.
/// </summary>
public sealed class OnnxImportException(string message) : Exception(message);
