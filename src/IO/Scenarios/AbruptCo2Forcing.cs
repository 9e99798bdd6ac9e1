namespace ClimateAD.IO.Scenarios;

/// <summary>
/// <c>forcing.type = "abrupt-co2"</c>: CO2 multiplied by <see cref="Co2Multiple"/> at the start and
/// held (CMIP6 abrupt-4xCO2 for m = 4), so F = F₄ₓ ln(m)/ln 4 from the first step
/// (Myhre et al. 1998 logarithmic forcing).
/// </summary>
/// <param name="Co2Multiple">m = C/C₀, &gt; 0 (default 4).</param>
public sealed record AbruptCo2Forcing(double Co2Multiple) : ScenarioForcing("abrupt-co2");
