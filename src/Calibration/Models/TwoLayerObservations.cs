using ClimateAD.Adjoint.Costs;
using ClimateAD.Calibration.Objectives;
using ClimateAD.Physics.EnergyBalance;
using ClimateAD.Physics.Forcing;

namespace ClimateAD.Calibration.Models;

/// <summary>
/// Observed annual means of the two-layer model's state for <see cref="TwoLayerObservedStep"/>:
/// the mean over the steps of calendar year Y of a state component (T, T₀ or N) at the end of
/// each step,
/// <code>
///   H_Y = (1/|W_Y|) Σ_(n ∈ W_Y) x[n]_c,   W_Y = {n₀ + 1, …, n₁ + 1}
/// </code>
/// with n₀..n₁ the steps lying in year Y (<see cref="TwoLayerSensitivity.StepWindow"/>; x[n+1] is
/// the state at the end of step n). With one step per year this is the end-of-year value; with
/// 12 steps per year it approximates the annual mean of a monthly model to O(Δt).
/// </summary>
public static class TwoLayerObservations
{
    /// <summary>The operator for the annual means of component <paramref name="component"/> in years <paramref name="firstYear"/> .. + <paramref name="years"/> − 1.</summary>
    /// <param name="component">State component (<see cref="TwoLayerObservedStep.TemperatureComponent"/>, …).</param>
    /// <param name="forcing">The forcing basis, which fixes t₀ and Δt (years are in its calendar).</param>
    /// <param name="firstYear">First observed year, in the forcing's calendar (0 is the first year of an idealised experiment).</param>
    /// <param name="years">Number of consecutive years.</param>
    public static TimeMeanOperator AnnualMeans(int component, ForcingBasis forcing, int firstYear, int years)
    {
        ArgumentNullException.ThrowIfNull(forcing);
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        var windows = new TimeWindow[years];
        for (int y = 0; y < years; y++)
        {
            var (first, last) = TwoLayerSensitivity.StepWindow(forcing, firstYear + y, firstYear + y);
            windows[y] = new TimeWindow(first + 1, last + 1);
        }
        return TimeMeanOperator.OfComponent(component, 3, windows);
    }

    /// <summary>An observed variable of annual means with independent errors of standard deviation <paramref name="sigma"/>.</summary>
    /// <param name="name">Variable name, e.g. <c>tas</c>.</param>
    /// <param name="units">Units of the values.</param>
    /// <param name="component">State component observed.</param>
    /// <param name="forcing">The forcing basis.</param>
    /// <param name="firstYear">Year of the first value, in the forcing's calendar.</param>
    /// <param name="values">One value per year.</param>
    /// <param name="sigma">Observation error σ (same units), &gt; 0.</param>
    /// <param name="timeLabels">A time label per value for tables and plots; default firstYear + i + 0.5.</param>
    public static ObservedVariable AnnualMean(string name, string units, int component, ForcingBasis forcing, int firstYear,
        IReadOnlyList<double> values, double sigma, IReadOnlyList<double>? timeLabels = null) =>
        AnnualMean(name, units, component, forcing, firstYear, values,
            DiagonalCovariance.Uniform(values.Count, sigma * sigma), Enumerable.Repeat(sigma, values.Count).ToArray(), timeLabels);

    /// <summary>An observed variable of annual means with error covariance <paramref name="covariance"/>.</summary>
    /// <param name="name">Variable name.</param>
    /// <param name="units">Units of the values.</param>
    /// <param name="component">State component observed.</param>
    /// <param name="forcing">The forcing basis.</param>
    /// <param name="firstYear">Year of the first value, in the forcing's calendar.</param>
    /// <param name="values">One value per year.</param>
    /// <param name="covariance">R.</param>
    /// <param name="sigma">√diag R for plots, or <c>null</c>.</param>
    /// <param name="timeLabels">A time label per value; default firstYear + i + 0.5.</param>
    public static ObservedVariable AnnualMean(string name, string units, int component, ForcingBasis forcing, int firstYear,
        IReadOnlyList<double> values, IErrorCovariance covariance, IReadOnlyList<double>? sigma = null, IReadOnlyList<double>? timeLabels = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var op = AnnualMeans(component, forcing, firstYear, values.Count);
        var times = timeLabels ?? Enumerable.Range(0, values.Count).Select(i => firstYear + i + 0.5).ToArray();
        return new ObservedVariable(name, units, new ObservationTerm(op, values, covariance), times, sigma);
    }
}
