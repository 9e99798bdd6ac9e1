namespace ClimateAD.IO.Data;

/// <summary>
/// A reference period of whole calendar years, <see cref="FirstYear"/> .. <see cref="LastYear"/>
/// inclusive (e.g. 1850-1900, the AR6 pre-industrial baseline). Anomalies are rebased by
/// subtracting their mean over the period, so that the rebased series averages to zero there.
/// </summary>
/// <param name="FirstYear">First year of the period.</param>
/// <param name="LastYear">Last year of the period (inclusive), ≥ <paramref name="FirstYear"/>.</param>
public readonly record struct ReferencePeriod(int FirstYear, int LastYear)
{
    /// <summary>Number of years in the period.</summary>
    public int Length => LastYear - FirstYear + 1;

    /// <summary>Mean of an annual series over the period.</summary>
    /// <param name="values">Annual values.</param>
    /// <param name="valuesFirstYear">Calendar year of <paramref name="values"/>[0].</param>
    /// <exception cref="ArgumentOutOfRangeException">The period is empty or not inside the series.</exception>
    public double MeanOf(ReadOnlySpan<double> values, int valuesFirstYear)
    {
        int valuesLastYear = valuesFirstYear + values.Length - 1;
        if (LastYear < FirstYear || FirstYear < valuesFirstYear || LastYear > valuesLastYear)
            throw new ArgumentOutOfRangeException(nameof(values),
                $"Reference period {this} is not inside the series {valuesFirstYear}-{valuesLastYear}.");
        double sum = 0;
        foreach (double v in values.Slice(FirstYear - valuesFirstYear, Length)) sum += v;
        return sum / Length;
    }

    /// <summary>
    /// Mean over the period of a series sampled at arbitrary times (in years, e.g. record mid-points
    /// 1850.5, 1851.5, … or sub-annual records): the plain mean of samples with
    /// <see cref="FirstYear"/> ≤ t &lt; <see cref="LastYear"/> + 1.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ or no sample falls in the period.</exception>
    public double MeanOf(ReadOnlySpan<double> times, ReadOnlySpan<double> values)
    {
        if (times.Length != values.Length)
            throw new ArgumentException($"{times.Length} times but {values.Length} values.", nameof(values));
        double sum = 0;
        int n = 0;
        for (int i = 0; i < times.Length; i++)
        {
            if (times[i] < FirstYear || times[i] >= LastYear + 1) continue;
            sum += values[i];
            n++;
        }
        if (n == 0) throw new ArgumentException($"No sample falls in the reference period {this}.", nameof(times));
        return sum / n;
    }

    /// <summary>An annual series minus its mean over the period.</summary>
    public double[] Rebase(ReadOnlySpan<double> values, int valuesFirstYear)
    {
        double mean = MeanOf(values, valuesFirstYear);
        var result = new double[values.Length];
        for (int i = 0; i < result.Length; i++) result[i] = values[i] - mean;
        return result;
    }

    /// <summary>A series sampled at <paramref name="times"/> minus its mean over the period.</summary>
    public double[] Rebase(ReadOnlySpan<double> times, ReadOnlySpan<double> values)
    {
        double mean = MeanOf(times, values);
        var result = new double[values.Length];
        for (int i = 0; i < result.Length; i++) result[i] = values[i] - mean;
        return result;
    }

    /// <summary>The period as <c>1850-1900</c>.</summary>
    public override string ToString() => $"{FirstYear}-{LastYear}";
}
