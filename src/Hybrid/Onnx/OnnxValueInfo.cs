namespace ClimateAD.Hybrid.Onnx;

/// <summary>
/// An ONNX <c>ValueInfoProto</c> for a tensor (name 1, type 2 → TypeProto.tensor_type 1 →
/// elem_type 1, shape 2 → dim 1 → dim_value 1 | dim_param 2). A dimension is a fixed size or a
/// symbolic name such as a dynamic batch <c>N</c>.
/// </summary>
public sealed class OnnxValueInfo
{
    /// <summary>Value name.</summary>
    public string Name { get; set; } = "";
    /// <summary>Element type.</summary>
    public OnnxElementType ElementType { get; set; }
    /// <summary>Dimensions: a size, or <c>null</c> for a symbolic/unknown one (name in <see cref="DimNames"/>).</summary>
    public List<long?> Dims { get; } = [];
    /// <summary>Symbolic dimension names, parallel to <see cref="Dims"/> (empty string when fixed).</summary>
    public List<string> DimNames { get; } = [];

    /// <summary>A tensor value of type <paramref name="type"/>, shape [<paramref name="batchName"/>, <paramref name="width"/>].</summary>
    public static OnnxValueInfo Matrix(string name, OnnxElementType type, string batchName, long width)
    {
        var v = new OnnxValueInfo { Name = name, ElementType = type };
        v.Dims.Add(null); v.DimNames.Add(batchName);
        v.Dims.Add(width); v.DimNames.Add("");
        return v;
    }

    /// <summary>Parses a serialised ValueInfoProto.</summary>
    public static OnnxValueInfo Read(ReadOnlyMemory<byte> bytes)
    {
        var v = new OnnxValueInfo();
        var r = new ProtoReader(bytes);
        while (r.Next(out int f, out var w))
        {
            if (f == 1) v.Name = r.ReadString();
            else if (f == 2)
            {
                var type = new ProtoReader(r.ReadBytes());
                while (type.Next(out int tf, out var tw))
                {
                    if (tf != 1) { type.Skip(tw); continue; }
                    var tensor = new ProtoReader(type.ReadBytes());
                    while (tensor.Next(out int ef, out var ew))
                    {
                        if (ef == 1) v.ElementType = (OnnxElementType)tensor.ReadInt64();
                        else if (ef == 2)
                        {
                            var shape = new ProtoReader(tensor.ReadBytes());
                            while (shape.Next(out int sf, out var sw))
                            {
                                if (sf != 1) { shape.Skip(sw); continue; }
                                var dim = new ProtoReader(shape.ReadBytes());
                                long? size = null;
                                string param = "";
                                while (dim.Next(out int df, out var dw))
                                {
                                    if (df == 1) size = dim.ReadInt64();
                                    else if (df == 2) param = dim.ReadString();
                                    else dim.Skip(dw);
                                }
                                v.Dims.Add(size);
                                v.DimNames.Add(param);
                            }
                        }
                        else tensor.Skip(ew);
                    }
                }
            }
            else r.Skip(w);
        }
        return v;
    }

    /// <summary>Writes this value info.</summary>
    public void Write(ProtoWriter w)
    {
        w.WriteString(1, Name);
        w.WriteMessage(2, type => type.WriteMessage(1, tensor =>
        {
            tensor.WriteInt64(1, (long)ElementType);
            tensor.WriteMessage(2, shape =>
            {
                for (int i = 0; i < Dims.Count; i++)
                {
                    int k = i;
                    shape.WriteMessage(1, dim =>
                    {
                        if (Dims[k] is { } size) dim.WriteInt64(1, size);
                        else dim.WriteString(2, DimNames[k]);
                    });
                }
            });
        }));
    }
}
