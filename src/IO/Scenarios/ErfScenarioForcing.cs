using ClimateAD.Physics.Forcing;

namespace ClimateAD.IO.Scenarios;

/// <summary>
/// <c>forcing.type = "erf"</c>: annual effective radiative forcing by component, spliced from the
/// <c>[[forcing.source]]</c> files in order, covering exactly the simulated years.
/// </summary>
/// <param name="Table">The spliced table, <see cref="ErfTable.FirstYear"/> = start year, <see cref="ErfTable.LastYear"/> = end year.</param>
/// <param name="Sources">The sources as resolved, in splice order.</param>
public sealed record ErfScenarioForcing(ErfTable Table, IReadOnlyList<ErfSourceFile> Sources) : ScenarioForcing("erf");

/// <summary>One <c>[[forcing.source]]</c> entry after resolution.</summary>
/// <param name="File">Absolute path of the ERF file.</param>
/// <param name="FirstYear">First year taken from it (after defaults).</param>
/// <param name="LastYear">Last year taken from it (after defaults).</param>
public sealed record ErfSourceFile(string File, int FirstYear, int LastYear);
