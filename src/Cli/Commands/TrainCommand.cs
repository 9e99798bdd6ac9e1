using System.CommandLine;
using ClimateAD.Cli.Training;

namespace ClimateAD.Cli.Commands;

/// <summary>
/// <c>climatead train &lt;training.toml&gt; [--resume] [--stop-after N] [--output DIR]</c>: trains a
/// learned Lorenz-96 closure offline and online through the solver as the file says
/// (docs/hybrid.md), printing progress, checkpointing to HDF5 (resumable exactly with
/// <c>--resume</c>), and writing the evaluation table, loss curves and ONNX networks.
/// </summary>
internal static class TrainCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout)
    {
        var file = new Argument<string>("training") { Description = "Training file (TOML), e.g. training/lorenz96-k8-mlp.toml." };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted training from its checkpoint (the file must be unchanged)." };
        var stopAfter = new Option<int?>("--stop-after") { Description = "Stop after this many online iterations in all (continue later with --resume)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write results here instead of the file's output.folder." };
        var cmd = new Command("train", "Train a neural closure offline and online through the solver; export it to ONNX.") { file, resume, stopAfter, output };
        cmd.SetAction(parse =>
        {
            int? cap = parse.GetValue(stopAfter);
            if (cap is < 0) throw new UserErrorException($"--stop-after must be a non-negative number of iterations, not {cap}");
            var spec = TrainingFile.Load(parse.GetValue(file)!);
            string folder = parse.GetValue(output) is { } o ? Path.GetFullPath(o) : spec.OutputFolder;
            var outcome = TrainingRun.Run(spec, parse.GetValue(resume), cap, folder, stdout);
            if (outcome.Completed)
                foreach (var f in outcome.Files) stdout.WriteLine($"Wrote {RunCommand.Relative(f)}");
            return 0;
        });
        return cmd;
    }
}
