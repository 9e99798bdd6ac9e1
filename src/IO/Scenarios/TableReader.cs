using System.Globalization;

namespace ClimateAD.IO.Scenarios;

/// <summary>
/// Typed, checked access to one TOML table of a scenario file; every failure is a
/// <see cref="ScenarioException"/> naming the file, line and dotted key.
/// </summary>
internal sealed class TableReader(TomlTableNode table, string file)
{
    public TomlTableNode Node { get; } = table;

    public string File { get; } = file;

    public int Line => Node.Line;

    public string Path => Node.Path;

    public string KeyPath(string key) => Node.ChildPath(key);

    public ScenarioException Error(TomlNode node, string problem, string? choices = null, Exception? inner = null) =>
        new(File, node.Line, node.Path, problem, choices, inner);

    public ScenarioException Error(string key, string problem, string? choices = null) =>
        Node.Get(key) is { } n ? Error(n, problem, choices) : new(File, Line, KeyPath(key), problem, choices);

    /// <summary>Every key must be one of <paramref name="allowed"/>; otherwise the closest is suggested.</summary>
    public void CheckKeys(IReadOnlyCollection<string> allowed)
    {
        foreach (var (key, node) in Node.Entries)
            if (!allowed.Contains(key))
                throw new ScenarioException(File, node.Line, node.Path,
                    Path.Length == 0 ? "unknown section" : $"unknown key in [{Path}]", KeySuggestion.Choices(key, allowed));
    }

    public bool Has(string key) => Node.Get(key) is not null;

    public TomlNode Required(string key) =>
        Node.Get(key) ?? throw new ScenarioException(File, Line, KeyPath(key),
            Path.Length == 0 ? $"missing required section [{key}]" : $"missing required key in [{Path}]");

    public TableReader Table(string key) => AsTable(Required(key));

    public TableReader? OptionalTable(string key) => Node.Get(key) is { } n ? AsTable(n) : null;

    public IReadOnlyList<TableReader> TableArray(string key, bool required)
    {
        var node = required ? Required(key) : Node.Get(key);
        return node switch
        {
            null => [],
            TomlTableArrayNode a => a.Items.Select(t => new TableReader(t, File)).ToArray(),
            TomlArrayNode a when a.Items.All(i => i is TomlTableNode) => a.Items.Select(t => new TableReader((TomlTableNode)t, File)).ToArray(),
            _ => throw Error(node, $"expected an array of tables [[{node.Path}]], found {Article(node.TypeName)}"),
        };
    }

    public string String(string key) => AsString(Required(key));

    public string? OptionalString(string key) => Node.Get(key) is { } n ? AsString(n) : null;

    public int Integer(string key, int min, int max) => AsInteger(Required(key), min, max);

    public int? OptionalInteger(string key, int min, int max) => Node.Get(key) is { } n ? AsInteger(n, min, max) : null;

    public double Number(string key) => AsNumber(Required(key));

    public double? OptionalNumber(string key) => Node.Get(key) is { } n ? AsNumber(n) : null;

    /// <summary>An array whose items are all strings, with each item's node (for its line).</summary>
    public IReadOnlyList<(string Value, TomlNode Node)> StringArray(string key) => AsStringArray(Required(key));

    public IReadOnlyList<(string Value, TomlNode Node)>? OptionalStringArray(string key) =>
        Node.Get(key) is { } n ? AsStringArray(n) : null;

    public TableReader AsTable(TomlNode node) => node is TomlTableNode t
        ? new TableReader(t, File)
        : throw Error(node, $"expected a table [{node.Path}], found {Article(node.TypeName)}");

    public string AsString(TomlNode node) => node is TomlScalar { Value: string s }
        ? s
        : throw Error(node, $"expected a string, found {Article(node.TypeName)}", "write it in double quotes");

    public int AsInteger(TomlNode node, int min, int max)
    {
        if (node is not TomlScalar { Value: long v })
            throw Error(node, $"expected an integer, found {Article(node.TypeName)}{Shown(node)}");
        if (v < min || v > max)
            throw Error(node, $"{v} is out of range", string.Create(CultureInfo.InvariantCulture, $"{min} to {max}"));
        return (int)v;
    }

    /// <summary>A float or an integer, finite.</summary>
    public double AsNumber(TomlNode node)
    {
        double v = node switch
        {
            TomlScalar { Value: double d } => d,
            TomlScalar { Value: long l } => l,
            _ => throw Error(node, $"expected a number, found {Article(node.TypeName)}{Shown(node)}"),
        };
        if (!double.IsFinite(v)) throw Error(node, "must be finite");
        return v;
    }

    public bool AsBoolean(TomlNode node) => node is TomlScalar { Value: bool b }
        ? b
        : throw Error(node, $"expected true or false, found {Article(node.TypeName)}{Shown(node)}");

    public IReadOnlyList<(string Value, TomlNode Node)> AsStringArray(TomlNode node)
    {
        if (node is not TomlArrayNode a)
            throw Error(node, $"expected an array of strings, found {Article(node.TypeName)}", "e.g. [\"a\", \"b\"]");
        return a.Items.Select(i => (i is TomlScalar { Value: string s }
            ? s
            : throw Error(i, $"expected a string, found {Article(i.TypeName)}"), i)).ToArray();
    }

    /// <summary>"a string", "an integer", "an array": the type name with its article.</summary>
    public static string Article(string typeName) => ("aeiou".Contains(typeName[0]) ? "an " : "a ") + typeName;

    private static string Shown(TomlNode node) => node is TomlScalar s
        ? " " + (s.Value is string str ? $"\"{str}\"" : Convert.ToString(s.Value, CultureInfo.InvariantCulture))
        : "";
}
