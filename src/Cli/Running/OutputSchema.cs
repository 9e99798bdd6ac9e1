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
        foreach (var v in scenario.Output.Variables)
            variables.Add(new NetcdfVariable(v.Name, recordDims, v.Units, v.LongName)
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
            new("time_step_years", scenario.Time.Step),
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

        string origin = scenario.Time.StartYear.ToString("0000", CultureInfo.InvariantCulture);
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
