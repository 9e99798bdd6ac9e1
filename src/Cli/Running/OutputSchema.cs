using System.Globalization;
using ClimateAD.IO.Netcdf;
using ClimateAD.IO.Scenarios;

namespace ClimateAD.Cli.Running;

/// <summary>
/// The netCDF-4/CF layout of a scenario's output file (see docs/output.md): an unlimited CF
/// time axis in a 365-day calendar starting on 1 January of the first simulated year, with
/// bounds; a <c>member</c> dimension for ensembles; one variable per requested output; global
/// attributes with the scenario text, code version and every parameter value.
/// </summary>
internal static class OutputSchema
{
    /// <summary>Days in a model year (CF calendar <c>noleap</c>).</summary>
    public const double DaysPerYear = 365.0;

    /// <summary>
    /// Days since the time axis origin at the start of time step <paramref name="step"/>: the origin is
    /// 1 January of the first year for calendar models, and 0001-01-01 = model time <c>start</c> for models
    /// with their own time unit.
    /// </summary>
    public static double DaysAtStep(Scenario scenario, long step) => step * scenario.Time.Step * scenario.Time.Unit.DaysPerUnit;

    /// <summary>Builds the schema for <paramref name="scenario"/> run as <paramref name="run"/>.</summary>
    public static NetcdfSchema For(Scenario scenario, ModelRun run, string commandLine)
    {
        bool ensemble = run.MemberCount > 1 || run.MemberParameters.Count > 0;
        var dims = new List<NetcdfDimension>();
        var variables = new List<NetcdfVariable>();
        string[] recordDims = ensemble ? ["time", "member"] : ["time"];
        if (ensemble)
        {
            dims.Add(NetcdfDimension.Coordinate("member",
                Enumerable.Range(0, run.MemberCount).Select(i => (double)i).ToArray(), "1", "ensemble member index"));
            foreach (var (spec, _) in run.MemberParameters)
                variables.Add(new NetcdfVariable(spec.Name, ["member"], spec.Units, spec.Description)
                {
                    Attributes = [new("sampling", "Gaussian prior truncated to the parameter bounds")],
                });
        }
        var usedAxes = scenario.Output.Variables.SelectMany(v => v.Axes).Distinct().ToHashSet();
        dims.AddRange(run.Axes.Where(a => usedAxes.Contains(a.Name)));
        foreach (var v in scenario.Output.Variables)
            variables.Add(new NetcdfVariable(v.Name, [.. recordDims, .. v.Axes], v.Units, v.LongName)
            {
                StandardName = v.StandardName,
                Attributes = [new("cell_methods", "time: mean")],
            });

        var globals = new List<NetcdfAttribute>
        {
            new("Conventions", "CF-1.8"),
            new("title", scenario.Description is { Length: > 0 } d ? $"{scenario.Name}: {d}" : scenario.Name),
            new("source", $"ClimateAD {CodeVersion}, model {scenario.Model.Name}"),
            new("history", $"{DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)} {commandLine}"),
            new("scenario", scenario.Text),
            new("scenario_file", scenario.DisplayFile),
            new("model", scenario.Model.Name),
            new("integrator", scenario.Integrator),
            scenario.Time.Unit.IsCalendarYear
                ? new("time_step_years", scenario.Time.Step)
                : new("time_step", $"{scenario.Time.Step.ToString("R", CultureInfo.InvariantCulture)} {scenario.Time.Unit.Symbol}"),
            new("ensemble_members", (long)run.MemberCount),
        };
        if (ensemble)
        {
            globals.Add(new("ensemble_seed", (long)scenario.Ensemble.Seed));
            globals.Add(new("ensemble_sampled_parameters", string.Join(" ", scenario.Ensemble.Sample)));
        }
        var table = scenario.Parameters.Table;
        var values = scenario.Parameters.ToArray();
        for (int i = 0; i < table.Count; i++)
            globals.Add(new("parameter_" + table[i].Name, values[i]));

        var unit = scenario.Time.Unit;
        string origin = unit.IsCalendarYear ? scenario.Time.StartYear.ToString("0000", CultureInfo.InvariantCulture) : "0001";
        if (!unit.IsCalendarYear)
            globals.Add(new("model_time_unit", string.Create(CultureInfo.InvariantCulture,
                $"{unit.Description}; time = t * {unit.DaysPerUnit:G6} days, t in {unit.Symbol} since time.start")));
        return new NetcdfSchema
        {
            GlobalAttributes = globals,
            Time = new NetcdfTimeAxis($"days since {origin}-01-01 00:00:00", "noleap") { BoundsName = "time_bnds" },
            Dimensions = dims,
            Variables = variables,
        };
    }

    /// <summary>The informational version of the running ClimateAD assembly.</summary>
    public static string CodeVersion =>
        typeof(OutputSchema).Assembly.GetName().Version?.ToString(3) ?? "unknown";
}
