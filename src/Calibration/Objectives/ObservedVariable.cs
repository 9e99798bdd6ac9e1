using ClimateAD.Adjoint.Costs;

namespace ClimateAD.Calibration.Objectives;

/// <summary>
/// One observed variable of a calibration: its observation term (operator H, observations y,
/// error covariance R; <see cref="ObservationTerm"/>) with a name, units and the time of each
/// observation for tables and plots.
/// </summary>
/// <param name="Name">Short name, e.g. <c>tas</c> or <c>toa_imbalance</c>.</param>
/// <param name="Units">UDUNITS units of y, e.g. <c>K</c>.</param>
/// <param name="Term">H, y and R.</param>
/// <param name="Times">Time of each observation (years; length = <see cref="ObservationTerm.Count"/>).</param>
/// <param name="Sigma">1σ error of each observation, for plots (√diag R); <c>null</c> when not known.</param>
public sealed record ObservedVariable(string Name, string Units, ObservationTerm Term, IReadOnlyList<double> Times, IReadOnlyList<double>? Sigma = null)
{
    /// <summary>Number of observations.</summary>
    public int Count => Term.Count;
}
