using System.Buffers.Binary;
using System.Text;

namespace ClimateAD.Hybrid.Onnx;

/// <summary>
/// A minimal writer of the protocol-buffers wire format, the counterpart of <see cref="ProtoReader"/>.
/// Fields are written in the order called (write them in field-number order, as protoc does, for
/// byte-identical output); repeated numeric fields are packed. Zero-valued scalars are written
/// only when the caller asks, as proto3 would omit them.
/// </summary>
public sealed class ProtoWriter
{
    private readonly MemoryStream _buffer = new();

    /// <summary>The bytes written so far.</summary>
    public byte[] ToArray() => _buffer.ToArray();

    /// <summary>A varint field.</summary>
    public void WriteInt64(int field, long value) { WriteTag(field, WireType.Varint); WriteVarint((ulong)value); }

    /// <summary>A float field (fixed32).</summary>
    public void WriteFloat(int field, float value)
    {
        WriteTag(field, WireType.Fixed32);
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(b, value);
        _buffer.Write(b);
    }

    /// <summary>A string field (skipped when <c>null</c>).</summary>
    public void WriteString(int field, string? value)
    {
        if (value is null) return;
        WriteBytes(field, Encoding.UTF8.GetBytes(value));
    }

    /// <summary>A bytes field.</summary>
    public void WriteBytes(int field, ReadOnlySpan<byte> value)
    {
        WriteTag(field, WireType.LengthDelimited);
        WriteVarint((ulong)value.Length);
        _buffer.Write(value);
    }

    /// <summary>A nested message written by <paramref name="body"/>.</summary>
    public void WriteMessage(int field, Action<ProtoWriter> body)
    {
        var sub = new ProtoWriter();
        body(sub);
        WriteBytes(field, sub._buffer.GetBuffer().AsSpan(0, (int)sub._buffer.Length));
    }

    /// <summary>A packed repeated int64 field (nothing when empty).</summary>
    public void WritePackedInt64s(int field, IReadOnlyList<long> values)
    {
        if (values.Count == 0) return;
        var sub = new ProtoWriter();
        foreach (long v in values) sub.WriteVarint((ulong)v);
        WriteBytes(field, sub.ToArray());
    }

    /// <summary>A packed repeated float field (nothing when empty).</summary>
    public void WritePackedFloats(int field, IReadOnlyList<float> values)
    {
        if (values.Count == 0) return;
        var b = new byte[4 * values.Count];
        for (int i = 0; i < values.Count; i++) BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(4 * i), values[i]);
        WriteBytes(field, b);
    }

    /// <summary>A packed repeated double field (nothing when empty).</summary>
    public void WritePackedDoubles(int field, IReadOnlyList<double> values)
    {
        if (values.Count == 0) return;
        var b = new byte[8 * values.Count];
        for (int i = 0; i < values.Count; i++) BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(8 * i), values[i]);
        WriteBytes(field, b);
    }

    private void WriteTag(int field, WireType type) => WriteVarint(((ulong)field << 3) | (ulong)type);

    private void WriteVarint(ulong v)
    {
        while (v >= 0x80) { _buffer.WriteByte((byte)(v | 0x80)); v >>= 7; }
        _buffer.WriteByte((byte)v);
    }
}
