namespace ClimateAD.Cli.Calibration;

/// <summary>A posterior predictive projection: annual T of the best fit with 2σ and 5–95 % bands.</summary>
/// <param name="Name">Projection name, e.g. ssp245.</param>
/// <param name="Time">Mid-year times.</param>
/// <param name="Best">Annual-mean T of the posterior mean, K (relative to the reference period when there is one).</param>
/// <param name="Lower">Best − 2σ of the draws.</param>
/// <param name="Upper">Best + 2σ of the draws.</param>
/// <param name="P05">5th percentile of the draws.</param>
/// <param name="P95">95th percentile of the draws.</param>
/// <param name="Reference">The reference period, or <c>null</c>.</param>
internal sealed record ProjectionOutcome(string Name, double[] Time, double[] Best, double[] Lower, double[] Upper, double[] P05, double[] P95,
    (int First, int Last)? Reference);
