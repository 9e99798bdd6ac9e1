using ClimateAD.IO.Scenarios;

namespace ClimateAD.IO.Data;

/// <summary>
/// Checked, typed access to one table of a TOML configuration file other than a scenario (e.g. a
/// calibration file), with the scenario loader's error handling: every failure is a
/// <see cref="ScenarioException"/> with the one-line message
/// <c>&lt;file&gt;:&lt;line&gt;: &lt;dotted key&gt;: &lt;what is wrong&gt; (&lt;valid choices&gt;)</c>,
/// unknown keys get the closest valid key suggested (Levenshtein distance), and TOML syntax
/// errors name their line. A thin public façade over the scenario loader's internal TOML tree.
/// </summary>
public sealed class TomlConfig
{
    private readonly TableReader _reader;

    private TomlConfig(TableReader reader) => _reader = reader;

    /// <summary>Reads and parses <paramref name="path"/>; the root table.</summary>
    /// <exception cref="ScenarioException">The file is missing, unreadable or not valid TOML.</exception>
    public static TomlConfig Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException(path, 0, "", e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : "cannot read the file: " + e.Message);
        }
        return Parse(text, path);
    }

    /// <summary>Parses TOML <paramref name="text"/> that came from <paramref name="file"/> (used in messages).</summary>
    public static TomlConfig Parse(string text, string file) => new(new TableReader(TomlTree.Parse(text, file), file));

    /// <summary>The file, as given to <see cref="Load"/>.</summary>
    public string File => _reader.File;

    /// <summary>Dotted path of this table (empty for the root).</summary>
    public string Path => _reader.Path;

    /// <summary>1-based line of the table header.</summary>
    public int Line => _reader.Line;

    /// <summary>The keys present, in file order.</summary>
    public IEnumerable<string> Keys => _reader.Node.Entries.Select(e => e.Key);

    /// <summary>Dotted path of <paramref name="key"/> in this table.</summary>
    public string KeyPath(string key) => _reader.KeyPath(key);

    /// <summary>1-based line of <paramref name="key"/>, or of the table when absent.</summary>
    public int LineOf(string key) => _reader.Node.Get(key)?.Line ?? Line;

    /// <summary>An error about <paramref name="key"/> (its line when present, else the table's).</summary>
    public ScenarioException Error(string key, string problem, string? choices = null) => _reader.Error(key, problem, choices);

    /// <summary>Every key must be one of <paramref name="allowed"/>; otherwise the closest is suggested.</summary>
    public void CheckKeys(IReadOnlyCollection<string> allowed) => _reader.CheckKeys(allowed);

    /// <summary>True when <paramref name="key"/> is present.</summary>
    public bool Has(string key) => _reader.Has(key);

    /// <summary>A required sub-table.</summary>
    public TomlConfig Table(string key) => new(_reader.Table(key));

    /// <summary>An optional sub-table, or <c>null</c>.</summary>
    public TomlConfig? OptionalTable(string key) => _reader.OptionalTable(key) is { } t ? new TomlConfig(t) : null;

    /// <summary>An array of tables (<c>[[key]]</c> or an inline array of inline tables); empty when absent and not required.</summary>
    public IReadOnlyList<TomlConfig> TableArray(string key, bool required) =>
        _reader.TableArray(key, required).Select(t => new TomlConfig(t)).ToArray();

    /// <summary>A required string.</summary>
    public string String(string key) => _reader.String(key);

    /// <summary>An optional string, or <c>null</c>.</summary>
    public string? OptionalString(string key) => _reader.OptionalString(key);

    /// <summary>A string that must be one of <paramref name="valid"/>; <paramref name="fallback"/> when absent (required when it is <c>null</c>).</summary>
    public string Choice(string key, IReadOnlyCollection<string> valid, string? fallback = null)
    {
        string? v = fallback is null ? _reader.String(key) : _reader.OptionalString(key) ?? fallback;
        if (!valid.Contains(v))
            throw _reader.Error(key, $"unknown value '{v}'", KeySuggestion.Choices(v, valid));
        return v;
    }

    /// <summary>A required integer within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Integer(string key, int min, int max) => _reader.Integer(key, min, max);

    /// <summary>An optional integer within [<paramref name="min"/>, <paramref name="max"/>], or <c>null</c>.</summary>
    public int? OptionalInteger(string key, int min, int max) => _reader.OptionalInteger(key, min, max);

    /// <summary>A required finite number (float or integer).</summary>
    public double Number(string key) => _reader.Number(key);

    /// <summary>An optional finite number, or <c>null</c>.</summary>
    public double? OptionalNumber(string key) => _reader.OptionalNumber(key);

    /// <summary>An optional number that must satisfy <paramref name="valid"/> (described by <paramref name="range"/>), or <c>null</c>.</summary>
    public double? OptionalNumber(string key, Func<double, bool> valid, string range)
    {
        var v = _reader.OptionalNumber(key);
        if (v is { } x && !valid(x))
            throw _reader.Error(key, FormattableString.Invariant($"{x:G6} is out of range"), range);
        return v;
    }

    /// <summary>An optional boolean, or <c>null</c>.</summary>
    public bool? OptionalBoolean(string key) => _reader.Node.Get(key) is { } n ? _reader.AsBoolean(n) : null;

    /// <summary>An optional array of strings, or <c>null</c>.</summary>
    public IReadOnlyList<string>? OptionalStringArray(string key) => _reader.OptionalStringArray(key)?.Select(s => s.Value).ToArray();

    /// <summary>An optional array of numbers, or <c>null</c>.</summary>
    public IReadOnlyList<double>? OptionalNumberArray(string key)
    {
        var node = _reader.Node.Get(key);
        if (node is null) return null;
        if (node is not TomlArrayNode a)
            throw _reader.Error(node, $"expected an array of numbers, found {TableReader.Article(node.TypeName)}", "e.g. [1850, 1900]");
        return a.Items.Select(_reader.AsNumber).ToArray();
    }

    /// <summary>A table of numbers (<c>key = { a = 1.0, b = 2 }</c>) as name → value in file order, or <c>null</c> when absent.</summary>
    public IReadOnlyList<(string Name, double Value)>? OptionalNumberTable(string key)
    {
        if (_reader.OptionalTable(key) is not { } t) return null;
        return t.Node.Entries.Select(e => (e.Key, t.AsNumber(e.Node))).ToArray();
    }
}
