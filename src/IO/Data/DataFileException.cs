namespace ClimateAD.IO.Data;

/// <summary>
/// A data file (forcing or observations) that cannot be used: missing, malformed, with unexpected
/// columns, units or years. <see cref="Exception.Message"/> is one line,
/// <c>&lt;path&gt;:&lt;line&gt;: &lt;reason&gt;</c>, e.g.
/// <c>data/x.csv:17: year 1803 follows 1801; years must be consecutive</c>.
/// </summary>
public sealed class DataFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The file, as it was given to the loader.</param>
    /// <param name="line">1-based line number of the offending line; 0 when the problem concerns the whole file.</param>
    /// <param name="reason">One line saying what is wrong, without the location prefix.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public DataFileException(string path, int line, string reason, Exception? inner = null)
        : base(Format(path, line, reason), inner)
    {
        FilePath = path;
        Line = line;
        Reason = reason;
    }

    /// <summary>The file, as it was given to the loader.</summary>
    public string FilePath { get; }

    /// <summary>1-based line number; 0 when the problem concerns the whole file (e.g. it does not exist).</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the <c>path:line:</c> prefix.</summary>
    public string Reason { get; }

    private static string Format(string path, int line, string reason) =>
        line > 0 ? $"{path}:{line}: {reason}" : $"{path}: {reason}";
}
