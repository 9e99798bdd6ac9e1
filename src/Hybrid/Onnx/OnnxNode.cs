namespace ClimateAD.Hybrid.Onnx;

/// <summary>An ONNX <c>NodeProto</c>: input 1, output 2, name 3, op_type 4, attribute 5, domain 7.</summary>
public sealed class OnnxNode
{
    /// <summary>Input value names.</summary>
    public List<string> Inputs { get; } = [];
    /// <summary>Output value names.</summary>
    public List<string> Outputs { get; } = [];
    /// <summary>Node name (may be empty).</summary>
    public string Name { get; set; } = "";
    /// <summary>Operator, e.g. <c>Gemm</c>.</summary>
    public string OpType { get; set; } = "";
    /// <summary>Operator domain; empty for the default ONNX domain.</summary>
    public string Domain { get; set; } = "";
    /// <summary>Attributes.</summary>
    public List<OnnxAttribute> Attributes { get; } = [];

    /// <summary>The named attribute, or <c>null</c>.</summary>
    public OnnxAttribute? Attribute(string name) => Attributes.Find(a => a.Name == name);

    /// <summary>How the node is named in messages: <c>'name' (OpType)</c>, or by its first output when unnamed.</summary>
    public string Describe() => $"'{(Name.Length > 0 ? Name : Outputs.FirstOrDefault() ?? "?")}' ({OpType})";

    /// <summary>A node.</summary>
    public static OnnxNode Create(string name, string op, string[] inputs, string[] outputs, params OnnxAttribute[] attributes)
    {
        var n = new OnnxNode { Name = name, OpType = op };
        n.Inputs.AddRange(inputs);
        n.Outputs.AddRange(outputs);
        n.Attributes.AddRange(attributes);
        return n;
    }

    /// <summary>Parses a serialised NodeProto.</summary>
    public static OnnxNode Read(ReadOnlyMemory<byte> bytes)
    {
        var n = new OnnxNode();
        var r = new ProtoReader(bytes);
        while (r.Next(out int f, out var w))
        {
            switch (f)
            {
                case 1: n.Inputs.Add(r.ReadString()); break;
                case 2: n.Outputs.Add(r.ReadString()); break;
                case 3: n.Name = r.ReadString(); break;
                case 4: n.OpType = r.ReadString(); break;
                case 5: n.Attributes.Add(OnnxAttribute.Read(r.ReadBytes())); break;
                case 7: n.Domain = r.ReadString(); break;
                default: r.Skip(w); break;
            }
        }
        return n;
    }

    /// <summary>Writes this node.</summary>
    public void Write(ProtoWriter w)
    {
        foreach (var i in Inputs) w.WriteString(1, i);
        foreach (var o in Outputs) w.WriteString(2, o);
        if (Name.Length > 0) w.WriteString(3, Name);
        w.WriteString(4, OpType);
        foreach (var a in Attributes) w.WriteMessage(5, a.Write);
        if (Domain.Length > 0) w.WriteString(7, Domain);
    }
}
