using System.CommandLine;
using System.Globalization;
using ClimateAD.Cli.Progress;
using ClimateAD.Cli.Running;
using ClimateAD.IO.Scenarios;

namespace ClimateAD.Cli.Commands;

/// <summary><c>climatead run &lt;scenario.toml&gt;</c>: validates the scenario, runs it, writes its output and plots.</summary>
internal static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file (TOML), e.g. scenarios/quickstart.toml." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the netCDF file here instead of the scenario's output.file." };
        var plain = new Option<bool>("--plain-progress") { Description = "Print progress as plain lines even on a terminal." };
        var every = new Option<double>("--progress-interval")
        {
            Description = "Seconds between plain progress lines (default 5).",
            DefaultValueFactory = _ => 5.0,
        };
        var device = new Option<string?>("--device")
        {
            Description = "Where to run: cpu | cuda | auto (default: the scenario's model.device, else auto = a CUDA GPU when the model supports one and one is present).",
        };
        var restartEvery = new Option<long?>("--restart-every")
        {
            Description = "Write an HDF5 restart file (full state and step index) every N steps, next to the output as <stem>.restart.<step>.h5 (shallow-water models; N a multiple of the steps per record).",
        };
        var restartFrom = new Option<string?>("--restart-from")
        {
            Description = "Continue from a restart file written by --restart-every; the output then holds the records after its step.",
        };
        var cmd = new Command("run", "Run a scenario: write its netCDF-4/CF output file and its plots.")
        {
            scenario, output, plain, every, device, restartEvery, restartFrom,
        };
        cmd.SetAction(parse =>
        {
            double seconds = parse.GetValue(every);
            if (!(seconds > 0 && seconds < 1e6))
                throw new UserErrorException($"--progress-interval must be a positive number of seconds, not {seconds}");
            ProgressReporter.PlainInterval = TimeSpan.FromSeconds(seconds);
            var s = ScenarioLoader.Load(parse.GetValue(scenario)!);
            var resolved = ScenarioLoader.ResolveDevice(s, parse.GetValue(device), out var deviceProblem)
                ?? throw new UserErrorException(deviceProblem!);
            s = s with { Device = resolved };
            bool interactive = !parse.GetValue(plain) && ProgressReporter.StandardErrorIsTerminal;
            stdout.WriteLine(s.Sweep is { } sw
                ? string.Create(CultureInfo.InvariantCulture,
                    $"Running {s.Name} ({s.Model.Name}, equilibria swept in {sw.Parameter} from {sw.Lower:G6} to {sw.Upper:G6} in steps of {sw.Step:G6}, down and up)")
                : $"Running {s.Name} ({s.Model.Name}, {s.Integrator}, {s.Time.StartYear}-{s.Time.EndYear}"
                + (s.Time.Unit.IsCalendarYear ? ", " : $" {s.Time.Unit.Symbol}, ")
                + $"{s.Time.Steps} steps of {s.Time.Step.ToString("G4", CultureInfo.InvariantCulture)} {s.Time.Unit.Symbol}"
                + (s.Ensemble.Members > 1 ? $", {s.Ensemble.Members} members" : "") + ")");
            long? restartSteps = parse.GetValue(restartEvery);
            if (restartSteps is { } rs && rs < 1)
                throw new UserErrorException($"--restart-every must be a positive number of steps, not {rs}");
            string? restartFile = parse.GetValue(restartFrom);
            var restart = restartSteps is null && restartFile is null ? null : new IO.Restart.RestartRequest(restartSteps ?? 0, restartFile);
            if (restartFile is not null)
            {
                try
                {
                    stdout.WriteLine($"Resuming from {restartFile} at step {IO.Restart.RestartFile.Read(restartFile).Step}");
                }
                catch (InvalidDataException e)
                {
                    throw new UserErrorException("--restart-from " + e.Message);
                }
            }
            var result = ScenarioRunner.Run(s, new ScenarioRunner.Options(
                parse.GetValue(output), stderr, interactive, "climatead " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)))
            {
                Restart = restart,
            });
            stdout.WriteLine(s.Sweep is null
                ? string.Create(CultureInfo.InvariantCulture, $"Wrote {Relative(result.OutputFile)} ({result.Records} records, {result.Steps} steps in {result.Elapsed.TotalSeconds:0.00} s)")
                : string.Create(CultureInfo.InvariantCulture, $"Wrote {Relative(result.OutputFile)} ({result.Records} equilibria in {result.Elapsed.TotalSeconds:0.00} s)"));
            foreach (var p in result.Plots) stdout.WriteLine($"Wrote {Relative(p)}");
            if (s.Sweep is null)
                foreach (var p in ShallowWaterMaps.Render(s, result.OutputFile)) stdout.WriteLine($"Wrote {Relative(p)}");
            if (result.Sensitivity is { } sens)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Sensitivity of {sens.Spec.Diagnostic} {sens.Spec.FirstYear}-{sens.Spec.LastYear} = {sens.Value:G6}{(sens.Units == "1" ? "" : " " + sens.Units)} (group 'sensitivity' in the output):"));
                for (int i = 0; i < sens.ParameterNames.Length; i++)
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  dJ/d{sens.ParameterNames[i],-34} {sens.ParameterGradient[i],12:G5}"));
            }
            return 0;
        });
        return cmd;
    }

    /// <summary>A path relative to the current directory when it is inside it.</summary>
    internal static string Relative(string path)
    {
        var rel = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return rel.StartsWith("..", StringComparison.Ordinal) ? path : rel;
    }
}
