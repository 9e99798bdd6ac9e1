namespace ClimateAD.Hybrid.Onnx;

/// <summary>An ONNX <c>GraphProto</c>: node 1, name 2, initializer 5, input 11, output 12, value_info 13.</summary>
public sealed class OnnxGraph
{
    /// <summary>Nodes in topological order.</summary>
    public List<OnnxNode> Nodes { get; } = [];
    /// <summary>Graph name.</summary>
    public string Name { get; set; } = "";
    /// <summary>Constant tensors.</summary>
    public List<OnnxTensor> Initializers { get; } = [];
    /// <summary>Graph inputs (may also list initialisers, in IR &lt; 4 style).</summary>
    public List<OnnxValueInfo> Inputs { get; } = [];
    /// <summary>Graph outputs.</summary>
    public List<OnnxValueInfo> Outputs { get; } = [];

    /// <summary>Parses a serialised GraphProto.</summary>
    public static OnnxGraph Read(ReadOnlyMemory<byte> bytes)
    {
        var g = new OnnxGraph();
        var r = new ProtoReader(bytes);
        while (r.Next(out int f, out var w))
        {
            switch (f)
            {
                case 1: g.Nodes.Add(OnnxNode.Read(r.ReadBytes())); break;
                case 2: g.Name = r.ReadString(); break;
                case 5: g.Initializers.Add(OnnxTensor.Read(r.ReadBytes())); break;
                case 11: g.Inputs.Add(OnnxValueInfo.Read(r.ReadBytes())); break;
                case 12: g.Outputs.Add(OnnxValueInfo.Read(r.ReadBytes())); break;
                case 15: throw new NotSupportedException("Sparse initialisers are not supported.");
                default: r.Skip(w); break;
            }
        }
        return g;
    }

    /// <summary>Writes this graph.</summary>
    public void Write(ProtoWriter w)
    {
        foreach (var n in Nodes) w.WriteMessage(1, n.Write);
        w.WriteString(2, Name);
        foreach (var t in Initializers) w.WriteMessage(5, t.Write);
        foreach (var i in Inputs) w.WriteMessage(11, i.Write);
        foreach (var o in Outputs) w.WriteMessage(12, o.Write);
    }
}
