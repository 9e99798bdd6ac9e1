namespace ClimateAD.Physics.Models;

/// <summary>
/// The unit of a model's time axis: what <c>[time] start</c>, <c>end</c> and <c>step</c> count in a
/// scenario, and how it maps onto the CF time axis of the output (<c>days since …</c>, calendar
/// <c>noleap</c>).
/// </summary>
/// <param name="Name">Singular name used in messages, e.g. <c>year</c>.</param>
/// <param name="Symbol">Short symbol, e.g. <c>yr</c> or <c>MTU</c>.</param>
/// <param name="DaysPerUnit">Length of one unit in days of the 365-day calendar.</param>
/// <param name="IsCalendarYear">True when <c>start</c>/<c>end</c> are calendar (or model) years and the
/// time axis starts on 1 January of <c>start</c>; false for a dimensionless model time whose axis starts
/// at 0001-01-01.</param>
/// <param name="Description">One sentence for the output file's <c>time</c> attributes.</param>
public sealed record ModelTimeUnit(string Name, string Symbol, double DaysPerUnit, bool IsCalendarYear, string Description)
{
    /// <summary>The 365-day year of the energy-balance models.</summary>
    public static ModelTimeUnit Year { get; } = new("year", "yr", 365.0, true, "model years of 365 days");

    /// <summary>
    /// Lorenz's (1996) model time unit: "the scaling of the variables is such that the time unit
    /// equals 5 days", i.e. the damping time of the slow variables.
    /// </summary>
    public static ModelTimeUnit LorenzTimeUnit { get; } =
        new("model time unit", "MTU", 5.0, false, "Lorenz (1996) model time units, 1 MTU = 5 days");
}
