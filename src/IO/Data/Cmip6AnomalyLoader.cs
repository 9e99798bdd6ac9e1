namespace ClimateAD.IO.Data;

/// <summary>
/// Loader for the CMIP6 abrupt-4xCO2 global annual anomalies of
/// <c>data/cmip6-abrupt4xco2-anomalies-hbf</c> (processing by H.-B. Fredriksen, Fredriksen et al.
/// 2023, GRL; collected in Smith's fair-calibrate): header
/// <c>model,member,year_index,tas_K,rlut_Wm-2,rsut_Wm-2,rsdt_Wm-2</c>, one row per model year,
/// the rows of a member contiguous with <c>year_index</c> 1, 2, 3, … Fluxes are TOA anomalies
/// (upward long-wave, upward short-wave, downward short-wave); the net downward imbalance is
/// N = rsdt − rsut − rlut. Empty cells are missing values in the source (see its PROVENANCE.md)
/// and become NaN. Values must be within ±30 K and ±100 W m⁻² (larger means wrong units).
/// Every problem is a <see cref="DataFileException"/> naming the file and line.
/// </summary>
public static class Cmip6AnomalyLoader
{
    /// <summary>The expected header.</summary>
    public static IReadOnlyList<string> Header { get; } = ["model", "member", "year_index", "tas_K", "rlut_Wm-2", "rsut_Wm-2", "rsdt_Wm-2"];

    /// <summary>Largest admissible |tas anomaly|, K.</summary>
    public const double MaxAbsTemperature = 30.0;

    /// <summary>Largest admissible |flux anomaly|, W m⁻².</summary>
    public const double MaxAbsFlux = 100.0;

    /// <summary>Reads every member in the file, in file order.</summary>
    /// <exception cref="DataFileException">The file is missing or fails a check.</exception>
    public static IReadOnlyList<Cmip6AnomalySeries> Load(string path)
    {
        var csv = CsvFile.Read(path);
        var header = csv.Lines[0];
        for (int c = 0; c < Header.Count; c++)
            if (header.Cell(c) != Header[c])
                throw csv.Error(header.Number, $"column {c + 1} is '{header.Cell(c)}', expected '{Header[c]}' (header must be '{string.Join(",", Header)}')");
        if (header.Cells.Length != Header.Count)
            throw csv.Error(header.Number, $"unexpected column '{header.Cells[Header.Count]}' (header must be '{string.Join(",", Header)}')");
        var rows = csv.Lines.Skip(1).ToList();
        if (rows.Count == 0) throw csv.Error(header.Number, "header but no data rows");
        csv.RequireWidth(rows, Header.Count);

        var result = new List<Cmip6AnomalySeries>();
        var seen = new HashSet<(string, string)>();
        int i = 0;
        while (i < rows.Count)
        {
            string model = rows[i].Cells[0], member = rows[i].Cells[1];
            if (model.Length == 0) throw csv.Error(rows[i].Number, "column 'model' is empty");
            if (member.Length == 0) throw csv.Error(rows[i].Number, "column 'member' is empty");
            if (!seen.Add((model, member)))
                throw csv.Error(rows[i].Number, $"rows of {model} {member} are not contiguous (it appeared earlier in the file)");
            var tas = new List<double>();
            var toa = new List<double>();
            for (; i < rows.Count && rows[i].Cells[0] == model && rows[i].Cells[1] == member; i++)
            {
                var row = rows[i];
                int expected = tas.Count + 1;
                if (!int.TryParse(row.Cells[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int year) || year != expected)
                    throw csv.Error(row.Number, $"year_index '{row.Cells[2]}' of {model} {member}; expected {expected} (consecutive from 1)");
                tas.Add(Value(csv, row, 3, MaxAbsTemperature, "K"));
                double rlut = Value(csv, row, 4, MaxAbsFlux, "W m-2");
                double rsut = Value(csv, row, 5, MaxAbsFlux, "W m-2");
                double rsdt = Value(csv, row, 6, MaxAbsFlux, "W m-2");
                toa.Add(rsdt - rsut - rlut);
            }
            result.Add(new Cmip6AnomalySeries(model, member, [.. tas], [.. toa]));
        }
        return result;
    }

    /// <summary>
    /// One member per model, in order of first appearance: <c>r1i1p1f1</c> when it is complete for
    /// years 1..<paramref name="years"/>, otherwise the first complete member (e.g. <c>r1i1p1f2</c>
    /// for the CNRM models); models with no complete member are left out.
    /// </summary>
    public static IReadOnlyList<Cmip6AnomalySeries> OneMemberPerModel(IReadOnlyList<Cmip6AnomalySeries> all, int years)
    {
        ArgumentNullException.ThrowIfNull(all);
        return all.GroupBy(s => s.Model)
            .Select(g => g.FirstOrDefault(s => s.Member == "r1i1p1f1" && s.IsComplete(years)) ?? g.FirstOrDefault(s => s.IsComplete(years)))
            .Where(s => s is not null)
            .Select(s => s!)
            .ToList();
    }

    private static double Value(CsvFile csv, CsvLine row, int column, double limit, string units)
    {
        if (row.Cell(column).Length == 0) return double.NaN;
        double v = csv.Number(row, column, Header[column]);
        if (Math.Abs(v) > limit)
            throw csv.Error(row.Number, FormattableString.Invariant(
                $"column '{Header[column]}': {v:G6} {units} is implausible for a global-mean anomaly; it must be within ±{limit:G} {units} (wrong units?)"));
        return v;
    }
}
