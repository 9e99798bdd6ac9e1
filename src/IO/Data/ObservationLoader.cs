namespace ClimateAD.IO.Data;

/// <summary>
/// Loaders for observed annual series, each checking the header (column names and the units it
/// states), consecutive years, finite values within a plausible range for the units, and the
/// consistency of the uncertainty columns. Years labelled at mid-year (1850.5) are mapped to the
/// calendar year (1850).
/// </summary>
public static class ObservationLoader
{
    /// <summary>Largest admissible |temperature anomaly|, K; a larger value means wrong units.</summary>
    public const double MaxAbsTemperatureAnomaly = 10.0;

    /// <summary>Largest admissible |ocean heat content change|, ZJ; a larger value means wrong units (e.g. joules).</summary>
    public const double MaxAbsOceanHeatContent = 10_000.0;

    /// <summary>Ratio of a Gaussian 95 % interval's width to σ: 2 × 1.96.</summary>
    public const double Width95ToSigma = 3.92;

    /// <summary>Ocean layers of the OHC files, as named in their headers; the last is the default.</summary>
    public static IReadOnlyList<string> OceanLayers { get; } = ["0-700m", "700-2000m", ">2000m", "Full-depth"];

    /// <summary>Default ocean layer: <c>Full-depth</c>.</summary>
    public const string DefaultOceanLayer = "Full-depth";

    private static readonly (ObservationKind Kind, string Name)[] Kinds =
    [
        (ObservationKind.HadCrut5, "hadcrut5"),
        (ObservationKind.IgccGmst, "igcc-gmst"),
        (ObservationKind.OhcAr6, "ohc-ar6"),
        (ObservationKind.OhcIgcc, "ohc-igcc"),
    ];

    /// <summary>Scenario names of the kinds, in order: <c>hadcrut5, igcc-gmst, ohc-ar6, ohc-igcc</c>.</summary>
    public static IReadOnlyList<string> KindNames { get; } = Kinds.Select(k => k.Name).ToArray();

    /// <summary>The scenario name of a kind.</summary>
    public static string KindName(ObservationKind kind) => Kinds.First(k => k.Kind == kind).Name;

    /// <summary>The kind with this scenario name, or <c>null</c>.</summary>
    public static ObservationKind? ParseKind(string name)
    {
        foreach (var (kind, n) in Kinds)
            if (n == name) return kind;
        return null;
    }

    /// <summary>Units of the values a kind yields (<c>K</c> or <c>ZJ</c>).</summary>
    public static string UnitsOf(ObservationKind kind) =>
        kind is ObservationKind.OhcAr6 or ObservationKind.OhcIgcc ? "ZJ" : "K";

    /// <summary>Loads a file of the given kind.</summary>
    /// <param name="kind">File format.</param>
    /// <param name="path">The file.</param>
    /// <param name="oceanLayer">For the OHC kinds: one of <see cref="OceanLayers"/>; ignored otherwise.</param>
    /// <exception cref="DataFileException">The file is missing or fails a check.</exception>
    public static ObservedSeries Load(ObservationKind kind, string path, string oceanLayer = DefaultOceanLayer) => kind switch
    {
        ObservationKind.HadCrut5 => LoadHadCrut5(path),
        ObservationKind.IgccGmst => LoadIgccGmst(path),
        ObservationKind.OhcAr6 => LoadOceanHeatContent(path, oceanLayer, "AR6 OHC"),
        ObservationKind.OhcIgcc => LoadOceanHeatContent(path, oceanLayer, "IGCC OHC"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown observation kind."),
    };

    /// <summary>
    /// HadCRUT5 analysis summary series, global annual (Morice et al. 2021): header
    /// <c>Time,Anomaly (deg C),Lower confidence limit (2.5%),Upper confidence limit (97.5%)</c>;
    /// values in K relative to 1961-1990. σ = (upper − lower)/3.92. Note: in the file shipped in
    /// <c>data/hadcrut5</c> the 2024 row is a partial year (see its PROVENANCE.md).
    /// </summary>
    /// <exception cref="DataFileException">The file is missing or fails a check.</exception>
    public static ObservedSeries LoadHadCrut5(string path)
    {
        var csv = CsvFile.Read(path);
        var header = csv.Lines[0];
        RequireHeader(csv, header, ["Time", "Anomaly (deg C)", "Lower confidence limit (2.5%)", "Upper confidence limit (97.5%)"]);
        var rows = Rows(csv, header);
        int[] years = csv.ConsecutiveYears(rows, 0);
        int n = rows.Count;
        double[] values = new double[n], lower = new double[n], upper = new double[n], sigma = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = Temperature(csv, rows[i], 1, header.Cells[1]);
            lower[i] = Temperature(csv, rows[i], 2, header.Cells[2]);
            upper[i] = Temperature(csv, rows[i], 3, header.Cells[3]);
            if (!(lower[i] <= values[i] && values[i] <= upper[i]))
                throw csv.Error(rows[i].Number, FormattableString.Invariant(
                    $"anomaly {values[i]:G6} is not between its limits {lower[i]:G6} and {upper[i]:G6}"));
            sigma[i] = (upper[i] - lower[i]) / Width95ToSigma;
        }
        return new ObservedSeries("HadCRUT5", path, "K", "1961-1990 mean", years[0], values, sigma, lower, upper);
    }

    /// <summary>
    /// GMST of the Indicators of Global Climate Change 2024 (Forster et al. 2025): header
    /// <c>year,gmst</c> (the file starts with a byte-order mark), mid-year labels, K relative to
    /// 1850-1900, no uncertainty. Also reads the HadCRUT5 series rebased to 1850-1900 that ships
    /// beside it (same header, whole-year labels).
    /// </summary>
    /// <exception cref="DataFileException">The file is missing or fails a check.</exception>
    public static ObservedSeries LoadIgccGmst(string path)
    {
        var csv = CsvFile.Read(path);
        var header = csv.Lines[0];
        RequireHeader(csv, header, ["year", "gmst"]);
        var rows = Rows(csv, header);
        int[] years = csv.ConsecutiveYears(rows, 0);
        var values = rows.Select(r => Temperature(csv, r, 1, "gmst")).ToArray();
        string name = Path.GetFileName(path).StartsWith("HadCRUT", StringComparison.OrdinalIgnoreCase) ? "HadCRUT5" : "IGCC 2024";
        return new ObservedSeries(name, path, "K", "1850-1900 mean", years[0], values);
    }

    /// <summary>
    /// Ocean heat content ensemble of AR6 (Palmer et al., AR6 WG1 Box 7.2) or its IGCC update: a
    /// title line that must say the values are in Zettajoules (ZJ, 10²¹ J) relative to the 1971
    /// average, then <c>Year, Central Estimate 0-700m, 0-700m Uncertainty (1-sigma), …,
    /// Central Estimate Full-depth, Full-depth Uncertainty (1-sigma)</c>, mid-year labels.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="layer">One of <see cref="OceanLayers"/>; default <c>Full-depth</c>.</param>
    /// <param name="name">Label of the series.</param>
    /// <exception cref="DataFileException">The file is missing or fails a check.</exception>
    public static ObservedSeries LoadOceanHeatContent(string path, string layer = DefaultOceanLayer, string name = "OHC")
    {
        if (!OceanLayers.Contains(layer))
            throw new ArgumentException($"Unknown ocean layer '{layer}' (expected {string.Join(", ", OceanLayers)}).", nameof(layer));
        var csv = CsvFile.Read(path);
        var title = csv.Lines[0];
        string titleText = string.Join(",", title.Cells);
        if (!titleText.Contains("Zettajoules", StringComparison.OrdinalIgnoreCase))
            throw csv.Error(title.Number, $"title line does not say the units are Zettajoules: '{titleText}'");
        if (!titleText.Contains("relative to the 1971", StringComparison.OrdinalIgnoreCase))
            throw csv.Error(title.Number, $"title line does not say the values are relative to 1971: '{titleText}'");
        if (csv.Lines.Count < 2) throw csv.Error(title.Number, "title line but no header line");
        var header = csv.Lines[1];
        if (header.Cells[0] != "Year") throw csv.Error(header.Number, $"first column is '{header.Cells[0]}', expected 'Year'");
        int valueColumn = Array.IndexOf(header.Cells, "Central Estimate " + layer);
        if (valueColumn < 0) throw csv.Error(header.Number, $"missing column 'Central Estimate {layer}'");
        // The AR6 file's 700-2000m uncertainty header lacks its closing parenthesis, so match the prefix.
        int sigmaColumn = Array.FindIndex(header.Cells, c => c.StartsWith(layer + " Uncertainty (1-sigma", StringComparison.Ordinal));
        if (sigmaColumn < 0) throw csv.Error(header.Number, $"missing column '{layer} Uncertainty (1-sigma)'");
        var rows = csv.Lines.Skip(2).ToList();
        if (rows.Count == 0) throw csv.Error(header.Number, "header but no data rows");
        csv.RequireWidth(rows, header.Cells.Length);
        int[] years = csv.ConsecutiveYears(rows, 0);
        int n = rows.Count;
        double[] values = new double[n], sigma = new double[n];
        string sigmaName = header.Cells[sigmaColumn];
        for (int i = 0; i < n; i++)
        {
            values[i] = csv.Number(rows[i], valueColumn, header.Cells[valueColumn]);
            if (Math.Abs(values[i]) >= MaxAbsOceanHeatContent)
                throw csv.Error(rows[i].Number, FormattableString.Invariant(
                    $"column '{header.Cells[valueColumn]}': {values[i]:G6} ZJ is implausible; |OHC change| must be < {MaxAbsOceanHeatContent:G} ZJ (wrong units?)"));
            sigma[i] = csv.Number(rows[i], sigmaColumn, sigmaName);
            if (sigma[i] < 0 || sigma[i] >= MaxAbsOceanHeatContent)
                throw csv.Error(rows[i].Number, FormattableString.Invariant(
                    $"column '{sigmaName}': {sigma[i]:G6} ZJ is not a plausible 1-sigma uncertainty (0 to {MaxAbsOceanHeatContent:G} ZJ)"));
        }
        return new ObservedSeries($"{name} {layer}", path, "ZJ", "1971 mean", years[0], values, sigma);
    }

    private static void RequireHeader(CsvFile csv, CsvLine header, string[] expected)
    {
        for (int c = 0; c < expected.Length; c++)
            if (c >= header.Cells.Length || header.Cells[c] != expected[c])
                throw csv.Error(header.Number,
                    $"column {c + 1} is '{header.Cell(c)}', expected '{expected[c]}' (header must be '{string.Join(",", expected)}')");
        if (header.Cells.Length != expected.Length)
            throw csv.Error(header.Number, $"unexpected column '{header.Cells[expected.Length]}' (header must be '{string.Join(",", expected)}')");
    }

    private static List<CsvLine> Rows(CsvFile csv, CsvLine header)
    {
        var rows = csv.Lines.Skip(1).ToList();
        if (rows.Count == 0) throw csv.Error(header.Number, "header but no data rows");
        csv.RequireWidth(rows, header.Cells.Length);
        return rows;
    }

    private static double Temperature(CsvFile csv, CsvLine row, int column, string name)
    {
        double v = csv.Number(row, column, name);
        if (Math.Abs(v) >= MaxAbsTemperatureAnomaly)
            throw csv.Error(row.Number, FormattableString.Invariant(
                $"column '{name}': {v:G6} K is implausible for a global-mean anomaly; it must be within ±{MaxAbsTemperatureAnomaly:G} K (wrong units?)"));
        return v;
    }
}
