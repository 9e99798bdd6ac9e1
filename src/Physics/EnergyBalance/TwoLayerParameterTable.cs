using ClimateAD.Physics.Forcing;
using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.EnergyBalance;

/// <summary>
/// Parameters of the two-layer energy-balance model with deep-ocean heat-uptake efficacy
/// (Held et al. 2010, J. Climate 23, 2418; Geoffroy et al. 2013a,b, J. Climate 26, 1841 and 1859),
/// followed by one scale factor per forcing group (Smith et al. 2021, AR6 WG1 Ch. 7 SM).
/// Heat capacities are in W yr m⁻² K⁻¹ (1 W yr m⁻² K⁻¹ = 3.156×10⁷ J m⁻² K⁻¹), the convention of
/// Geoffroy et al. Defaults are those of a typical CMIP6 model (the twin-experiment truth used
/// throughout ClimateAD's tests); bounds span the CMIP5/CMIP6 ranges with margin.
/// </summary>
public static class TwoLayerParameterTable
{
    /// <summary>Name of the 4×CO2 forcing parameter F₄ₓ.</summary>
    public const string Forcing4xCO2 = "forcing_4xco2";
    /// <summary>Name of the climate feedback parameter λ.</summary>
    public const string ClimateFeedback = "climate_feedback";
    /// <summary>Name of the upper-layer heat capacity C.</summary>
    public const string UpperHeatCapacity = "upper_heat_capacity";
    /// <summary>Name of the deep-ocean heat capacity C₀.</summary>
    public const string DeepHeatCapacity = "deep_heat_capacity";
    /// <summary>Name of the heat-exchange coefficient γ.</summary>
    public const string HeatExchange = "heat_exchange_coefficient";
    /// <summary>Name of the deep-ocean heat-uptake efficacy ε.</summary>
    public const string Efficacy = "deep_ocean_efficacy";

    /// <summary>The six physical parameters, in θ order.</summary>
    public static ParameterTable Physical { get; } = new(
    [
        new(Forcing4xCO2, "F₄ₓ", "W m-2", 7.78, 2.0, 15.0,
            "Effective radiative forcing of an abrupt quadrupling of CO2; scales the idealised CO2 forcing F = F₄ₓ ln(C/C₀)/ln 4."),
        new(ClimateFeedback, "λ", "W m-2 K-1", 1.06, 0.3, 3.0,
            "Climate feedback parameter: extra outgoing radiation per kelvin of surface warming (Gregory et al. 2004); prior from the AR6 assessed net feedback 1.16 [0.51 to 1.81] (Forster et al. 2021, Table 7.10).",
            new GaussianPrior(1.16, 0.40)),
        new(UpperHeatCapacity, "C", "W yr m-2 K-1", 8.14, 1.0, 50.0,
            "Effective heat capacity of the atmosphere, land and ocean mixed layer (Geoffroy et al. 2013a)."),
        new(DeepHeatCapacity, "C₀", "W yr m-2 K-1", 109.6, 10.0, 1000.0,
            "Effective heat capacity of the deep ocean (Geoffroy et al. 2013a)."),
        new(HeatExchange, "γ", "W m-2 K-1", 0.617, 0.05, 3.0,
            "Heat-exchange coefficient between upper layer and deep ocean (Held et al. 2010)."),
        new(Efficacy, "ε", "1", 1.34, 0.5, 3.0,
            "Efficacy of deep-ocean heat uptake: how much more the uptake cools the surface than forcing of equal size (Geoffroy et al. 2013b)."),
    ]);

    /// <summary>Forcing groups, each with a multiplicative scale factor parameter (default 1).</summary>
    public static IReadOnlyList<ForcingGroup> Groups { get; } =
    [
        new("forcing_scale_co2", "CO2", [ErfComponent.CarbonDioxide]),
        new("forcing_scale_other_ghg", "CH4, N2O and halogenated gases",
            [ErfComponent.Methane, ErfComponent.NitrousOxide, ErfComponent.OtherWellMixedGreenhouseGases]),
        new("forcing_scale_ozone", "ozone", [ErfComponent.Ozone]),
        new("forcing_scale_aerosol", "aerosol-radiation and aerosol-cloud interactions",
            [ErfComponent.AerosolRadiation, ErfComponent.AerosolCloud]),
        new("forcing_scale_land_use", "land-use albedo", [ErfComponent.LandUse]),
        new("forcing_scale_other_anthropogenic", "stratospheric water vapour, contrails and black carbon on snow",
            [ErfComponent.StratosphericWaterVapour, ErfComponent.Contrails, ErfComponent.BlackCarbonOnSnow]),
        new("forcing_scale_volcanic", "volcanic stratospheric aerosol", [ErfComponent.Volcanic]),
        new("forcing_scale_solar", "solar irradiance changes", [ErfComponent.Solar]),
    ];

    /// <summary>Scale-factor parameters of <see cref="Groups"/>, in the same order.</summary>
    public static ParameterTable ForcingScales { get; } = new(Groups.Select(g =>
        new ParameterSpec(g.ParameterName, "s", "1", 1.0, 0.0, 3.0,
            $"Multiplies the effective radiative forcing of {g.Description}.", new GaussianPrior(1.0, 0.5))));

    /// <summary>All parameters: physical then forcing scales (the model's θ).</summary>
    public static ParameterTable All { get; } = Physical.Concat(ForcingScales);
}

/// <summary>A named group of ERF components sharing one scale-factor parameter.</summary>
/// <param name="ParameterName">Scale-factor parameter name, e.g. <c>forcing_scale_aerosol</c>.</param>
/// <param name="Description">What the group holds, for docs and messages.</param>
/// <param name="Components">ERF components summed into the group.</param>
public sealed record ForcingGroup(string ParameterName, string Description, IReadOnlyList<ErfComponent> Components);
