using System.Globalization;
using System.Text;

namespace ClimateAD.Calibration.Experiments;

/// <summary>Statistics of a twin experiment over noise realisations: median relative error and 2σ coverage per parameter, model runs used.</summary>
public sealed class TwinSummary
{
    /// <summary>Summarises <paramref name="outcomes"/> (all of one method).</summary>
    public TwinSummary(IReadOnlyList<TwinOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0) throw new ArgumentException("No outcomes.", nameof(outcomes));
        Outcomes = outcomes;
        Names = outcomes[0].Names;
        int p = Names.Count;
        MedianRelativeErrors = new double[p];
        Coverage = new double[p];
        for (int i = 0; i < p; i++)
        {
            MedianRelativeErrors[i] = Median(outcomes.Select(o => o.RelativeErrors[i]));
            Coverage[i] = outcomes.Count(o => o.Covered[i]) / (double)outcomes.Count;
        }
        OverallCoverage = outcomes.Sum(o => o.Covered.Count(c => c)) / (double)(outcomes.Count * p);
        MaxRuns = outcomes.Max(o => o.Counts.ForwardEquivalentRuns);
        MedianRuns = Median(outcomes.Select(o => o.Counts.ForwardEquivalentRuns));
    }

    /// <summary>The outcomes.</summary>
    public IReadOnlyList<TwinOutcome> Outcomes { get; }

    /// <summary>Free parameter names.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Median over realisations of |estimate − truth|/truth, per parameter.</summary>
    public double[] MedianRelativeErrors { get; }

    /// <summary>Fraction of realisations whose ±2σ interval covers the truth, per parameter.</summary>
    public double[] Coverage { get; }

    /// <summary>Fraction of all (realisation, parameter) intervals covering the truth.</summary>
    public double OverallCoverage { get; }

    /// <summary>Largest number of forward-equivalent runs of one calibration.</summary>
    public double MaxRuns { get; }

    /// <summary>Median number of forward-equivalent runs of one calibration.</summary>
    public double MedianRuns { get; }

    /// <summary>A Markdown table: parameter, median relative error, 2σ coverage.</summary>
    public string ToMarkdown()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"method {Outcomes[0].Method}: {Outcomes.Count} realisations, forward-equivalent runs median {MedianRuns:F1}, max {MaxRuns:F1}; overall 2σ coverage {OverallCoverage:P0}");
        sb.AppendLine("| parameter | median relative error | 2σ coverage |");
        sb.AppendLine("|---|---|---|");
        for (int i = 0; i < Names.Count; i++)
            sb.AppendLine(inv, $"| {Names[i]} | {MedianRelativeErrors[i]:P2} | {Coverage[i]:P0} |");
        return sb.ToString();
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToArray();
        int n = v.Length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
