namespace ClimateAD.IO.Scenarios;

/// <summary>
/// The forcing a scenario applies (<c>[forcing]</c>): <see cref="ErfScenarioForcing"/> (a spliced
/// table of effective radiative forcing by component), <see cref="AbruptCo2Forcing"/> or
/// <see cref="RampCo2Forcing"/> (idealised CO2 experiments whose forcing the model computes from its
/// <c>forcing_4xco2</c> parameter).
/// </summary>
/// <param name="Type">Value of <c>forcing.type</c>: <c>erf</c>, <c>abrupt-co2</c> or <c>ramp-co2</c>.</param>
public abstract record ScenarioForcing(string Type)
{
    /// <summary>The valid values of <c>forcing.type</c>.</summary>
    public static IReadOnlyList<string> Types { get; } = ["erf", "abrupt-co2", "ramp-co2"];
}
