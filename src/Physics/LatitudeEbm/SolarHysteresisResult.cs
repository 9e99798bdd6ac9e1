namespace ClimateAD.Physics.LatitudeEbm;

/// <summary>
/// The two branches of a solar-constant sweep and the bistable range between them
/// (<see cref="SolarHysteresis.Sweep"/>).
/// </summary>
/// <param name="Decreasing">Equilibria sweeping S₀ down from a warm start, highest S₀ first (the warm branch until it collapses to the snowball).</param>
/// <param name="Increasing">Equilibria sweeping S₀ up from a snowball start, lowest S₀ first (the snowball until it melts).</param>
/// <param name="WarmBranchLimit">Lowest S₀ at which the warm (not fully ice-covered) state survives, refined by bisection, W m⁻²; NaN when the warm branch never collapses in the range.</param>
/// <param name="SnowballLimit">Highest S₀ at which the snowball survives, refined by bisection, W m⁻²; NaN when it never melts in the range.</param>
/// <param name="Resolution">Bisection resolution of both limits, W m⁻².</param>
public sealed record SolarHysteresisResult(
    IReadOnlyList<SolarHysteresisPoint> Decreasing,
    IReadOnlyList<SolarHysteresisPoint> Increasing,
    double WarmBranchLimit,
    double SnowballLimit,
    double Resolution)
{
    /// <summary>True when both limits were found and the warm limit lies below the snowball limit: warm and snowball states coexist for S₀ in between.</summary>
    public bool IsBistable => double.IsFinite(WarmBranchLimit) && double.IsFinite(SnowballLimit) && WarmBranchLimit < SnowballLimit;

    /// <summary>Width of the bistable range, SnowballLimit − WarmBranchLimit, W m⁻² (NaN when a limit is missing).</summary>
    public double Width => SnowballLimit - WarmBranchLimit;
}
