using System.Globalization;

namespace ClimateAD.IO.Data;

/// <summary>
/// A small comma-separated file read whole, keeping 1-based line numbers for messages. Handles a
/// UTF-8 byte-order mark, CRLF or LF line endings, blank lines (skipped) and double-quoted cells.
/// </summary>
internal sealed class CsvFile
{
    private CsvFile(string path, IReadOnlyList<CsvLine> lines)
    {
        Path = path;
        Lines = lines;
    }

    /// <summary>The file as given to <see cref="Read"/>.</summary>
    public string Path { get; }

    /// <summary>Non-blank lines in file order.</summary>
    public IReadOnlyList<CsvLine> Lines { get; }

    /// <summary>Reads the file; throws <see cref="DataFileException"/> if it is missing, unreadable or empty.</summary>
    public static CsvFile Read(string path)
    {
        if (!File.Exists(path))
            throw new DataFileException(path, 0, Directory.Exists(path) ? "is a folder, not a file" : "file not found");
        string[] raw;
        try
        {
            raw = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, 0, "cannot be read: " + e.Message, e);
        }
        var lines = new List<CsvLine>(raw.Length);
        for (int i = 0; i < raw.Length; i++)
        {
            string text = raw[i];
            if (i == 0 && text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
            if (text.Trim().Length == 0) continue;
            lines.Add(new CsvLine(i + 1, Split(path, i + 1, text)));
        }
        if (lines.Count == 0) throw new DataFileException(path, 0, "file is empty");
        return new CsvFile(path, lines);
    }

    /// <summary>Throws a <see cref="DataFileException"/> for this file.</summary>
    public DataFileException Error(int line, string reason) => new(Path, line, reason);

    /// <summary>Parses a cell as a finite number.</summary>
    public double Number(CsvLine line, int column, string columnName)
    {
        string cell = line.Cell(column);
        if (cell.Length == 0)
            throw Error(line.Number, $"column '{columnName}' is empty; a number is required");
        if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
            throw Error(line.Number, $"column '{columnName}': '{cell}' is not a number");
        if (!double.IsFinite(v))
            throw Error(line.Number, $"column '{columnName}': '{cell}' is not finite");
        return v;
    }

    /// <summary>
    /// Parses a year cell: a whole year (<c>1850</c>) or a mid-year label (<c>1850.5</c>, the annual
    /// mean of 1850), returning the calendar year and whether it was a mid-year label.
    /// </summary>
    public (int Year, bool MidYear) Year(CsvLine line, int column)
    {
        string cell = line.Cell(column);
        if (int.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int y))
            return (y, false);
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d)
            && Math.Abs(d) < 1e6)
        {
            double whole = Math.Floor(d);
            if (d == whole) return ((int)whole, false);
            if (d - whole == 0.5) return ((int)whole, true);
            throw Error(line.Number, $"year '{cell}' is neither a whole year nor a mid-year label (e.g. 1850.5)");
        }
        throw Error(line.Number, $"year '{cell}' is not a number");
    }

    /// <summary>
    /// Reads the years in column <paramref name="column"/> of <paramref name="rows"/> and checks that
    /// they are consecutive and use one labelling convention (whole or mid-year) throughout.
    /// </summary>
    public int[] ConsecutiveYears(IReadOnlyList<CsvLine> rows, int column)
    {
        var years = new int[rows.Count];
        bool? midYear = null;
        for (int i = 0; i < rows.Count; i++)
        {
            var (y, mid) = Year(rows[i], column);
            if (midYear is null) midYear = mid;
            else if (midYear != mid)
                throw Error(rows[i].Number, $"year '{rows[i].Cell(column)}' mixes whole-year and mid-year (.5) labels");
            if (i > 0 && y != years[i - 1] + 1)
                throw Error(rows[i].Number, $"year {y} follows {years[i - 1]}; years must be consecutive");
            years[i] = y;
        }
        return years;
    }

    /// <summary>Checks that every row has as many cells as the header.</summary>
    public void RequireWidth(IReadOnlyList<CsvLine> rows, int width)
    {
        foreach (var row in rows)
            if (row.Cells.Length != width)
                throw Error(row.Number, $"has {row.Cells.Length} cells, the header has {width}");
    }

    private static string[] Split(string path, int lineNumber, string text)
    {
        if (!text.Contains('"')) return text.Split(',').Select(c => c.Trim()).ToArray();
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { cells.Add(cell.ToString().Trim()); cell.Clear(); }
            else cell.Append(ch);
        }
        if (quoted) throw new DataFileException(path, lineNumber, "unterminated quoted cell");
        cells.Add(cell.ToString().Trim());
        return cells.ToArray();
    }
}

/// <summary>One non-blank line of a <see cref="CsvFile"/>.</summary>
/// <param name="Number">1-based line number in the file.</param>
/// <param name="Cells">Cells, trimmed.</param>
internal sealed record CsvLine(int Number, string[] Cells)
{
    /// <summary>The cell at <paramref name="column"/>, or empty if the line is short.</summary>
    public string Cell(int column) => column < Cells.Length ? Cells[column] : "";
}
