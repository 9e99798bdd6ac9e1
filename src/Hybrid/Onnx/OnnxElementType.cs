namespace ClimateAD.Hybrid.Onnx;

/// <summary>The ONNX <c>TensorProto.DataType</c> values this project reads or writes (onnx/onnx.proto3).</summary>
public enum OnnxElementType
{
    /// <summary>Not set.</summary>
    Undefined = 0,
    /// <summary>32-bit IEEE float.</summary>
    Float = 1,
    /// <summary>32-bit signed integer.</summary>
    Int32 = 6,
    /// <summary>64-bit signed integer.</summary>
    Int64 = 7,
    /// <summary>64-bit IEEE double.</summary>
    Double = 11,
}
