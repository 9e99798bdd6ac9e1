using ClimateAD.Physics.Models;

namespace ClimateAD.Physics.EnergyBalance;

/// <summary>
/// Two-layer energy-balance model with efficacy of deep-ocean heat uptake
/// (Held et al. 2010; Geoffroy et al. 2013a,b):
/// <code>
///   C  dT/dt  = F − λT − εγ(T − T₀)
///   C₀ dT₀/dt = γ(T − T₀)
///   N = F − λT − (ε − 1)γ(T − T₀)       (top-of-atmosphere imbalance)
/// </code>
/// T, T₀: upper-layer and deep-ocean temperature anomalies (K); F: effective radiative forcing
/// (W m⁻²); time in years. See docs/models/ebm-two-layer.md.
/// </summary>
public static partial class TwoLayerModel
{
    /// <summary>Scenario name and metadata of the model.</summary>
    public static ModelDescriptor Descriptor { get; } = new(
        "ebm-two-layer",
        "Two-layer energy-balance model with deep-ocean heat-uptake efficacy (Held et al. 2010; Geoffroy et al. 2013).",
        "docs/models/ebm-two-layer.md",
        TwoLayerParameterTable.All,
        ["exact", "rk4", "euler"],
        [
            new("tas", "K", "Upper-layer (surface) temperature anomaly", "surface_temperature_anomaly"),
            new("tas_deep", "K", "Deep-ocean temperature anomaly"),
            new("toa_imbalance", "W m-2", "Top-of-atmosphere net downward radiative flux anomaly N"),
            new("erf", "W m-2", "Effective radiative forcing F"),
            new("ocean_heat_uptake", "W m-2", "Heat flux from upper layer into deep ocean γ(T − T₀)"),
        ])
    {
        InitialSettings =
        [
            new("tas", "K", 0.0, -100.0, 100.0, false, "Initial upper-layer temperature anomaly T(0)"),
            new("tas_deep", "K", 0.0, -100.0, 100.0, false, "Initial deep-ocean temperature anomaly T₀(0)"),
        ],
        SensitivityDiagnostics = ["mean_tas"],
    };
}
