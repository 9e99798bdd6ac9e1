using System.CommandLine;

namespace ClimateAD.Cli;

/// <summary>The <c>climatead</c> command line: builds the command tree and runs it.</summary>
public static class CliApp
{
    /// <summary>Parses <paramref name="args"/>, runs the chosen command and returns its exit code.</summary>
    public static int Run(string[] args)
    {
        var root = new RootCommand("ClimateAD: differentiable Earth-system models.");
        return root.Parse(args).Invoke();
    }
}
