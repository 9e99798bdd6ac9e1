namespace ClimateAD.Physics.Forcing;

/// <summary>
/// Components of effective radiative forcing (ERF) as reported by IPCC AR6 WG1 Chapter 7
/// (Forster et al. 2021, Table 7.8 and Annex III) and the Indicators of Global Climate Change
/// 2024 update (Forster et al. 2025). Every loader maps its file's columns onto these, so a
/// model sees the same components whatever the source.
/// </summary>
public enum ErfComponent
{
    /// <summary>Carbon dioxide.</summary>
    CarbonDioxide,
    /// <summary>Methane.</summary>
    Methane,
    /// <summary>Nitrous oxide.</summary>
    NitrousOxide,
    /// <summary>Halogenated gases and other minor well-mixed greenhouse gases.</summary>
    OtherWellMixedGreenhouseGases,
    /// <summary>Tropospheric and stratospheric ozone.</summary>
    Ozone,
    /// <summary>Stratospheric water vapour from methane oxidation.</summary>
    StratosphericWaterVapour,
    /// <summary>Contrails and contrail-induced cirrus.</summary>
    Contrails,
    /// <summary>Aerosol-radiation interactions.</summary>
    AerosolRadiation,
    /// <summary>Aerosol-cloud interactions.</summary>
    AerosolCloud,
    /// <summary>Black carbon on snow.</summary>
    BlackCarbonOnSnow,
    /// <summary>Land-use albedo change (and irrigation, where given).</summary>
    LandUse,
    /// <summary>Volcanic stratospheric aerosol.</summary>
    Volcanic,
    /// <summary>Solar irradiance change.</summary>
    Solar,
}
