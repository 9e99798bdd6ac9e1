using ClimateAD.Physics.EnergyBalance;
using ClimateAD.Physics.Forcing;
using Xunit;

namespace ClimateAD.Physics.Tests.Forcing;

public class ForcingBasisTests
{
    /// <summary>Three years, every component with a distinct value: 0.1·(c+1) + 0.01·y (W m⁻²).</summary>
    private static ErfTable KnownTable(bool withSolar = true)
    {
        var series = new Dictionary<ErfComponent, double[]>();
        foreach (var c in Enum.GetValues<ErfComponent>())
        {
            if (!withSolar && c == ErfComponent.Solar) continue;
            series[c] = Enumerable.Range(0, 3).Select(y => 0.1 * ((int)c + 1) + 0.01 * y).ToArray();
        }
        return new ErfTable("known", 2000, series);
    }

    [Fact]
    public void FromErfTable_ScaledGroups_EqualsHandWrittenSumOfScaledComponents()
    {
        var erf = KnownTable();
        var basis = ForcingBasis.FromErfTable(erf, 2000, 2002, stepsPerYear: 2);
        Assert.Equal(6, basis.StepCount);
        Assert.Equal(0.5, basis.TimeStep);
        Assert.Equal(2000.0, basis.StartTime);
        Assert.Equal(8, basis.BasisCount);

        var theta = TwoLayerParameterTable.All.Defaults();
        double[] s = [1.1, 0.9, 1.2, 0.6, 1.4, 0.8, 1.3, 0.7]; // co2, other ghg, o3, aerosol, land use, other anthro, volcanic, solar
        s.CopyTo(theta, 6);
        for (int n = 0; n < basis.StepCount; n++)
        {
            int year = 2000 + n / 2;
            double V(ErfComponent c) => erf[c, year];
            double expected =
                1.1 * V(ErfComponent.CarbonDioxide)
                + 0.9 * (V(ErfComponent.Methane) + V(ErfComponent.NitrousOxide) + V(ErfComponent.OtherWellMixedGreenhouseGases))
                + 1.2 * V(ErfComponent.Ozone)
                + 0.6 * (V(ErfComponent.AerosolRadiation) + V(ErfComponent.AerosolCloud))
                + 1.4 * V(ErfComponent.LandUse)
                + 0.8 * (V(ErfComponent.StratosphericWaterVapour) + V(ErfComponent.Contrails) + V(ErfComponent.BlackCarbonOnSnow))
                + 1.3 * V(ErfComponent.Volcanic)
                + 0.7 * V(ErfComponent.Solar);
            Assert.Equal(expected, basis.Evaluate(n, theta), 1e-14);
        }
    }

    [Fact]
    public void FromErfTable_DefaultScales_GivesTableTotalAndParameterIndicesOfScales()
    {
        var erf = KnownTable();
        var basis = ForcingBasis.FromErfTable(erf, 2001, 2002);
        var theta = TwoLayerParameterTable.All.Defaults();
        var f = new double[basis.StepCount];
        basis.Evaluate(theta, f);
        Assert.Equal(erf.Total(2001), f[0], 1e-14);
        Assert.Equal(erf.Total(2002), f[1], 1e-14);
        Assert.Equal(Enumerable.Range(6, 8), basis.ParameterIndices.ToArray());
        Assert.Equal("forcing_scale_aerosol", basis.Names[3]);
        // Basis values of the CO2 group in 2002 are the CO2 ERF itself: 0.1 + 0.02.
        Assert.Equal(0.12, basis.StepValues(1)[0], 1e-15);
    }

    [Fact]
    public void FromErfTable_YearsOutsideTable_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ForcingBasis.FromErfTable(KnownTable(), 1999, 2001));
        Assert.Throws<ArgumentOutOfRangeException>(() => ForcingBasis.FromErfTable(KnownTable(), 2000, 2003));
    }

    [Fact]
    public void FromErfTable_MissingComponent_ContributesZero()
    {
        var basis = ForcingBasis.FromErfTable(KnownTable(withSolar: false), 2000, 2000);
        Assert.Equal(0.0, basis.StepValues(0)[7]);
    }

    [Theory]
    [InlineData(4.0, 1.0)]
    [InlineData(2.0, 0.5)]
    [InlineData(0.5, -0.5)]
    [InlineData(16.0, 2.0)]
    public void AbruptCo2_Multiple_GivesF4xTimesLog4OfMultiple(double multiple, double log4Multiple)
    {
        var basis = ForcingBasis.AbruptCo2(multiple, 5, 4);
        Assert.Equal(20, basis.StepCount);
        Assert.Equal(0.0, basis.StartTime);
        var theta = TwoLayerParameterTable.All.Defaults();
        for (int n = 0; n < basis.StepCount; n++)
        {
            Assert.Equal(log4Multiple, basis.StepValues(n)[0], 1e-15);
            Assert.Equal(7.78 * log4Multiple, basis.Evaluate(n, theta), 1e-14);
        }
        Assert.Equal(0, basis.ParameterIndices[0]);
    }

    [Fact]
    public void RampCo2_OnePercent_GivesMidpointValues()
    {
        var basis = ForcingBasis.RampCo2(0.01, 70, 2);
        double perYear = Math.Log(1.01) / Math.Log(4.0);
        Assert.Equal(0.00717764649, perYear, 1e-11); // 0.00995033085 / 1.38629436112
        Assert.Equal(0.25 * perYear, basis.StepValues(0)[0], 1e-16);
        Assert.Equal(0.75 * perYear, basis.StepValues(1)[0], 1e-16);
        Assert.Equal(69.75 * perYear, basis.StepValues(139)[0], 1e-15);
        // CO2 doubles after ln 2 / ln 1.01 = 69.66 years, where F = F₄ₓ/2.
        var theta = TwoLayerParameterTable.All.Defaults();
        Assert.Equal(7.78 / 2 * 69.75 / 69.660716893, basis.Evaluate(139, theta), 1e-8);
    }

    [Fact]
    public void Evaluate_ThetaTooShort_Throws()
    {
        var basis = ForcingBasis.FromErfTable(KnownTable(), 2000, 2000);
        Assert.Throws<ArgumentException>(() => basis.Evaluate(0, new double[6]));
    }
}
