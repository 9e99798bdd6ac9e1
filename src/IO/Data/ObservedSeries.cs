namespace ClimateAD.IO.Data;

/// <summary>
/// An annual observed time series with optional uncertainty: one value per consecutive calendar
/// year <see cref="FirstYear"/> .. <see cref="LastYear"/>, the value for year Y being the mean over
/// Y (files labelling years at mid-year, Y + 0.5, are mapped to Y). Uncertainty is given as a
/// 1-σ standard deviation (<see cref="Sigma"/>) and/or as lower/upper limits
/// (<see cref="Lower"/>, <see cref="Upper"/>, e.g. a 95 % range). Immutable.
/// </summary>
public sealed class ObservedSeries
{
    private readonly double[] _values;
    private readonly double[]? _sigma;
    private readonly double[]? _lower;
    private readonly double[]? _upper;

    /// <summary>Creates a series; optional arrays must have the length of <paramref name="values"/>.</summary>
    /// <param name="name">Short label, e.g. <c>HadCRUT5</c>.</param>
    /// <param name="source">File the values come from.</param>
    /// <param name="units">UDUNITS units of the values, e.g. <c>K</c> or <c>ZJ</c>.</param>
    /// <param name="reference">What the values are relative to, e.g. <c>1961-1990 mean</c>.</param>
    /// <param name="firstYear">Calendar year of the first value.</param>
    /// <param name="values">Values, one per year.</param>
    /// <param name="sigma">1-σ uncertainty per year, or <c>null</c>.</param>
    /// <param name="lower">Lower limit per year, or <c>null</c>.</param>
    /// <param name="upper">Upper limit per year, or <c>null</c>.</param>
    public ObservedSeries(string name, string source, string units, string reference, int firstYear,
        double[] values, double[]? sigma = null, double[]? lower = null, double[]? upper = null)
    {
        if (values.Length == 0) throw new ArgumentException("An observed series needs at least one value.", nameof(values));
        if ((lower is null) != (upper is null))
            throw new ArgumentException("Lower and upper limits come together.", nameof(lower));
        foreach (var (a, n) in new[] { (sigma, nameof(sigma)), (lower, nameof(lower)), (upper, nameof(upper)) })
            if (a is not null && a.Length != values.Length)
                throw new ArgumentException($"{n} has {a.Length} values, expected {values.Length}.", n);
        Name = name;
        Source = source;
        Units = units;
        Reference = reference;
        FirstYear = firstYear;
        _values = values;
        _sigma = sigma;
        _lower = lower;
        _upper = upper;
    }

    /// <summary>Short label, e.g. <c>HadCRUT5</c>.</summary>
    public string Name { get; }

    /// <summary>File the values come from.</summary>
    public string Source { get; }

    /// <summary>UDUNITS units of the values.</summary>
    public string Units { get; }

    /// <summary>What the values are relative to, e.g. <c>1961-1990 mean</c> or <c>1850-1900 mean</c>.</summary>
    public string Reference { get; }

    /// <summary>First calendar year.</summary>
    public int FirstYear { get; }

    /// <summary>Number of years.</summary>
    public int Count => _values.Length;

    /// <summary>Last calendar year (inclusive).</summary>
    public int LastYear => FirstYear + Count - 1;

    /// <summary>The values, index 0 = <see cref="FirstYear"/>.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>1-σ uncertainty, or empty when the source gives none (see <see cref="HasSigma"/>).</summary>
    public ReadOnlySpan<double> Sigma => _sigma;

    /// <summary>Lower limit, or empty when the source gives none (see <see cref="HasLimits"/>).</summary>
    public ReadOnlySpan<double> Lower => _lower;

    /// <summary>Upper limit, or empty when the source gives none.</summary>
    public ReadOnlySpan<double> Upper => _upper;

    /// <summary>True when a 1-σ uncertainty is given.</summary>
    public bool HasSigma => _sigma is not null;

    /// <summary>True when lower and upper limits are given.</summary>
    public bool HasLimits => _lower is not null;

    /// <summary>Calendar years, one per value.</summary>
    public int[] Years() => Enumerable.Range(FirstYear, Count).ToArray();

    /// <summary>True when <paramref name="year"/> is in the series.</summary>
    public bool Covers(int year) => year >= FirstYear && year <= LastYear;

    /// <summary>Value in one calendar year.</summary>
    public double this[int year]
    {
        get
        {
            if (!Covers(year))
                throw new ArgumentOutOfRangeException(nameof(year), year, $"{Source} covers {FirstYear}-{LastYear}.");
            return _values[year - FirstYear];
        }
    }

    /// <summary>The years <paramref name="firstYear"/> .. <paramref name="lastYear"/> only.</summary>
    public ObservedSeries Slice(int firstYear, int lastYear)
    {
        if (lastYear < firstYear || !Covers(firstYear) || !Covers(lastYear))
            throw new ArgumentOutOfRangeException(nameof(firstYear),
                $"{firstYear}-{lastYear} is not a year range inside {FirstYear}-{LastYear} of {Source}.");
        int start = firstYear - FirstYear, n = lastYear - firstYear + 1;
        return new ObservedSeries(Name, Source, Units, Reference, firstYear, _values[start..(start + n)],
            _sigma?[start..(start + n)], _lower?[start..(start + n)], _upper?[start..(start + n)]);
    }

    /// <summary>
    /// The series relative to the mean over <paramref name="period"/>: that mean is subtracted
    /// from the values and from the limits; <see cref="Sigma"/> is unchanged.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The series does not cover the whole period.</exception>
    public ObservedSeries Rebase(ReferencePeriod period)
    {
        double mean = period.MeanOf(_values, FirstYear);
        return new ObservedSeries(Name, Source, Units, $"{period} mean", FirstYear,
            Shift(_values, mean)!, _sigma is null ? null : (double[])_sigma.Clone(), Shift(_lower, mean), Shift(_upper, mean));
    }

    private static double[]? Shift(double[]? a, double by) => a?.Select(x => x - by).ToArray();
}
