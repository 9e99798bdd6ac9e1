namespace ClimateAD.Physics.Forcing;

/// <summary>
/// Annual-mean effective radiative forcing by component, W m⁻², for consecutive calendar years
/// <see cref="FirstYear"/> .. <see cref="LastYear"/>; the value for year Y is the mean over Y
/// (files that label years at mid-year, Y + 0.5, are mapped to Y). Built by the data loaders
/// in <c>ClimateAD.IO.Data</c>; every component of <see cref="ErfComponent"/> is present
/// (a component a source does not report is zero and listed in <see cref="Missing"/>).
/// </summary>
public sealed class ErfTable
{
    private readonly Dictionary<ErfComponent, double[]> _series;

    /// <summary>Creates a table; every series must have the same length.</summary>
    /// <param name="source">File or description the values come from (for messages and output attributes).</param>
    /// <param name="firstYear">Calendar year of the first value.</param>
    /// <param name="series">Values by component, W m⁻²; absent components are set to zero.</param>
    public ErfTable(string source, int firstYear, IReadOnlyDictionary<ErfComponent, double[]> series)
    {
        Source = source;
        FirstYear = firstYear;
        int n = series.Count == 0 ? 0 : series.Values.First().Length;
        _series = new Dictionary<ErfComponent, double[]>();
        var missing = new List<ErfComponent>();
        foreach (var c in Enum.GetValues<ErfComponent>())
        {
            if (series.TryGetValue(c, out var v))
            {
                if (v.Length != n) throw new ArgumentException($"ERF component {c} has {v.Length} values, expected {n}.");
                _series[c] = v;
            }
            else
            {
                _series[c] = new double[n];
                missing.Add(c);
            }
        }
        Count = n;
        Missing = missing;
    }

    /// <summary>Where the values come from.</summary>
    public string Source { get; }

    /// <summary>First calendar year.</summary>
    public int FirstYear { get; }

    /// <summary>Number of years.</summary>
    public int Count { get; }

    /// <summary>Last calendar year (inclusive).</summary>
    public int LastYear => FirstYear + Count - 1;

    /// <summary>Components the source did not report (held as zero).</summary>
    public IReadOnlyList<ErfComponent> Missing { get; }

    /// <summary>The whole series of one component, W m⁻², index 0 = <see cref="FirstYear"/>.</summary>
    public ReadOnlySpan<double> Series(ErfComponent component) => _series[component];

    /// <summary>ERF of one component in one calendar year, W m⁻².</summary>
    public double this[ErfComponent component, int year]
    {
        get
        {
            if (year < FirstYear || year > LastYear)
                throw new ArgumentOutOfRangeException(nameof(year), year, $"{Source} covers {FirstYear}-{LastYear}.");
            return _series[component][year - FirstYear];
        }
    }

    /// <summary>Sum over all components in one year, W m⁻².</summary>
    public double Total(int year) => Enum.GetValues<ErfComponent>().Sum(c => this[c, year]);
}
