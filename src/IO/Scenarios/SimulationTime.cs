using ClimateAD.Physics.Models;

namespace ClimateAD.IO.Scenarios;

/// <summary>
/// The simulated period (<c>[time]</c>): years <see cref="StartYear"/> .. <see cref="EndYear"/>
/// inclusive, i.e. from the beginning of <see cref="StartYear"/> to the end of
/// <see cref="EndYear"/>, in steps of <see cref="Step"/> = 1/<see cref="StepsPerYear"/> years.
/// Years are calendar years for historical and SSP runs and model years (1, 2, …) for
/// idealised runs.
/// </summary>
/// <param name="StartYear">First simulated year.</param>
/// <param name="EndYear">Last simulated year (inclusive), ≥ <paramref name="StartYear"/>.</param>
/// <param name="StepsPerYear">Time steps per year, ≥ 1.</param>
public sealed record SimulationTime(int StartYear, int EndYear, int StepsPerYear)
{
    /// <summary>
    /// What the numbers count: <see cref="ModelTimeUnit.Year"/> by default; for models with their own
    /// time unit (Lorenz-96: MTU), "year" in this type's member names means one such unit.
    /// </summary>
    public ModelTimeUnit Unit { get; init; } = ModelTimeUnit.Year;

    /// <summary>The time of a <c>[sweep]</c> scenario, which integrates nothing in time: one step of year 0.</summary>
    public static SimulationTime None { get; } = new(0, 0, 1);

    /// <summary>The unit in plural for messages: <c>years</c>, or the unit's symbol.</summary>
    public string UnitPlural => Unit.IsCalendarYear ? "years" : Unit.Symbol;

    /// <summary>Time step in years, 1/<see cref="StepsPerYear"/>.</summary>
    public double Step => 1.0 / StepsPerYear;

    /// <summary>Number of simulated years.</summary>
    public int Years => EndYear - StartYear + 1;

    /// <summary>Number of time steps.</summary>
    public long Steps => (long)Years * StepsPerYear;
}
