namespace ClimateAD.Hybrid.Onnx;

/// <summary>
/// An ONNX <c>AttributeProto</c> of the kinds MLP graphs use: float (f, 2), int (i, 3), string
/// (s, 4), tensor (t, 5), floats (7), ints (8); name 1, type 20. Graph-valued attributes are
/// skipped when read.
/// </summary>
public sealed class OnnxAttribute
{
    /// <summary>AttributeProto.AttributeType values.</summary>
    public enum Kind
    {
        /// <summary>Not set.</summary>
        Undefined = 0,
        /// <summary>A float.</summary>
        Float = 1,
        /// <summary>An int64.</summary>
        Int = 2,
        /// <summary>A string.</summary>
        String = 3,
        /// <summary>A tensor.</summary>
        Tensor = 4,
        /// <summary>A list of floats.</summary>
        Floats = 6,
        /// <summary>A list of int64s.</summary>
        Ints = 7,
    }

    /// <summary>Attribute name.</summary>
    public string Name { get; set; } = "";
    /// <summary>Attribute kind.</summary>
    public Kind Type { get; set; }
    /// <summary>Float value.</summary>
    public float F { get; set; }
    /// <summary>Int value.</summary>
    public long I { get; set; }
    /// <summary>String value.</summary>
    public string S { get; set; } = "";
    /// <summary>Tensor value.</summary>
    public OnnxTensor? T { get; set; }
    /// <summary>Float list.</summary>
    public List<float> Floats { get; } = [];
    /// <summary>Int list.</summary>
    public List<long> Ints { get; } = [];

    /// <summary>An int attribute.</summary>
    public static OnnxAttribute Int(string name, long value) => new() { Name = name, Type = Kind.Int, I = value };

    /// <summary>A tensor attribute.</summary>
    public static OnnxAttribute Tensor(string name, OnnxTensor value) => new() { Name = name, Type = Kind.Tensor, T = value };

    /// <summary>Parses a serialised AttributeProto.</summary>
    public static OnnxAttribute Read(ReadOnlyMemory<byte> bytes)
    {
        var a = new OnnxAttribute();
        var r = new ProtoReader(bytes);
        while (r.Next(out int f, out var w))
        {
            switch (f)
            {
                case 1: a.Name = r.ReadString(); break;
                case 2: a.F = r.ReadFloat(); break;
                case 3: a.I = r.ReadInt64(); break;
                case 4: a.S = r.ReadString(); break;
                case 5: a.T = OnnxTensor.Read(r.ReadBytes()); break;
                case 7: r.ReadFloats(w, a.Floats); break;
                case 8: r.ReadInt64s(w, a.Ints); break;
                case 20: a.Type = (Kind)r.ReadInt64(); break;
                default: r.Skip(w); break;
            }
        }
        return a;
    }

    /// <summary>Writes this attribute.</summary>
    public void Write(ProtoWriter w)
    {
        w.WriteString(1, Name);
        switch (Type)
        {
            case Kind.Float: w.WriteFloat(2, F); break;
            case Kind.Int: w.WriteInt64(3, I); break;
            case Kind.String: w.WriteString(4, S); break;
            case Kind.Tensor: w.WriteMessage(5, T!.Write); break;
            case Kind.Floats: w.WritePackedFloats(7, Floats); break;
            case Kind.Ints: w.WritePackedInt64s(8, Ints); break;
        }
        w.WriteInt64(20, (long)Type);
    }
}
