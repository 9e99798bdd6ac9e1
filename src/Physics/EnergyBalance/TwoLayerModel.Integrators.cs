namespace ClimateAD.Physics.EnergyBalance;

public static partial class TwoLayerModel
{
    /// <summary>Scenario name of an integrator, as listed in <see cref="Descriptor"/>'s <c>Integrators</c>.</summary>
    public static string IntegratorName(TwoLayerIntegrator integrator) => integrator switch
    {
        TwoLayerIntegrator.Exact => "exact",
        TwoLayerIntegrator.Rk4 => "rk4",
        TwoLayerIntegrator.Euler => "euler",
        _ => throw new ArgumentOutOfRangeException(nameof(integrator), integrator, "Unknown two-layer integrator."),
    };

    /// <summary>
    /// The integrator with scenario name <paramref name="name"/> (<c>exact</c>, <c>rk4</c> or
    /// <c>euler</c>, case-sensitive); <c>false</c> for any other name.
    /// </summary>
    public static bool TryParseIntegrator(string name, out TwoLayerIntegrator integrator)
    {
        foreach (var candidate in Enum.GetValues<TwoLayerIntegrator>())
        {
            if (IntegratorName(candidate) == name)
            {
                integrator = candidate;
                return true;
            }
        }
        integrator = default;
        return false;
    }
}
