using System.Diagnostics;

namespace ClimateAD.Cli.Tests;

/// <summary>Starts the real <c>climatead</c> executable (climatead.dll next to the test binaries) as a child process.</summary>
internal static class CliProcess
{
    /// <summary>The path of climatead.dll copied next to the tests.</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "climatead.dll");

    /// <summary>A started process with redirected output.</summary>
    public static Process Start(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("CLIMATEAD_DEBUG");
        return Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
    }

    /// <summary>Runs to completion; returns exit code, stdout and stderr.</summary>
    public static (int Code, string Out, string Err) Run(string workingDirectory, params string[] args)
    {
        using var p = Start(workingDirectory, args);
        var err = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout, err.Result);
    }
}
