namespace ClimateAD.IO.Scenarios;

/// <summary>The forcing of a model that takes none (e.g. Lorenz-96, whose F is a parameter).</summary>
public sealed record NoForcing() : ScenarioForcing("none")
{
    /// <summary>The single instance.</summary>
    public static NoForcing Instance { get; } = new();
}
