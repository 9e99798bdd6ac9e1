using System.Diagnostics;

namespace ClimateAD.Bench;

/// <summary>Repeats an action and summarises its wall-clock times.</summary>
public static class Timing
{
    /// <summary>Runs <paramref name="action"/> <paramref name="warmups"/> times untimed, then <paramref name="repeats"/> times timed; returns seconds per run.</summary>
    public static double[] Measure(Action action, int repeats, int warmups = 1)
    {
        for (int i = 0; i < warmups; i++) action();
        var seconds = new double[repeats];
        for (int i = 0; i < repeats; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long start = Stopwatch.GetTimestamp();
            action();
            seconds[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        return seconds;
    }

    /// <summary>Median of <paramref name="values"/>.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
