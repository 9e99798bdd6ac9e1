using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace ClimateAD.IO.Scenarios;

/// <summary>A node of a parsed TOML document with its 1-based line and dotted path, for messages.</summary>
internal abstract class TomlNode(int line, string path)
{
    /// <summary>1-based line where the node (its key, or its table header) starts.</summary>
    public int Line { get; set; } = line;

    /// <summary>Dotted path, e.g. <c>forcing.source[2].file</c>.</summary>
    public string Path { get; } = path;

    /// <summary>TOML type name for messages: string, integer, float, boolean, date-time, array, table, array of tables.</summary>
    public abstract string TypeName { get; }
}

/// <summary>A scalar: <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/> or a date-time.</summary>
internal sealed class TomlScalar(int line, string path, object value, string typeName) : TomlNode(line, path)
{
    public object Value { get; } = value;

    public override string TypeName { get; } = typeName;
}

/// <summary>An inline array.</summary>
internal sealed class TomlArrayNode(int line, string path) : TomlNode(line, path)
{
    public List<TomlNode> Items { get; } = [];

    public override string TypeName => "array";
}

/// <summary>An array of tables (<c>[[name]]</c>).</summary>
internal sealed class TomlTableArrayNode(int line, string path) : TomlNode(line, path)
{
    public List<TomlTableNode> Items { get; } = [];

    public override string TypeName => "array of tables";
}

/// <summary>A table; entries keep file order.</summary>
internal sealed class TomlTableNode(int line, string path) : TomlNode(line, path)
{
    private readonly List<(string Key, TomlNode Node)> _entries = [];

    public IReadOnlyList<(string Key, TomlNode Node)> Entries => _entries;

    public override string TypeName => "table";

    public TomlNode? Get(string key) => _entries.FirstOrDefault(e => e.Key == key).Node;

    public void Add(string key, TomlNode node) => _entries.Add((key, node));

    public string ChildPath(string key) => Path.Length == 0 ? key : Path + "." + key;
}

/// <summary>
/// Converts Tomlyn's syntax tree (which carries source spans) into <see cref="TomlNode"/>s,
/// turning syntax diagnostics into <see cref="ScenarioException"/>s with their line.
/// </summary>
internal static class TomlTree
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="ScenarioException"/> on the first syntax error.</summary>
    public static TomlTableNode Parse(string text, string file)
    {
        var doc = SyntaxParser.Parse(text, file, true);
        if (doc.HasErrors)
        {
            // Tomlyn does not report diagnostics in file order; the earliest one is the cause.
            var d = doc.Diagnostics.Where(m => m.Kind == DiagnosticMessageKind.Error)
                .OrderBy(m => m.Span.Start.Line).ThenBy(m => m.Span.Start.Column).First();
            int line = d.Span.Start.Line + 1;
            throw new ScenarioException(file, line, KeyOnLine(doc, d.Span.Start.Line), "TOML syntax error: " + d.Message.Trim());
        }
        var root = new TomlTableNode(1, "");
        foreach (var kv in doc.KeyValues) AddKeyValue(root, kv, file);
        foreach (var table in doc.Tables)
        {
            var parts = KeyParts(table.Name!);
            int line = table.Span.Start.Line + 1;
            var parent = Descend(root, parts.Take(parts.Count - 1), line, file);
            string last = parts[^1];
            var existing = parent.Get(last);
            TomlTableNode target;
            if (table is TableArraySyntax)
            {
                if (existing is null) parent.Add(last, existing = new TomlTableArrayNode(line, parent.ChildPath(last)));
                if (existing is not TomlTableArrayNode array)
                    throw new ScenarioException(file, line, parent.ChildPath(last), $"[[{parent.ChildPath(last)}]] conflicts with the {existing.TypeName} defined on line {existing.Line}");
                target = new TomlTableNode(line, $"{array.Path}[{array.Items.Count + 1}]");
                array.Items.Add(target);
            }
            else
            {
                if (existing is null) parent.Add(last, existing = new TomlTableNode(line, parent.ChildPath(last)));
                if (existing is not TomlTableNode t)
                    throw new ScenarioException(file, line, parent.ChildPath(last), $"[{parent.ChildPath(last)}] conflicts with the {existing.TypeName} defined on line {existing.Line}");
                t.Line = line;
                target = t;
            }
            foreach (var kv in table.Items) AddKeyValue(target, kv, file);
        }
        return root;
    }

    private static void AddKeyValue(TomlTableNode table, KeyValueSyntax kv, string file)
    {
        var parts = KeyParts(kv.Key!);
        int line = kv.Span.Start.Line + 1;
        var parent = Descend(table, parts.Take(parts.Count - 1), line, file);
        string key = parts[^1];
        if (parent.Get(key) is { } previous)
            throw new ScenarioException(file, line, parent.ChildPath(key), $"is already defined on line {previous.Line}");
        parent.Add(key, Convert(kv.Value!, line, parent.ChildPath(key), file));
    }

    private static TomlTableNode Descend(TomlTableNode table, IEnumerable<string> parts, int line, string file)
    {
        foreach (var part in parts)
        {
            var child = table.Get(part);
            if (child is null) table.Add(part, child = new TomlTableNode(line, table.ChildPath(part)));
            table = child switch
            {
                TomlTableNode t => t,
                TomlTableArrayNode a when a.Items.Count > 0 => a.Items[^1],
                _ => throw new ScenarioException(file, line, table.ChildPath(part),
                    $"is a {child.TypeName} (line {child.Line}) and cannot hold keys"),
            };
        }
        return table;
    }

    private static TomlNode Convert(ValueSyntax value, int line, string path, string file)
    {
        switch (value)
        {
            case StringValueSyntax s: return new TomlScalar(line, path, s.Value ?? "", "string");
            case IntegerValueSyntax i: return new TomlScalar(line, path, i.Value, "integer");
            case FloatValueSyntax f: return new TomlScalar(line, path, f.Value, "float");
            case BooleanValueSyntax b: return new TomlScalar(line, path, b.Value, "boolean");
            case DateTimeValueSyntax d: return new TomlScalar(line, path, d.Value, "date-time");
            case ArraySyntax a:
            {
                var array = new TomlArrayNode(line, path);
                int index = 0;
                foreach (var item in a.Items)
                {
                    index++;
                    int itemLine = item.Span.Start.Line + 1;
                    array.Items.Add(Convert(item.Value!, itemLine, $"{path}[{index}]", file));
                }
                return array;
            }
            case InlineTableSyntax t:
            {
                var table = new TomlTableNode(line, path);
                foreach (var item in t.Items) AddKeyValue(table, item.KeyValue!, file);
                return table;
            }
            default:
                throw new ScenarioException(file, line, path, $"unsupported TOML value '{value}'");
        }
    }

    private static List<string> KeyParts(KeySyntax key)
    {
        var parts = new List<string> { Part(key.Key!) };
        foreach (var dotted in key.DotKeys) parts.Add(Part(dotted.Key!));
        return parts;
    }

    private static string Part(BareKeyOrStringValueSyntax key) => key switch
    {
        BareKeySyntax b => b.Key?.Text ?? "",
        StringValueSyntax s => s.Value ?? "",
        _ => key.ToString()?.Trim() ?? "",
    };

    /// <summary>Dotted path of a key/value pair starting on a 0-based line, or empty.</summary>
    private static string KeyOnLine(DocumentSyntax doc, int line0)
    {
        static string Join(IEnumerable<string> a) => string.Join(".", a);
        foreach (var kv in doc.KeyValues)
            if (kv.Span.Start.Line == line0 && kv.Key is not null) return Join(KeyParts(kv.Key));
        foreach (var table in doc.Tables)
        {
            if (table.Name is null) continue;
            var tableParts = KeyParts(table.Name);
            if (table.Span.Start.Line == line0) return Join(tableParts);
            foreach (var kv in table.Items)
                if (kv.Span.Start.Line == line0 && kv.Key is not null) return Join(tableParts.Concat(KeyParts(kv.Key)));
        }
        return "";
    }
}
