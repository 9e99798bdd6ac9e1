using System.CommandLine;
using System.Globalization;
using System.Text;
using ClimateAD.IO.Scenarios;

namespace ClimateAD.Cli.Commands;

/// <summary>
/// <c>climatead describe &lt;scenario.toml&gt;</c>: validates a scenario and prints what a run would
/// do — the model, its parameter table (value, default, bounds, units, meaning; overrides marked),
/// the forcing, the time span and the output plan — without running anything.
/// </summary>
internal static class DescribeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file (TOML)." };
        var cmd = new Command("describe", "Show a scenario's model, parameter table, forcing and output plan without running it.")
        {
            scenario,
        };
        cmd.SetAction(parse =>
        {
            stdout.Write(Describe(ScenarioLoader.Load(parse.GetValue(scenario)!)));
            return 0;
        });
        return cmd;
    }

    /// <summary>The description text of a validated scenario.</summary>
    internal static string Describe(Scenario s)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine($"Scenario  {s.Name}  ({s.DisplayFile})");
        if (s.Description is { Length: > 0 } d) sb.AppendLine($"          {d}");
        sb.AppendLine();
        sb.AppendLine($"Model     {s.Model.Name}: {s.Model.Summary}");
        sb.AppendLine($"          documentation: {s.Model.DocPage}");
        sb.AppendLine($"          integrator: {s.Integrator} (available: {string.Join(", ", s.Model.Integrators)}); device: {s.Device.ToString().ToLowerInvariant()}");
        sb.AppendLine();
        sb.AppendLine("Parameters (θ order; * = set by the scenario)");
        var rows = new List<string[]> { new[] { "", "name", "symbol", "value", "default", "bounds", "units", "prior", "description" } };
        var values = s.Parameters.ToArray();
        for (int i = 0; i < s.Parameters.Table.Count; i++)
        {
            var p = s.Parameters.Table[i];
            rows.Add([
                s.Overrides.ContainsKey(p.Name) ? "*" : s.Ensemble.Sample.Contains(p.Name) ? "~" : "",
                p.Name, p.Symbol, values[i].ToString("G6", ci), p.Default.ToString("G6", ci),
                string.Create(ci, $"[{p.Lower:G4}, {p.Upper:G4}]"), p.Units,
                p.Prior is { } pr ? string.Create(ci, $"N({pr.Mean:G4}, {pr.StandardDeviation:G4}²)") : "-",
                p.Description,
            ]);
        }
        AppendTable(sb, rows);
        if (s.Ensemble.Sample.Count > 0) sb.AppendLine("          ~ = drawn per member from its prior, truncated to its bounds");
        sb.AppendLine();
        foreach (var setting in s.Model.Settings)
            sb.AppendLine(string.Create(ci, $"Setting   {setting.Name} = {s.Settings[setting.Name]:G6}  ({setting.Description})"));
        foreach (var (key, file) in s.Files)
            sb.AppendLine($"File      {key} = {RunCommand.Relative(file)}  ({s.Model.FileSettings[key]})");
        foreach (var setting in s.Model.InitialSettings)
            sb.AppendLine(string.Create(ci, $"Initial   {setting.Name} = {s.Initial[setting.Name]:G6} {(setting.Units == "1" ? "" : setting.Units)} ({setting.Description})"));
        string unit = s.Time.Unit.Symbol;
        sb.AppendLine($"Time      {s.Time.StartYear}-{s.Time.EndYear} ({s.Time.Years} {s.Time.UnitPlural}), step {s.Time.Step.ToString("G6", ci)} {unit}, {s.Time.Steps} steps"
            + (s.Time.Unit.IsCalendarYear ? "" : $"; {s.Time.Unit.Description}"));
        sb.Append("Forcing   ");
        switch (s.Forcing)
        {
            case ErfScenarioForcing erf:
                sb.AppendLine("effective radiative forcing by component, each forcing group scaled by its forcing_scale_* parameter:");
                foreach (var src in erf.Sources)
                    sb.AppendLine($"          {Math.Max(src.FirstYear, s.Time.StartYear)}-{Math.Min(src.LastYear, s.Time.EndYear)} from {RunCommand.Relative(src.File)}");
                break;
            case AbruptCo2Forcing a:
                sb.AppendLine(string.Create(ci, $"abrupt {a.Co2Multiple:G4}xCO2 at the start: F = forcing_4xco2 * ln({a.Co2Multiple:G4})/ln 4"));
                break;
            case NoForcing:
                sb.AppendLine("none (the model has no external forcing)");
                break;
            case RampCo2Forcing r:
                sb.AppendLine(string.Create(ci, $"CO2 rising {r.RatePercentPerYear:G4} %/yr: F(t) = forcing_4xco2 * t ln(1+r)/ln 4"));
                break;
        }
        if (s.Ensemble.Members > 1 || s.Ensemble.Sample.Count > 0)
            sb.AppendLine($"Ensemble  {s.Ensemble.Members} members, seed {s.Ensemble.Seed}, sampling {string.Join(", ", s.Ensemble.Sample)}");
        sb.AppendLine();
        long records = (s.Time.Steps + s.Output.StepsPerRecord - 1) / s.Output.StepsPerRecord;
        sb.AppendLine($"Output    {RunCommand.Relative(s.Output.File)}: {records} records, each the mean over {s.Output.Interval.ToString("G6", ci)} {unit}");
        foreach (var v in s.Output.Variables)
            sb.AppendLine($"          {v.Name,-20} {v.Units,-8} {v.LongName}" + (v.IsScalar ? "" : $" [{string.Join(", ", v.Axes)}]"));
        foreach (var p in s.Plots)
            sb.AppendLine($"Plot      {RunCommand.Relative(p.File)}: {p.Variable.Name}"
                + (p.Observations is { } o ? $" against {o.Label}" : "")
                + (p.ReferencePeriod is { } rp ? $", relative to {rp}" : ""));
        return sb.ToString();
    }

    private static void AppendTable(StringBuilder sb, List<string[]> rows)
    {
        int cols = rows[0].Length;
        var width = Enumerable.Range(0, cols - 1).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var r in rows)
        {
            sb.Append("  ");
            for (int c = 0; c < cols - 1; c++) sb.Append(r[c].PadRight(width[c] + 2));
            sb.AppendLine(r[cols - 1]);
        }
    }
}
