using ScottPlot;

namespace ClimateAD.IO.Plots;

/// <summary>
/// Finds a TrueType font for plot text. Without one, ScottPlot renders PNGs with no text at all
/// and no error, so we look for DejaVu Sans (Debian package <c>fonts-dejavu-core</c>) or Liberation
/// Sans and register it explicitly.
/// </summary>
public static class PlotFonts
{
    private static readonly object Gate = new();
    private static bool _done;

    /// <summary>Candidate (regular, bold) font files, in order of preference.</summary>
    public static IReadOnlyList<(string Family, string Regular, string Bold)> Candidates { get; } =
    [
        ("DejaVu Sans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
        ("Liberation Sans", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
    ];

    /// <summary>The command that installs a usable font on Debian/Ubuntu.</summary>
    public const string InstallHint = "sudo apt-get install fonts-dejavu-core";

    /// <summary>True when a candidate font file exists.</summary>
    public static bool Available => Candidates.Any(c => File.Exists(c.Regular));

    /// <summary>
    /// Registers the first available font as ScottPlot's default. Throws
    /// <see cref="InvalidOperationException"/> naming the package to install when none exists,
    /// rather than writing a PNG without text.
    /// </summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_done) return;
            foreach (var (family, regular, bold) in Candidates)
            {
                if (!File.Exists(regular)) continue;
                Fonts.AddFontFile(family, regular, bold: false, italic: false);
                if (File.Exists(bold)) Fonts.AddFontFile(family, bold, bold: true, italic: false);
                Fonts.Default = family;
                _done = true;
                return;
            }
            throw new InvalidOperationException($"no TrueType font found for plot text; install one with: {InstallHint}");
        }
    }
}
