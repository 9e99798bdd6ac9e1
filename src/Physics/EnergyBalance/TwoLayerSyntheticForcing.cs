using ClimateAD.Physics.Forcing;

namespace ClimateAD.Physics.EnergyBalance;

/// <summary>
/// A synthetic, formula-defined annual ERF history for gradient checks and tests that cannot read
/// data files: every <see cref="ErfComponent"/> is a smooth function of the calendar year Y with
/// the shape and rough magnitude of the AR6 SSP2-4.5 ERF time series (Smith et al. 2021, AR6 WG1
/// Ch. 7 SM; about 2.7 W m⁻² total in 2020 and 4.5 W m⁻² by 2100, then stabilising). It is not
/// data. With the logistic L(z) = 1/(1 + e⁻ᶻ) and the pulse P(Y, Y₀) = exp(−((Y − Y₀)/1.2)²):
/// <code>
///   CO2        5.35 ln(1 + 1.3 L((Y − 2025)/40))
///   CH4        0.55 L((Y − 1980)/35)             N2O    0.25 L((Y − 2000)/50)
///   other GHG  0.40 L((Y − 1985)/15)(1 − 0.5 L((Y − 2070)/30))
///   ozone      0.45 L((Y − 1970)/30)
///   aerosol    −(0.3 radiation, 0.9 cloud) × L((Y − 1950)/25)(1 − 0.8 L((Y − 2030)/20))
///   land use   −0.20 L((Y − 1900)/60)
///   strat. H2O 0.05 L((Y − 1980)/35)   contrails 0.05 L((Y − 2000)/15)   BC on snow 0.08 L((Y − 1960)/40)
///   volcanic   −3.0 P(Y, 1815) − 1.5 P(Y, 1883) − 1.2 P(Y, 1963) − 2.0 P(Y, 1991) − 1.0 P(Y, 2150) + 0.15
///   solar      0.10 sin(2π(Y − 1750)/11)
/// </code>
/// </summary>
public static class TwoLayerSyntheticForcing
{
    /// <summary>The synthetic ERF table for calendar years <paramref name="firstYear"/>..<paramref name="lastYear"/> (inclusive).</summary>
    public static ErfTable Table(int firstYear, int lastYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lastYear, firstYear);
        int count = lastYear - firstYear + 1;
        var series = new Dictionary<ErfComponent, double[]>();
        foreach (var c in Enum.GetValues<ErfComponent>())
        {
            var v = new double[count];
            for (int i = 0; i < count; i++) v[i] = Value(c, firstYear + i);
            series[c] = v;
        }
        return new ErfTable($"synthetic ERF {firstYear}-{lastYear}", firstYear, series);
    }

    /// <summary>
    /// One basis per forcing group (<see cref="ForcingBasis.FromErfTable"/>) from the synthetic table, annual
    /// steps from <paramref name="firstYear"/> through <paramref name="lastYear"/>.
    /// </summary>
    public static ForcingBasis Basis(int firstYear, int lastYear) =>
        ForcingBasis.FromErfTable(Table(firstYear, lastYear), firstYear, lastYear);

    /// <summary>ERF of <paramref name="component"/> in calendar year <paramref name="year"/>, W m⁻² (formulas above).</summary>
    public static double Value(ErfComponent component, double year) => component switch
    {
        ErfComponent.CarbonDioxide => 5.35 * Math.Log(1.0 + 1.3 * L((year - 2025.0) / 40.0)),
        ErfComponent.Methane => 0.55 * L((year - 1980.0) / 35.0),
        ErfComponent.NitrousOxide => 0.25 * L((year - 2000.0) / 50.0),
        ErfComponent.OtherWellMixedGreenhouseGases => 0.40 * L((year - 1985.0) / 15.0) * (1.0 - 0.5 * L((year - 2070.0) / 30.0)),
        ErfComponent.Ozone => 0.45 * L((year - 1970.0) / 30.0),
        ErfComponent.AerosolRadiation => -0.3 * AerosolShape(year),
        ErfComponent.AerosolCloud => -0.9 * AerosolShape(year),
        ErfComponent.LandUse => -0.20 * L((year - 1900.0) / 60.0),
        ErfComponent.StratosphericWaterVapour => 0.05 * L((year - 1980.0) / 35.0),
        ErfComponent.Contrails => 0.05 * L((year - 2000.0) / 15.0),
        ErfComponent.BlackCarbonOnSnow => 0.08 * L((year - 1960.0) / 40.0),
        ErfComponent.Volcanic => -3.0 * Pulse(year, 1815) - 1.5 * Pulse(year, 1883) - 1.2 * Pulse(year, 1963)
                                 - 2.0 * Pulse(year, 1991) - 1.0 * Pulse(year, 2150) + 0.15,
        ErfComponent.Solar => 0.10 * Math.Sin(2.0 * Math.PI * (year - 1750.0) / 11.0),
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, "Unknown ERF component."),
    };

    private static double L(double z) => 1.0 / (1.0 + Math.Exp(-z));

    private static double AerosolShape(double year) => L((year - 1950.0) / 25.0) * (1.0 - 0.8 * L((year - 2030.0) / 20.0));

    private static double Pulse(double year, double centre)
    {
        double z = (year - centre) / 1.2;
        return Math.Exp(-z * z);
    }
}
