namespace ClimateAD.IO.Scenarios;

/// <summary>
/// <c>[sweep]</c>: instead of one time integration, follow the model's equilibria while one parameter
/// is swept down from <see cref="Upper"/> to <see cref="Lower"/> (from a warm start) and back up (from a
/// cold start), each equilibrium started from the previous one, and locate where each branch ends.
/// Such a scenario has no <c>[time]</c> or <c>[sensitivity]</c>; its output file has a <c>branch</c>
/// and a parameter dimension instead of time.
/// <code>
/// [sweep]
/// parameter = "solar_constant"  # one of the model's sweepable parameters
/// lower = 1100.0                # within the parameter's bounds, &lt; upper
/// upper = 1900.0
/// step = 10.0                   # &gt; 0, at most 100000 points
/// resolution = 0.1              # optional (default 0.1): bisection resolution of the branch ends
/// </code>
/// </summary>
/// <param name="Parameter">The swept parameter.</param>
/// <param name="Lower">Lowest value.</param>
/// <param name="Upper">Highest value.</param>
/// <param name="Step">Increment between equilibria.</param>
/// <param name="Resolution">Bisection resolution of the branch ends.</param>
public sealed record SweepSpec(string Parameter, double Lower, double Upper, double Step, double Resolution)
{
    /// <summary>Number of equilibria per branch.</summary>
    public int Count => (int)Math.Floor((Upper - Lower) / Step + 1e-9) + 1;
}
