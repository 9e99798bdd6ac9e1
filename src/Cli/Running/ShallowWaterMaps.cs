using System.Globalization;
using ClimateAD.IO.Netcdf;
using ClimateAD.IO.Plots;
using ClimateAD.IO.Scenarios;
using ScottPlot;

namespace ClimateAD.Cli.Running;

/// <summary>
/// Final-state maps of a grid-model run: for each of the map variables of the scenario's model that the
/// output file holds (shallow water: <c>h</c> and <c>vorticity</c>; tracer: <c>c</c>), a heatmap PNG of the
/// last record (the mean over the last output interval) on the model's centre axes (lat/lon or y/x),
/// written next to the output file as <c>&lt;stem&gt;_&lt;variable&gt;_map.png</c>. Only when the scenario
/// asks for plots (at least one <c>[[plot]]</c>).
/// </summary>
internal static class ShallowWaterMaps
{
    /// <summary>Variables mapped, in order, when the output has them.</summary>
    public static IReadOnlyList<string> MapVariables { get; } = ["h", "vorticity", "c"];

    /// <summary>Writes the maps of <paramref name="outputFile"/>; returns the PNG files written (none for non-grid models or without plots).</summary>
    public static IReadOnlyList<string> Render(Scenario scenario, string outputFile)
    {
        if (scenario.Plots.Count == 0 || scenario.Sweep is not null) return [];
        var gridVariables = scenario.Output.Variables.Where(v => v.Axes.Count == 2 && MapVariables.Contains(v.Name)).ToList();
        if (gridVariables.Count == 0) return [];
        var written = new List<string>();
        using var nc = NetcdfReader.Open(outputFile);
        if (nc.RecordCount == 0) return [];
        int last = (int)nc.RecordCount - 1;
        double days = nc.ReadVariable("time").Values[last];
        foreach (var v in gridVariables)
        {
            var yName = v.Axes[0];
            var xName = v.Axes[1];
            double[] ys = nc.ReadVariable(yName).Values, xs = nc.ReadVariable(xName).Values;
            double[] values = nc.ReadRecord(v.Name, last);
            string stem = Path.Combine(Path.GetDirectoryName(outputFile)!, Path.GetFileNameWithoutExtension(outputFile));
            string file = $"{stem}_{v.Name}_map.png";
            bool metres = v.Axes[0] == "y";
            Save(file, string.Create(CultureInfo.InvariantCulture, $"{scenario.Name}: {v.Name}, last record (mean centred on day {days:0.##})"),
                metres ? xs.Select(x => x / 1e3).ToArray() : xs, metres ? ys.Select(y => y / 1e3).ToArray() : ys, values,
                metres ? "x (km)" : "Longitude (degrees east)", metres ? "y (km)" : "Latitude (degrees north)", $"{v.Name} ({v.Units})",
                symmetric: v.Name == "vorticity");
            written.Add(file);
        }
        return written;
    }

    /// <summary>
    /// Writes a heatmap of <paramref name="values"/> (row by row, <c>x</c> fastest, first row south) with
    /// centre coordinates <paramref name="xs"/>, <paramref name="ys"/> and a colour bar.
    /// </summary>
    public static void Save(string path, string title, double[] xs, double[] ys, double[] values, string xLabel, string yLabel, string colourLabel,
        bool symmetric = false, int width = 1000, int height = 640)
    {
        PlotFonts.EnsureRegistered();
        int nx = xs.Length, ny = ys.Length;
        var data = new double[ny, nx];
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
                data[ny - 1 - j, i] = values[j * nx + i];
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(data);
        heatmap.Colormap = symmetric ? new ScottPlot.Colormaps.Balance() : new ScottPlot.Colormaps.Viridis();
        if (symmetric)
        {
            double m = values.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(1).Max();
            heatmap.ManualRange = new ScottPlot.Range(-m, m);
        }
        double dx = nx > 1 ? xs[1] - xs[0] : 1, dy = ny > 1 ? ys[1] - ys[0] : 1;
        heatmap.Extent = new CoordinateRect(xs[0] - dx / 2, xs[^1] + dx / 2, ys[0] - dy / 2, ys[^1] + dy / 2);
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = colourLabel;
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.Margins(0, 0);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        plot.SavePng(path, width, height);
    }
}
