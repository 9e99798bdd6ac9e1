using System.Buffers.Binary;
using System.Text;

namespace ClimateAD.Hybrid.Onnx;

/// <summary>
/// A minimal reader of the protocol-buffers wire format (https://protobuf.dev/programming-guides/encoding/):
/// tags <c>(field &lt;&lt; 3) | wire type</c>, varints, fixed 32/64-bit values and length-delimited
/// fields. Enough for the ONNX messages this project reads; unknown fields are skipped.
/// </summary>
public sealed class ProtoReader
{
    private readonly ReadOnlyMemory<byte> _data;
    private int _pos;

    /// <summary>Reads the message in <paramref name="data"/>.</summary>
    public ProtoReader(ReadOnlyMemory<byte> data) => _data = data;

    /// <summary>Advances to the next field; false at the end of the message.</summary>
    public bool Next(out int field, out WireType wireType)
    {
        if (_pos >= _data.Length) { field = 0; wireType = 0; return false; }
        ulong tag = ReadVarint();
        field = (int)(tag >> 3);
        wireType = (WireType)(tag & 7);
        if (field <= 0) throw Corrupt("field number 0");
        return true;
    }

    /// <summary>A varint (also int32/int64/enum/bool fields).</summary>
    public ulong ReadVarint()
    {
        var span = _data.Span;
        ulong result = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (_pos >= span.Length) throw Corrupt("truncated varint");
            byte b = span[_pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw Corrupt("varint longer than 10 bytes");
    }

    /// <summary>An int64 field (two's complement varint).</summary>
    public long ReadInt64() => (long)ReadVarint();

    /// <summary>A fixed 32-bit float.</summary>
    public float ReadFloat() => BinaryPrimitives.ReadSingleLittleEndian(Take(4).Span);

    /// <summary>A fixed 64-bit double.</summary>
    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8).Span);

    /// <summary>A length-delimited field's bytes.</summary>
    public ReadOnlyMemory<byte> ReadBytes() => Take(checked((int)ReadVarint()));

    /// <summary>A length-delimited UTF-8 string.</summary>
    public string ReadString() => Encoding.UTF8.GetString(ReadBytes().Span);

    /// <summary>A repeated int64 field, packed or not.</summary>
    public void ReadInt64s(WireType wireType, List<long> into)
    {
        if (wireType == WireType.Varint) { into.Add(ReadInt64()); return; }
        var sub = new ProtoReader(ReadBytes());
        while (sub._pos < sub._data.Length) into.Add(sub.ReadInt64());
    }

    /// <summary>A repeated float field, packed or not.</summary>
    public void ReadFloats(WireType wireType, List<float> into)
    {
        if (wireType == WireType.Fixed32) { into.Add(ReadFloat()); return; }
        var bytes = ReadBytes().Span;
        for (int i = 0; i + 4 <= bytes.Length; i += 4) into.Add(BinaryPrimitives.ReadSingleLittleEndian(bytes[i..]));
    }

    /// <summary>A repeated double field, packed or not.</summary>
    public void ReadDoubles(WireType wireType, List<double> into)
    {
        if (wireType == WireType.Fixed64) { into.Add(ReadDouble()); return; }
        var bytes = ReadBytes().Span;
        for (int i = 0; i + 8 <= bytes.Length; i += 8) into.Add(BinaryPrimitives.ReadDoubleLittleEndian(bytes[i..]));
    }

    /// <summary>Skips a field's value.</summary>
    public void Skip(WireType wireType)
    {
        switch (wireType)
        {
            case WireType.Varint: ReadVarint(); break;
            case WireType.Fixed64: Take(8); break;
            case WireType.LengthDelimited: ReadBytes(); break;
            case WireType.Fixed32: Take(4); break;
            default: throw Corrupt($"unsupported wire type {(int)wireType}");
        }
    }

    private ReadOnlyMemory<byte> Take(int n)
    {
        if (n < 0 || _pos + n > _data.Length) throw Corrupt("truncated field");
        var m = _data.Slice(_pos, n);
        _pos += n;
        return m;
    }

    private InvalidDataException Corrupt(string what) => new($"Not a valid protobuf message: {what} at byte {_pos}.");
}

/// <summary>Protocol-buffers wire types.</summary>
public enum WireType
{
    /// <summary>int32, int64, uint, bool, enum.</summary>
    Varint = 0,
    /// <summary>fixed64, double.</summary>
    Fixed64 = 1,
    /// <summary>string, bytes, messages, packed repeated fields.</summary>
    LengthDelimited = 2,
    /// <summary>fixed32, float.</summary>
    Fixed32 = 5,
}
