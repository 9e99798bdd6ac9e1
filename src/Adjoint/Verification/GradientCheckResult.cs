using System.Globalization;
using System.Text;

namespace ClimateAD.Adjoint.Verification;

/// <summary>One line of a gradient-check report, ready for a table.</summary>
/// <param name="Component">Registered component name.</param>
/// <param name="Test">Which check, e.g. <c>dot-product (state)</c>, <c>taylor rate</c>, <c>finite-difference θ[2]</c>.</param>
/// <param name="Value">The measured value (relative error, or the observed convergence rate).</param>
/// <param name="Threshold">The bound it is compared with.</param>
/// <param name="Pass">Whether the check passed.</param>
public sealed record GradientCheckResult(string Component, string Test, double Value, double Threshold, bool Pass)
{
    /// <summary>Formats results as an aligned plain-text table (component, test, value, threshold, result).</summary>
    public static string FormatTable(IEnumerable<GradientCheckResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var rows = results.Select(r => new[]
        {
            r.Component, r.Test, r.Value.ToString("G4", CultureInfo.InvariantCulture),
            r.Threshold.ToString("G4", CultureInfo.InvariantCulture), r.Pass ? "pass" : "FAIL",
        }).Prepend(["component", "test", "value", "threshold", "result"]).ToList();
        var widths = Enumerable.Range(0, 5).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (var r in rows)
            sb.AppendLine(string.Join("  ", r.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        return sb.ToString();
    }
}
