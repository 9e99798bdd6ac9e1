using System.CommandLine;
using ClimateAD.Cli.Commands;
using ClimateAD.IO.Data;
using ClimateAD.IO.Hdf5;
using ClimateAD.IO.Scenarios;

namespace ClimateAD.Cli;

/// <summary>
/// The <c>climatead</c> command line: builds the command tree, runs the chosen command and turns
/// every error a user can cause into one line on standard error and a non-zero exit code:
/// 2 for bad input (scenario or data files), 3 for a missing native prerequisite, 70 for an
/// internal error (with the stack trace only under <c>--debug</c> or <c>CLIMATEAD_DEBUG=1</c>).
/// </summary>
public static class CliApp
{
    /// <summary>Exit code for bad input.</summary>
    public const int ExitBadInput = 2;
    /// <summary>Exit code for a missing native prerequisite.</summary>
    public const int ExitMissingPrerequisite = 3;
    /// <summary>Exit code for an internal error (BSD sysexits EX_SOFTWARE).</summary>
    public const int ExitInternalError = 70;

    /// <summary>Parses <paramref name="args"/>, runs the chosen command and returns its exit code.</summary>
    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>As <see cref="Run(string[])"/>, writing to the given streams (for tests).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        bool debug = args.Contains("--debug") || Environment.GetEnvironmentVariable("CLIMATEAD_DEBUG") == "1";
        var root = new RootCommand(
            "ClimateAD: differentiable Earth-system models. Run climate scenarios from TOML files, "
            + "write netCDF-4/CF output, calibrate parameters against observations with adjoint gradients, and train neural closures through the solver.");
        root.Options.Add(new Option<bool>("--debug") { Description = "Print stack traces of internal errors.", Recursive = true });
        root.Subcommands.Add(RunCommand.Create(stdout, stderr));
        root.Subcommands.Add(DescribeCommand.Create(stdout));
        root.Subcommands.Add(GradcheckCommand.Create(stdout));
        root.Subcommands.Add(CalibrateCommand.Create(stdout, stderr));
        root.Subcommands.Add(TrainCommand.Create(stdout));
        try
        {
            var parsed = root.Parse(args);
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (Classify(e) is { } failure)
        {
            stderr.WriteLine($"climatead: {failure.Message}");
            if (debug && failure.Code == ExitInternalError) stderr.WriteLine(e);
            return failure.Code;
        }
    }

    /// <summary>The one-line message and exit code for an exception escaping a command.</summary>
    internal static (string Message, int Code)? Classify(Exception e) => e switch
    {
        ScenarioException s => (s.Message, ExitBadInput),
        DataFileException d => (d.Message, ExitBadInput),
        UserErrorException u => (u.Message, u.ExitCode),
        Hdf5NotFoundException h => (h.Message, ExitMissingPrerequisite),
        InvalidOperationException { Message: var m } when m.StartsWith("no TrueType font", StringComparison.Ordinal) => (m, ExitMissingPrerequisite),
        _ => ($"internal error: {e.GetType().Name}: {FirstLine(e.Message)} (rerun with --debug for the stack trace)", ExitInternalError),
    };

    private static string FirstLine(string s) => s.Split('\n', 2)[0].TrimEnd();
}
