namespace ClimateAD.IO.Scenarios;

/// <summary>
/// A scenario file that cannot be run: bad TOML, an unknown or misspelt key, a wrong type, a
/// missing required key, a value out of range, a data file that is missing or fails to load.
/// <see cref="Exception.Message"/> is one line,
/// <c>&lt;file&gt;:&lt;line&gt;: &lt;key&gt;: &lt;what is wrong&gt; (&lt;valid choices or range&gt;)</c>,
/// e.g. <c>scenarios/x.toml:12: model.integrator: unknown integrator 'rk5' (valid: exact, rk4, euler)</c>;
/// the CLI prints it and exits non-zero without a stack trace. The key is the dotted path in the
/// file (array items as <c>forcing.source[2].file</c>, 1-based); it is empty for TOML syntax
/// errors that belong to no key.
/// </summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The scenario file, as given to the loader.</param>
    /// <param name="line">1-based line of the offending key or table; 0 when the problem is the whole file (e.g. it does not exist).</param>
    /// <param name="key">Dotted key path, or empty.</param>
    /// <param name="problem">What is wrong, one line.</param>
    /// <param name="choices">The valid choices or range, or <c>null</c> when there are none to list.</param>
    /// <param name="inner">The underlying exception (e.g. a <c>DataFileException</c>), if any.</param>
    public ScenarioException(string file, int line, string key, string problem, string? choices = null, Exception? inner = null)
        : base(Format(file, line, key, problem, choices), inner)
    {
        File = file;
        Line = line;
        Key = key;
        Problem = problem;
        Choices = choices;
    }

    /// <summary>The scenario file, as given to the loader.</summary>
    public string File { get; }

    /// <summary>1-based line number.</summary>
    public int Line { get; }

    /// <summary>Dotted key path, e.g. <c>time.step</c>; empty for syntax errors outside any key.</summary>
    public string Key { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    /// <summary>The valid choices or range, or <c>null</c>.</summary>
    public string? Choices { get; }

    private static string Format(string file, int line, string key, string problem, string? choices)
    {
        string text = (line > 0 ? $"{file}:{line}: " : $"{file}: ") + (key.Length > 0 ? key + ": " : "") + problem + (choices is null ? "" : $" ({choices})");
        return text.ReplaceLineEndings(" ");
    }
}
