namespace ClimateAD.Hybrid.Onnx;

/// <summary>
/// An ONNX <c>ModelProto</c> (https://onnx.ai/onnx/repo-docs/IR.html): ir_version 1,
/// producer_name 2, producer_version 3, doc_string 6, graph 7, opset_import 8 (domain 1, version 2),
/// read and written by this project's own protobuf code (<see cref="ProtoReader"/>,
/// <see cref="ProtoWriter"/>), so no protobuf package is needed.
/// </summary>
public sealed class OnnxModel
{
    /// <summary>IR version; 8 is what ONNX 1.12–1.13 write for opset 17.</summary>
    public long IrVersion { get; set; } = 8;
    /// <summary>Producer name.</summary>
    public string ProducerName { get; set; } = "";
    /// <summary>Producer version.</summary>
    public string ProducerVersion { get; set; } = "";
    /// <summary>Free text.</summary>
    public string DocString { get; set; } = "";
    /// <summary>The graph.</summary>
    public OnnxGraph Graph { get; set; } = new();
    /// <summary>Operator sets imported, domain ("" = ai.onnx) → version.</summary>
    public List<(string Domain, long Version)> OpsetImports { get; } = [];

    /// <summary>The ai.onnx opset version, or 0 when none is imported.</summary>
    public long DefaultOpset => OpsetImports.Where(o => o.Domain is "" or "ai.onnx").Select(o => o.Version).DefaultIfEmpty(0).Max();

    /// <summary>Parses a serialised ModelProto.</summary>
    public static OnnxModel Parse(ReadOnlyMemory<byte> bytes)
    {
        var m = new OnnxModel();
        var r = new ProtoReader(bytes);
        bool hasGraph = false;
        while (r.Next(out int f, out var w))
        {
            switch (f)
            {
                case 1: m.IrVersion = r.ReadInt64(); break;
                case 2: m.ProducerName = r.ReadString(); break;
                case 3: m.ProducerVersion = r.ReadString(); break;
                case 6: m.DocString = r.ReadString(); break;
                case 7: m.Graph = OnnxGraph.Read(r.ReadBytes()); hasGraph = true; break;
                case 8:
                    var op = new ProtoReader(r.ReadBytes());
                    string domain = "";
                    long version = 0;
                    while (op.Next(out int of, out var ow))
                    {
                        if (of == 1) domain = op.ReadString();
                        else if (of == 2) version = op.ReadInt64();
                        else op.Skip(ow);
                    }
                    m.OpsetImports.Add((domain, version));
                    break;
                default: r.Skip(w); break;
            }
        }
        if (!hasGraph) throw new InvalidDataException("Not an ONNX model: no graph.");
        return m;
    }

    /// <summary>Reads an .onnx file; errors name the file.</summary>
    public static OnnxModel Load(string path)
    {
        try { return Parse(File.ReadAllBytes(path)); }
        catch (InvalidDataException e) { throw new InvalidDataException($"{path}: {e.Message}", e); }
    }

    /// <summary>The serialised ModelProto.</summary>
    public byte[] ToBytes()
    {
        var w = new ProtoWriter();
        w.WriteInt64(1, IrVersion);
        if (ProducerName.Length > 0) w.WriteString(2, ProducerName);
        if (ProducerVersion.Length > 0) w.WriteString(3, ProducerVersion);
        if (DocString.Length > 0) w.WriteString(6, DocString);
        w.WriteMessage(7, Graph.Write);
        foreach (var (domain, version) in OpsetImports)
            w.WriteMessage(8, o => { if (domain.Length > 0) o.WriteString(1, domain); o.WriteInt64(2, version); });
        return w.ToArray();
    }

    /// <summary>Writes the model to <paramref name="path"/> (via a temporary file, so a crash leaves no half-written model).</summary>
    public void Save(string path)
    {
        string tmp = path + ".tmp";
        File.WriteAllBytes(tmp, ToBytes());
        File.Move(tmp, path, overwrite: true);
    }
}
