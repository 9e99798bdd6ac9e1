using ClimateAD.Hybrid.Networks;

namespace ClimateAD.Hybrid.Onnx;

/// <summary>A network read from ONNX, with the element type and the value names of the file it came from.</summary>
/// <param name="Network">The differentiable network (weights widened to double exactly).</param>
/// <param name="ElementType">Float or double, the type of the graph's input.</param>
/// <param name="InputName">Name of the graph input.</param>
/// <param name="OutputName">Name of the graph output.</param>
/// <param name="Opset">The file's ai.onnx opset.</param>
public sealed record ImportedNetwork(DenseNetwork Network, OnnxElementType ElementType, string InputName, string OutputName, long Opset);
