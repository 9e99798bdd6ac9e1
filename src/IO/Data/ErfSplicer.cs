using ClimateAD.Physics.Forcing;

namespace ClimateAD.IO.Data;

/// <summary>
/// Joins several <see cref="ErfTable"/>s end to end into one table for a year range, e.g. the IGCC
/// 2024 assessment to 2024 followed by SSP2-4.5 from 2025. Sources are taken in order; each one
/// contributes the years of its window (<see cref="ErfSource.FirstYear"/> ..
/// <see cref="ErfSource.LastYear"/>), windows must follow one another without gap or overlap,
/// and each window must lie inside its table. No smoothing is applied at a joint: where the two
/// sources disagree the forcing jumps (IGCC 2024 total ERF in 2024 is 3.30 W m⁻²; AR6 SSP2-4.5 has
/// 3.07 W m⁻², mostly because its volcanic ERF is ramped to zero by 2025).
/// </summary>
public static class ErfSplicer
{
    /// <summary>The window (first, last year) each source contributes, after applying the defaults.</summary>
    /// <exception cref="ArgumentException">A window is empty, outside its table, or does not follow the previous one.</exception>
    public static IReadOnlyList<(int FirstYear, int LastYear)> Windows(IReadOnlyList<ErfSource> sources)
    {
        if (sources.Count == 0) throw new ArgumentException("At least one ERF source is needed.", nameof(sources));
        var windows = new List<(int, int)>(sources.Count);
        for (int i = 0; i < sources.Count; i++)
        {
            var s = sources[i];
            int first = s.FirstYear ?? (i == 0 ? s.Table.FirstYear : windows[i - 1].Item2 + 1);
            int last = s.LastYear ?? s.Table.LastYear;
            string what = $"ERF source {i + 1} ({s.Table.Source}, {s.Table.FirstYear}-{s.Table.LastYear})";
            if (first < s.Table.FirstYear || first > s.Table.LastYear)
                throw new ArgumentException($"{what}: first year {first} is outside the table.");
            if (last < s.Table.FirstYear || last > s.Table.LastYear)
                throw new ArgumentException($"{what}: last year {last} is outside the table.");
            if (last < first)
                throw new ArgumentException($"{what}: last year {last} is before first year {first}.");
            if (i > 0 && first != windows[i - 1].Item2 + 1)
                throw new ArgumentException(first <= windows[i - 1].Item2
                    ? $"{what}: first year {first} overlaps source {i}, which runs to {windows[i - 1].Item2}."
                    : $"{what}: first year {first} leaves a gap after source {i}, which ends in {windows[i - 1].Item2}.");
            windows.Add((first, last));
        }
        return windows;
    }

    /// <summary>
    /// One table for <paramref name="firstYear"/> .. <paramref name="lastYear"/>, each year taken from
    /// the source whose window holds it. A component is reported as missing only if every source
    /// that contributes lacks it.
    /// </summary>
    /// <exception cref="ArgumentException">The windows are inconsistent (see <see cref="Windows"/>) or do not cover the range.</exception>
    public static ErfTable Splice(IReadOnlyList<ErfSource> sources, int firstYear, int lastYear)
    {
        if (lastYear < firstYear)
            throw new ArgumentException($"Last year {lastYear} is before first year {firstYear}.", nameof(lastYear));
        var windows = Windows(sources);
        if (firstYear < windows[0].FirstYear || lastYear > windows[^1].LastYear)
            throw new ArgumentException(
                $"The ERF sources cover {windows[0].FirstYear}-{windows[^1].LastYear}, which does not include {firstYear}-{lastYear}.");

        int n = lastYear - firstYear + 1;
        var series = new Dictionary<ErfComponent, double[]>();
        var parts = new List<string>();
        for (int i = 0; i < sources.Count; i++)
        {
            int from = Math.Max(windows[i].FirstYear, firstYear);
            int to = Math.Min(windows[i].LastYear, lastYear);
            if (from > to) continue;
            var table = sources[i].Table;
            parts.Add($"{table.Source} [{from}-{to}]");
            foreach (var c in Enum.GetValues<ErfComponent>())
            {
                if (table.Missing.Contains(c)) continue;
                if (!series.TryGetValue(c, out var values)) series[c] = values = new double[n];
                table.Series(c).Slice(from - table.FirstYear, to - from + 1).CopyTo(values.AsSpan(from - firstYear));
            }
        }
        return new ErfTable(string.Join(" + ", parts), firstYear, series);
    }
}
