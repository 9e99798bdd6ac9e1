using System.Diagnostics;
using System.Globalization;

namespace ClimateAD.Cli.Progress;

/// <summary>
/// Reports progress of a stepped computation. On a terminal it redraws one line
/// (<c>[#####-----]  52%  3900/7500 steps  12.3k steps/s  ETA 0:03</c>) at most ten times a
/// second; when output is redirected (CI, log files) it prints a plain line every
/// <see cref="PlainInterval"/> instead, so logs stay readable.
/// </summary>
public sealed class ProgressReporter
{
    private readonly TextWriter _out;
    private readonly bool _interactive;
    private readonly long _total;
    private readonly string _unit;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastDraw = TimeSpan.Zero;
    private long _done;
    private long _lastDrawnDone = -1;

    /// <summary>Time between plain progress lines when not on a terminal.</summary>
    public static TimeSpan PlainInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Creates a reporter for <paramref name="total"/> units of work.</summary>
    /// <param name="output">Where to write (usually standard error).</param>
    /// <param name="total">Total units of work (steps).</param>
    /// <param name="unit">Name of a unit, plural, e.g. <c>steps</c>.</param>
    /// <param name="interactive">Redraw one line (terminal) rather than print plain lines.</param>
    public ProgressReporter(TextWriter output, long total, string unit, bool interactive)
    {
        _out = output;
        _total = Math.Max(total, 1);
        _unit = unit;
        _interactive = interactive;
    }

    /// <summary>True when standard error is a terminal and the user did not ask for plain output.</summary>
    public static bool StandardErrorIsTerminal =>
        !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null
        && Environment.GetEnvironmentVariable("TERM") is not (null or "dumb");

    /// <summary>Records that <paramref name="done"/> units are complete and redraws if due.</summary>
    public void Report(long done)
    {
        _done = done;
        var now = _clock.Elapsed;
        var interval = _interactive ? TimeSpan.FromMilliseconds(100) : PlainInterval;
        if (now - _lastDraw < interval && done < _total) return;
        _lastDraw = now;
        _lastDrawnDone = done;
        if (_interactive) _out.Write("\r" + Line(done, now) + "\u001b[K");
        else _out.WriteLine(Line(done, now));
        _out.Flush();
    }

    /// <summary>Draws the final state and ends the line.</summary>
    public void Finish()
    {
        var now = _clock.Elapsed;
        if (!_interactive && _lastDrawnDone == _done) return;
        if (_interactive) _out.WriteLine("\r" + Line(_done, now) + "\u001b[K");
        else _out.WriteLine(Line(_done, now));
    }

    /// <summary>Elapsed wall time since the reporter was created.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>The progress line for <paramref name="done"/> units after <paramref name="elapsed"/>.</summary>
    internal string Line(long done, TimeSpan elapsed)
    {
        double fraction = Math.Clamp((double)done / _total, 0, 1);
        double rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        string eta = rate > 0 && done < _total ? Clock((_total - done) / rate) : done >= _total ? "done" : "--:--";
        const int width = 24;
        int filled = (int)Math.Round(fraction * width);
        string bar = _interactive ? "[" + new string('#', filled) + new string('-', width - filled) + "] " : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{bar}{fraction * 100,3:0}%  {done}/{_total} {_unit}  {Rate(rate)} {_unit}/s  elapsed {Clock(elapsed.TotalSeconds)}  ETA {eta}");
    }

    private static string Rate(double r) => r switch
    {
        >= 1e6 => (r / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + "M",
        >= 1e4 => (r / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + "k",
        _ => r.ToString("0", CultureInfo.InvariantCulture),
    };

    private static string Clock(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return t.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:00}");
    }
}
