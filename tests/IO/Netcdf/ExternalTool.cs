using System.ComponentModel;
using System.Diagnostics;
using Xunit.Sdk;

namespace ClimateAD.IO.Tests.Netcdf;

/// <summary>
/// Runs an external reader (ncdump, h5dump, Debian python with xarray). A missing tool FAILS the test
/// with the apt-get command that installs it; CI installs them.
/// </summary>
internal static class ExternalTool
{
    public const string NcdumpPath = "/usr/bin/ncdump";
    public const string H5dumpPath = "/usr/bin/h5dump";
    public const string PythonPath = "/usr/bin/python3";

    public const string NetcdfToolsInstall = "apt-get install netcdf-bin hdf5-tools";
    public const string XarrayInstall = "apt-get install python3-xarray python3-netcdf4";

    public static string Run(string tool, string installCommand, params string[] arguments)
    {
        if (!File.Exists(tool))
        {
            throw new XunitException($"{tool} is not installed; run: sudo {installCommand}");
        }
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new XunitException($"Could not start {tool}.");
        }
        catch (Win32Exception e)
        {
            throw new XunitException($"Could not start {tool} ({e.Message}); run: sudo {installCommand}");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new XunitException($"{tool} did not finish within 2 minutes.");
            }
            var output = stdout.Result;
            var error = stderr.Result;
            if (process.ExitCode != 0)
            {
                var hint = error.Contains("No module named", StringComparison.Ordinal) ? $" Install: sudo {installCommand}" : "";
                throw new XunitException($"{tool} exited with {process.ExitCode}.{hint}\nstdout:\n{output}\nstderr:\n{error}");
            }
            return output;
        }
    }
}
