using ClimateAD.Physics.EnergyBalance;

namespace ClimateAD.Physics.Tests.EnergyBalance;

/// <summary>Parameter sets shared by the two-layer tests.</summary>
internal static class TwoLayerTestCases
{
    /// <summary>The table defaults (ε = 1.34).</summary>
    public static TwoLayerParameters Default => TwoLayerParameters.Default;

    /// <summary>A strong-efficacy, low-sensitivity set (ε = 1.8).</summary>
    public static TwoLayerParameters HighEfficacy => new(6.2, 1.45, 6.3, 72.0, 0.88, 1.8);

    /// <summary>Efficacy below one, slow deep ocean (ε = 0.7).</summary>
    public static TwoLayerParameters LowEfficacy => new(8.9, 0.62, 11.5, 310.0, 0.42, 0.7);

    /// <summary>No efficacy (ε = 1), the Gregory/Held two-layer model.</summary>
    public static TwoLayerParameters UnitEfficacy => new(7.3, 1.13, 7.3, 106.0, 0.73, 1.0);

    public static TwoLayerParameters ByName(string name) => name switch
    {
        nameof(Default) => Default,
        nameof(HighEfficacy) => HighEfficacy,
        nameof(LowEfficacy) => LowEfficacy,
        nameof(UnitEfficacy) => UnitEfficacy,
        _ => throw new ArgumentException(name),
    };

    /// <summary>θ in TwoLayerParameterTable.All order: the physical parameters, then every forcing scale at <paramref name="scale"/>.</summary>
    public static double[] Theta(TwoLayerParameters p, double scale = 1.0)
    {
        var theta = new double[TwoLayerParameterTable.All.Count];
        Array.Fill(theta, scale);
        p.CopyTo(theta);
        return theta;
    }
}
