namespace ClimateAD.IO.Scenarios;

/// <summary>
/// <c>forcing.type = "ramp-co2"</c>: CO2 grows by <see cref="RatePercentPerYear"/> per cent a year
/// compounded, C = C₀(1 + r)ᵗ with t in years since the start, so F = F₄ₓ t ln(1 + r)/ln 4
/// (CMIP6 1pctCO2 for r = 1 %: doubling after 69.7 years, quadrupling after 139.3).
/// </summary>
/// <param name="RatePercentPerYear">r in per cent a year, &gt; 0 (default 1).</param>
public sealed record RampCo2Forcing(double RatePercentPerYear) : ScenarioForcing("ramp-co2");
