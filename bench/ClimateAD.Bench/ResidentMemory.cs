using System.Globalization;

namespace ClimateAD.Bench;

/// <summary>
/// The process's resident set size from <c>/proc/self/status</c> (<c>VmRSS</c>), in bytes: how the
/// benchmarks measure native (pinned) field memory, which the managed allocation counters do not see.
/// Fields are zeroed when allocated, so every page of a new field is resident at once.
/// </summary>
public static class ResidentMemory
{
    /// <summary>Current resident bytes, or 0 where <c>/proc</c> is not available.</summary>
    public static long Current()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return 1024 * long.Parse(line["VmRSS:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return 0;
    }
}
