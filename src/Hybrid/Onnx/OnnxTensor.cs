using System.Buffers.Binary;

namespace ClimateAD.Hybrid.Onnx;

/// <summary>
/// An ONNX <c>TensorProto</c>: a named constant (initialiser or <c>Constant</c> value) with its
/// dims and data, stored as typed lists (<c>float_data</c>, <c>double_data</c>, <c>int64_data</c>,
/// <c>int32_data</c>) or little-endian <c>raw_data</c>. Fields: dims 1, data_type 2, float_data 4,
/// int32_data 5, int64_data 7, name 8, raw_data 9, double_data 10.
/// </summary>
public sealed class OnnxTensor
{
    /// <summary>Tensor name (empty for attribute values).</summary>
    public string Name { get; set; } = "";
    /// <summary>Element type.</summary>
    public OnnxElementType ElementType { get; set; }
    /// <summary>Shape; empty for a scalar.</summary>
    public List<long> Dims { get; } = [];
    /// <summary>Values as doubles (float, double, int32 or int64 data widened), row-major.</summary>
    public double[] Values { get; set; } = [];

    /// <summary>Number of elements, the product of <see cref="Dims"/>.</summary>
    public long ElementCount => Dims.Aggregate(1L, (a, b) => a * b);

    /// <summary>A float or double tensor of the given shape holding <paramref name="values"/> (rounded to float for Float).</summary>
    public static OnnxTensor Create(string name, OnnxElementType type, long[] dims, double[] values)
    {
        var t = new OnnxTensor { Name = name, ElementType = type, Values = type == OnnxElementType.Float ? values.Select(v => (double)(float)v).ToArray() : (double[])values.Clone() };
        t.Dims.AddRange(dims);
        if (t.ElementCount != values.Length) throw new ArgumentException($"Tensor '{name}': {values.Length} values for shape [{string.Join(",", dims)}].");
        return t;
    }

    /// <summary>Parses a serialised TensorProto.</summary>
    public static OnnxTensor Read(ReadOnlyMemory<byte> bytes)
    {
        var t = new OnnxTensor();
        var r = new ProtoReader(bytes);
        var floats = new List<float>();
        var doubles = new List<double>();
        var ints = new List<long>();
        ReadOnlyMemory<byte> raw = default;
        bool hasRaw = false;
        while (r.Next(out int f, out var w))
        {
            switch (f)
            {
                case 1: r.ReadInt64s(w, t.Dims); break;
                case 2: t.ElementType = (OnnxElementType)r.ReadInt64(); break;
                case 4: r.ReadFloats(w, floats); break;
                case 5: r.ReadInt64s(w, ints); break;
                case 7: r.ReadInt64s(w, ints); break;
                case 8: t.Name = r.ReadString(); break;
                case 9: raw = r.ReadBytes(); hasRaw = true; break;
                case 10: r.ReadDoubles(w, doubles); break;
                case 14:
                    if (r.ReadInt64() != 0)
                        throw new NotSupportedException($"Tensor '{t.Name}' keeps its data in an external file; only embedded data are supported.");
                    break;
                default: r.Skip(w); break;
            }
        }
        if (hasRaw)
        {
            var s = raw.Span;
            t.Values = t.ElementType switch
            {
                OnnxElementType.Float => Enumerable.Range(0, s.Length / 4).Select(i => (double)BinaryPrimitives.ReadSingleLittleEndian(raw.Span[(4 * i)..])).ToArray(),
                OnnxElementType.Double => Enumerable.Range(0, s.Length / 8).Select(i => BinaryPrimitives.ReadDoubleLittleEndian(raw.Span[(8 * i)..])).ToArray(),
                OnnxElementType.Int64 => Enumerable.Range(0, s.Length / 8).Select(i => (double)BinaryPrimitives.ReadInt64LittleEndian(raw.Span[(8 * i)..])).ToArray(),
                OnnxElementType.Int32 => Enumerable.Range(0, s.Length / 4).Select(i => (double)BinaryPrimitives.ReadInt32LittleEndian(raw.Span[(4 * i)..])).ToArray(),
                _ => [],
            };
        }
        else if (floats.Count > 0) t.Values = floats.Select(v => (double)v).ToArray();
        else if (doubles.Count > 0) t.Values = [.. doubles];
        else if (ints.Count > 0) t.Values = ints.Select(v => (double)v).ToArray();
        return t;
    }

    /// <summary>Writes this tensor (data as <c>raw_data</c>, little-endian).</summary>
    public void Write(ProtoWriter w)
    {
        w.WritePackedInt64s(1, Dims);
        w.WriteInt64(2, (long)ElementType);
        if (Name.Length > 0) w.WriteString(8, Name);
        byte[] raw;
        switch (ElementType)
        {
            case OnnxElementType.Float:
                raw = new byte[4 * Values.Length];
                for (int i = 0; i < Values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(4 * i), (float)Values[i]);
                break;
            case OnnxElementType.Double:
                raw = new byte[8 * Values.Length];
                for (int i = 0; i < Values.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(raw.AsSpan(8 * i), Values[i]);
                break;
            case OnnxElementType.Int64:
                raw = new byte[8 * Values.Length];
                for (int i = 0; i < Values.Length; i++) BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(8 * i), (long)Values[i]);
                break;
            default: throw new NotSupportedException($"Writing tensors of type {ElementType} is not supported.");
        }
        w.WriteBytes(9, raw);
    }
}
