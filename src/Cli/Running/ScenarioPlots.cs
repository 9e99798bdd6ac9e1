using ClimateAD.IO.Plots;
using ClimateAD.IO.Scenarios;

namespace ClimateAD.Cli.Running;

/// <summary>
/// Renders a scenario's <c>[[plot]]</c> entries from the recorded series: the model (a line, or
/// for an ensemble the median with a 5–95 % band) and the observations with their uncertainty,
/// both relative to the plot's reference period when it has one.
/// </summary>
internal static class ScenarioPlots
{
    /// <summary>Writes every plot of <paramref name="scenario"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Render(Scenario scenario, RecordedSeries series)
    {
        var written = new List<string>();
        foreach (var plot in scenario.Plots)
        {
            var t = series.Times;
            string name = plot.Variable.Name;
            bool ensemble = series.Members > 1;
            double[] central = ensemble ? series.Quantile(name, 0.5) : series.Member(name, 0);
            double[]? lower = ensemble ? series.Quantile(name, 0.05) : null;
            double[]? upper = ensemble ? series.Quantile(name, 0.95) : null;
            double offset = plot.ReferencePeriod is { } rp ? rp.MeanOf(t, central) : 0.0;
            var lines = new List<PlotSeries>
            {
                new(ensemble ? $"{scenario.Model.Name} median, 5-95 % ({series.Members} members)" : scenario.Model.Name,
                    t, Shift(central, offset), lower is null ? null : Shift(lower, offset), upper is null ? null : Shift(upper, offset)),
            };
            if (plot.ObservationsToDraw() is { } obs)
            {
                var years = obs.Years().Select(y => y + 0.5).ToArray();
                lines.Add(new(plot.Observations!.Label, years, obs.Values.ToArray(),
                    obs.HasLimits ? obs.Lower.ToArray() : null, obs.HasLimits ? obs.Upper.ToArray() : null, IsObservation: true));
            }
            string yLabel = $"{plot.Variable.Name} ({plot.Variable.Units})"
                + (plot.ReferencePeriod is { } r ? $", relative to {r}" : "");
            TimeSeriesPlot.Save(plot.File, plot.Title,
                scenario.Time.Unit.IsCalendarYear ? "Year" : $"Time ({scenario.Time.Unit.Symbol})", yLabel, lines);
            written.Add(plot.File);
        }
        return written;
    }

    private static double[] Shift(double[] v, double offset) => v.Select(x => x - offset).ToArray();
}
