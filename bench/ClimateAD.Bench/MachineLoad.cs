using System.Globalization;

namespace ClimateAD.Bench;

/// <summary>
/// The load averages of <c>/proc/loadavg</c> (1, 5 and 15 minutes), printed with every benchmark so
/// that a number measured on a shared machine says how shared it was; NaN where the file is unreadable.
/// </summary>
public static class MachineLoad
{
    /// <summary>The 1-, 5- and 15-minute load averages, or NaNs.</summary>
    public static (double One, double Five, double Fifteen) Read()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg").Split(' ');
            return (Parse(text[0]), Parse(text[1]), Parse(text[2]));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return (double.NaN, double.NaN, double.NaN);
        }
    }

    private static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
