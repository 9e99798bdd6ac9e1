using System.Globalization;
using ClimateAD.IO.Netcdf;
using ClimateAD.IO.Plots;
using ClimateAD.IO.Scenarios;
using ClimateAD.Physics.LatitudeEbm;

namespace ClimateAD.Cli.Running;

/// <summary>
/// Runs a <c>[sweep]</c> scenario (<see cref="SweepSpec"/>): the latitude EBM's equilibria followed
/// down and up in the solar constant (<see cref="SolarHysteresis.Sweep"/>). The output file has
/// dimensions <c>branch</c> (0 = sweeping down from a warm start, 1 = sweeping up from a snowball start)
/// and the swept parameter (ascending), the branch ends and the bistable range as global attributes;
/// each plot shows the variable against the swept parameter, both branches.
/// </summary>
internal static class SweepRunner
{
    /// <summary>Variables a sweep can write.</summary>
    public static IReadOnlyList<string> Variables { get; } = ["tas_global", "ice_edge"];

    /// <summary>Runs the sweep of <paramref name="scenario"/>; returns what it wrote.</summary>
    public static ScenarioRunner.Result Run(Scenario scenario, ScenarioRunner.Options options)
    {
        var sweep = scenario.Sweep!;
        if (scenario.Model.Name != LatitudeEbmScenarioModel.Name)
            throw new UserErrorException($"{scenario.DisplayFile}: model {scenario.Model.Name} has no sweep");
        foreach (var v in scenario.Output.Variables)
            if (!Variables.Contains(v.Name))
                throw new UserErrorException($"{scenario.DisplayFile}: a sweep writes {string.Join(", ", Variables)}, not {v.Name}");
        if (scenario.Files.ContainsKey(LatitudeEbmScenarioModel.CorrectionNetwork))
            throw new UserErrorException($"{scenario.DisplayFile}: [model] correction_network is not supported in a [sweep] (equilibria with a correction term are not implemented); run the model in time instead");
        var (model, theta, _) = LatitudeEbmRun.Build(scenario);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = SolarHysteresis.Sweep(model, theta, sweep.Lower, sweep.Upper, sweep.Step, sweep.Resolution);
        watch.Stop();

        int n = result.Increasing.Count;
        var s0 = result.Increasing.Select(p => p.SolarConstant).ToArray();
        var down = result.Decreasing.Reverse().ToArray();
        double Value(SolarHysteresisPoint p, string name) => name == "tas_global" ? p.GlobalMeanTemperature : p.NorthernIceEdge;

        string path = options.OutputOverride is { } o ? Path.GetFullPath(o) : scenario.Output.File;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var ci = CultureInfo.InvariantCulture;
        var spec = scenario.Model.Parameters.Find(sweep.Parameter)!;
        var schema = new NetcdfSchema
        {
            GlobalAttributes =
            [
                new("Conventions", "CF-1.8"),
                new("title", $"{scenario.Name}: equilibria of {scenario.Model.Name} swept in {sweep.Parameter}"),
                new("source", $"ClimateAD {OutputSchema.CodeVersion}, model {scenario.Model.Name}"),
                new("history", $"{DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", ci)} {options.CommandLine}"),
                new("scenario", scenario.Text),
                new("scenario_file", scenario.DisplayFile),
                new("model", scenario.Model.Name),
                new("warm_branch_limit", result.WarmBranchLimit),
                new("snowball_limit", result.SnowballLimit),
                new("bistable", result.IsBistable ? "yes" : "no"),
                new("limit_resolution", result.Resolution),
                .. scenario.Model.Parameters.Select((p, i) => new NetcdfAttribute("parameter_" + p.Name, scenario.Parameters.ToArray()[i])),
            ],
            Dimensions =
            [
                NetcdfDimension.Coordinate("branch", [0.0, 1.0], "1", "0 = equilibria followed down from a warm start, 1 = up from a snowball start"),
                NetcdfDimension.Coordinate(sweep.Parameter, s0, spec.Units, spec.Description),
            ],
            Variables = scenario.Output.Variables.Select(v => new NetcdfVariable(v.Name, ["branch", sweep.Parameter], v.Units, v.LongName)
                { StandardName = v.StandardName }).Append(new NetcdfVariable("is_snowball", ["branch", sweep.Parameter], "1", "1 where the equilibrium is fully ice-covered")).ToList(),
        };
        using (var writer = NetcdfWriter.Create(path, schema))
        {
            foreach (var v in scenario.Output.Variables)
                writer.WriteStatic(v.Name, [.. down.Select(p => Value(p, v.Name)), .. result.Increasing.Select(p => Value(p, v.Name))]);
            writer.WriteStatic("is_snowball", [.. down.Select(p => p.IsSnowball ? 1.0 : 0.0), .. result.Increasing.Select(p => p.IsSnowball ? 1.0 : 0.0)]);
            writer.Complete();
        }

        var plots = new List<string>();
        foreach (var plot in scenario.Plots)
        {
            string name = plot.Variable.Name;
            TimeSeriesPlot.Save(plot.File, plot.Title, $"{sweep.Parameter} ({spec.Units})", $"{name} ({plot.Variable.Units})",
            [
                new PlotSeries("down from a warm start", s0, down.Select(p => Value(p, name)).ToArray(), null, null),
                new PlotSeries("up from a snowball start", s0, result.Increasing.Select(p => Value(p, name)).ToArray(), null, null),
            ]);
            plots.Add(plot.File);
        }
        options.Progress.WriteLine(string.Create(ci,
            $"Sweep: {2 * n} equilibria; warm branch ends at {sweep.Parameter} = {result.WarmBranchLimit:F1}, snowball ends at {result.SnowballLimit:F1} {spec.Units}")
            + (result.IsBistable ? string.Create(ci, $"; both stable in between ({result.Width:F1} {spec.Units} wide)") : ""));
        return new ScenarioRunner.Result(path, 2 * n, 0, watch.Elapsed, plots, null);
    }
}
