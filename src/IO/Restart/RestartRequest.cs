using System.Globalization;

namespace ClimateAD.IO.Restart;

/// <summary>
/// What <c>climatead run</c> was asked to do about restarts: write a <see cref="RestartFile"/> every
/// <see cref="Every"/> steps (<c>--restart-every</c>) and/or start from one (<c>--restart-from</c>).
/// Restart files are written next to the output file as <c>&lt;output stem&gt;.restart.&lt;step&gt;.h5</c>.
/// </summary>
/// <param name="Every">Steps between restart files, ≥ 1, or 0 for none.</param>
/// <param name="From">Restart file to start from, or <c>null</c> for a cold start.</param>
public sealed record RestartRequest(long Every, string? From)
{
    /// <summary>The run's output file (set by the runner); restart files go next to it.</summary>
    public string OutputFile { get; init; } = "output/run.nc";

    /// <summary>The restart file written after step <paramref name="step"/>.</summary>
    public string PathAt(long step)
    {
        string full = Path.GetFullPath(OutputFile);
        string stem = Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full));
        return string.Create(CultureInfo.InvariantCulture, $"{stem}.restart.{step:D8}.h5");
    }

    /// <summary>Whether a restart file is due after step <paramref name="step"/> of <paramref name="stepCount"/> (never after the last step).</summary>
    public bool IsDue(long step, long stepCount) => Every > 0 && step % Every == 0 && step < stepCount;
}
