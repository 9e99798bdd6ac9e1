using ClimateAD.Physics.Models;

namespace ClimateAD.Cli.Running;

/// <summary>
/// The records of a run kept in memory for plotting: per variable, one row of member values per
/// record, and the record times in (fractional) years.
/// </summary>
internal sealed class RecordedSeries(IReadOnlyList<OutputVariable> variables, int members)
{
    private readonly Dictionary<string, List<double[]>> _rows = variables.ToDictionary(v => v.Name, _ => new List<double[]>());
    private readonly List<double> _times = [];

    /// <summary>Members per record.</summary>
    public int Members { get; } = members;

    /// <summary>Number of records.</summary>
    public int Count => _times.Count;

    /// <summary>Record mid-times in years.</summary>
    public double[] Times => _times.ToArray();

    /// <summary>Adds one record's values of <paramref name="variable"/>.</summary>
    public void Add(string variable, ReadOnlySpan<double> values) => _rows[variable].Add(values.ToArray());

    /// <summary>Adds one record's time.</summary>
    public void AddTime(double years) => _times.Add(years);

    /// <summary>Values of one member over all records.</summary>
    public double[] Member(string variable, int member) => _rows[variable].Select(r => r[member]).ToArray();

    /// <summary>The <paramref name="q"/>-quantile (0..1) over members, per record (linear interpolation).</summary>
    public double[] Quantile(string variable, double q) => _rows[variable].Select(r =>
    {
        var s = (double[])r.Clone();
        Array.Sort(s);
        double pos = q * (s.Length - 1);
        int i = (int)Math.Floor(pos);
        return i + 1 < s.Length ? s[i] + (pos - i) * (s[i + 1] - s[i]) : s[i];
    }).ToArray();
}
