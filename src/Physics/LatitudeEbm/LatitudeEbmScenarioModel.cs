using ClimateAD.Physics.Models;

namespace ClimateAD.Physics.LatitudeEbm;

/// <summary>
/// The 1-D diffusive latitude energy-balance model as a scenario model, <c>ebm-latitude</c>
/// (North 1975; North, Cahalan &amp; Coakley 1981):
/// <code>
///   C ∂T/∂t    = (S₀/4) s(x)(1 − α(x, T)) − (A + B T) + D ∂/∂x[(1 − x²) ∂T/∂x] − γ(T − T_d)
///   C_d ∂T_d/∂t = γ(T − T_d)                      (with deep_ocean = true)
/// </code>
/// x = sin(latitude), T in °C, time in model years. Structural settings in <c>[model]</c>: <c>cells</c>
/// (equal-area cells in x), <c>obliquity</c> (degrees; the annual-mean insolation s(x) is computed from
/// it), <c>deep_ocean</c>. The parameter table always lists γ and C_d; they are used only with the deep
/// ocean on. See <see cref="LatitudeEbmModel"/> and docs/models/ebm-latitude.md.
/// </summary>
public static class LatitudeEbmScenarioModel
{
    /// <summary>File setting: an ONNX network correction S(T) in the model's correction slot.</summary>
    public const string CorrectionNetwork = "correction_network";

    /// <summary>Scenario name.</summary>
    public const string Name = "ebm-latitude";

    /// <summary>Setting: number of equal-area cells.</summary>
    public const string Cells = "cells";

    /// <summary>Setting: obliquity, degrees.</summary>
    public const string Obliquity = "obliquity";

    /// <summary>Setting: deep ocean on or off.</summary>
    public const string DeepOcean = "deep_ocean";

    /// <summary>Initial setting: uniform initial temperature of every cell (and of the deep ocean), °C.</summary>
    public const string InitialTemperature = "tas";

    /// <summary>Scenario name and metadata of the model.</summary>
    public static ModelDescriptor Descriptor { get; } = new(
        Name,
        "1-D diffusive energy-balance model on latitude with smooth ice-albedo feedback and optional deep ocean (North 1975; North et al. 1981).",
        "docs/models/ebm-latitude.md",
        LatitudeEbmParameterTable.WithDeepOcean,
        ["semi-implicit"],
        [
            new("tas", "degC", "Zonal-mean surface temperature", "air_temperature") { Axes = ["lat"] },
            new("tas_deep", "degC", "Deep-ocean temperature below each latitude") { Axes = ["lat"] },
            new("tas_global", "degC", "Global-mean surface temperature"),
            new("ice_edge", "degrees_north", "Northern ice-edge latitude (90 = ice-free, 0 = snowball)"),
            new("planetary_albedo", "1", "Planetary albedo 1 - absorbed/(S0/4)", "planetary_albedo"),
            new("toa_imbalance", "W m-2", "Global-mean net downward top-of-atmosphere flux (absorbed sunlight - OLR)"),
        ])
    {
        UsesForcing = false,
        SupportsEnsemble = false,
        Settings =
        [
            new(Cells, "1", LatitudeEbmModel.DefaultCellCount, 4, 4000, true, "Number of equal-area cells in x = sin(latitude)"),
            new(Obliquity, "degree", AnnualInsolation.PresentObliquity, 0, 90, false, "Obliquity of the orbit; sets the annual-mean insolation s(x)"),
            ModelSetting.Boolean(DeepOcean, true, "Deep-ocean layer under every latitude exchanging heat gamma (T - T_d)"),
        ],
        InitialSettings =
        [
            new(InitialTemperature, "degC", 10.0, -100.0, 100.0, false, "Uniform initial temperature of every cell and of the deep ocean"),
        ],
        SensitivityDiagnostics = ["mean_tas_global"],
        CheckpointedSensitivity = true,
        SweepParameters = [LatitudeEbmParameterTable.SolarConstant],
        FileSettings = new Dictionary<string, string>
        {
            [CorrectionNetwork] = "ONNX file of an MLP correction S(T) (W m-2, 1 input in degC, 1 output) added to every cell's energy budget (docs/hybrid.md)",
        },
    };
}
