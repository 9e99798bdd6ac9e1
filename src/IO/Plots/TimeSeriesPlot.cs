using ScottPlot;

namespace ClimateAD.IO.Plots;

/// <summary>
/// Renders time series (model runs, observations, uncertainty bands) to a PNG file with
/// ScottPlot, headless. Text needs a TrueType font: <see cref="PlotFonts"/> finds one or reports
/// the package to install.
/// </summary>
public static class TimeSeriesPlot
{
    /// <summary>Writes a PNG of <paramref name="series"/> to <paramref name="path"/>, creating its folder.</summary>
    /// <param name="path">Output PNG file.</param>
    /// <param name="title">Plot title.</param>
    /// <param name="xLabel">Abscissa label, e.g. <c>Year</c>.</param>
    /// <param name="yLabel">Ordinate label with units, e.g. <c>Temperature anomaly (K)</c>.</param>
    /// <param name="series">Series in drawing order.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public static void Save(string path, string title, string xLabel, string yLabel,
        IReadOnlyList<PlotSeries> series, int width = 1000, int height = 560)
    {
        PlotFonts.EnsureRegistered();
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < series.Count; i++)
        {
            var s = series[i];
            var color = palette.GetColor(i);
            if (s.Lower is not null && s.Upper is not null)
            {
                var band = plot.Add.FillY(s.Time, s.Lower, s.Upper);
                band.FillStyle.Color = color.WithAlpha(0.25);
                band.LineStyle.Width = 0;
            }
            var sc = plot.Add.Scatter(s.Time, s.Values, color);
            sc.LegendText = s.Label;
            if (s.IsObservation)
            {
                sc.LineWidth = 0;
                sc.MarkerSize = 4;
            }
            else
            {
                sc.LineWidth = 2;
                sc.MarkerSize = 0;
            }
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
        };
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperLeft);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        plot.SavePng(path, width, height);
    }
}
