using System.CommandLine;
using ClimateAD.Cli.Calibration;

namespace ClimateAD.Cli.Commands;

/// <summary>
/// <c>climatead calibrate &lt;calibration.toml&gt; [--resume] [--stop-after N] [--output DIR] [--model NAME]…</c>:
/// calibrates EBM-ε parameters against observations as the file says (docs/calibration.md),
/// printing one progress line per iteration, logging every iteration to HDF5 (resumable exactly
/// with <c>--resume</c>), and writing the posterior (CSV, HDF5) and plots (PNG).
/// </summary>
internal static class CalibrateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        _ = stderr;
        var file = new Argument<string>("calibration") { Description = "Calibration file (TOML), e.g. calibrations/abrupt4xco2-twin.toml." };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted calibration from its HDF5 log (the file must be unchanged)." };
        var stopAfter = new Option<int?>("--stop-after") { Description = "Stop after this many iterations in all (continue later with --resume)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the log and results here instead of the file's output.folder." };
        var models = new Option<string[]>("--model") { Description = "cmip6-abrupt4xco2 only: calibrate just this model (repeatable).", AllowMultipleArgumentsPerToken = false };
        var cmd = new Command("calibrate", "Calibrate model parameters against observations (Gauss-Newton, L-BFGS, Adam or ensemble Kalman inversion) with posterior uncertainty.")
        {
            file, resume, stopAfter, output, models,
        };
        cmd.SetAction(parse =>
        {
            int? cap = parse.GetValue(stopAfter);
            if (cap is < 0) throw new UserErrorException($"--stop-after must be a non-negative number of iterations, not {cap}");
            var spec = CalibrationFile.Load(parse.GetValue(file)!);
            string folder = parse.GetValue(output) is { } o ? Path.GetFullPath(o) : spec.Output.Folder;
            var only = parse.GetValue(models) ?? [];
            if (spec.Experiment.Kind == "cmip6-abrupt4xco2")
            {
                if (parse.GetValue(resume) || cap is not null)
                    throw new UserErrorException("--resume and --stop-after do not apply to the cmip6-abrupt4xco2 table (each model's fit takes a fraction of a second)");
                var (_, tableFiles) = Cmip6Table.Run(spec, folder, only, stdout);
                foreach (var f in tableFiles) stdout.WriteLine($"Wrote {RunCommand.Relative(f)}");
                return 0;
            }
            if (only.Length > 0) throw new UserErrorException("--model applies to the cmip6-abrupt4xco2 experiment only");
            var outcome = CalibrationDriver.Run(spec, new CalibrationDriver.Options(parse.GetValue(resume), cap, folder), stdout);
            stdout.WriteLine($"Wrote {RunCommand.Relative(outcome.LogPath)}");
            if (cap is { } k && outcome.Result.Final.Iteration >= k && !outcome.Result.Converged && !outcome.Result.Final.Stopped)
            {
                stdout.WriteLine($"Stopped after {k} iterations as asked; results not written. Continue with: climatead calibrate {parse.GetValue(file)} --resume");
                return 0;
            }
            foreach (var f in CalibrationOutputs.Write(outcome, folder, stdout)) stdout.WriteLine($"Wrote {RunCommand.Relative(f)}");
            return 0;
        });
        return cmd;
    }
}
