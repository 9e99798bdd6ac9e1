using ClimateAD.Grid.Latitude;
using ClimateAD.Physics.LatitudeEbm;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Physics.Tests.LatitudeEbm;

public class AnnualInsolationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(0.77)]
    [InlineData(0.999)]
    public void AnnualMean_ZeroObliquity_EqualsFourCosLatitudeOverPi(double x)
    {
        // δ = 0 all year: the daily mean is S₀ cos φ/π, so s = 4 cos φ/π.
        Assert.Equal(4.0 / Math.PI * Math.Sqrt(1 - x * x), AnnualInsolation.AnnualMean(x, 0.0), 12);
    }

    [Fact]
    public void AnnualMean_Pole_EqualsFourSinObliquityOverPi()
    {
        // At the pole the daily mean is S₀ sin δ for δ > 0, and ⟨max(sin δ, 0)⟩ over a year = sin β/π.
        double beta = AnnualInsolation.PresentObliquity * Math.PI / 180.0;
        Assert.Equal(4.0 * Math.Sin(beta) / Math.PI, AnnualInsolation.AnnualMean(1.0, AnnualInsolation.PresentObliquity), 6);
    }

    [Fact]
    public void FromOrbit_PresentObliquity_GlobalMeanOneAndLegendreCoefficientNearNorths()
    {
        var grid = new LatitudeGrid(400);
        var s = AnnualInsolation.FromOrbit(grid);
        double mean = grid.GlobalMean(s.Values);
        double s2 = 0.0;
        for (int j = 0; j < grid.CellCount; j++) s2 += 5.0 * s.Values[j] * AnnualInsolation.P2(grid.Centres[j]) * grid.AreaWeight;
        output.WriteLine($"global mean {mean:F8}, P2 coefficient {s2:F4} (North 1975: -0.482), equator {s.Values[200]:F4}");
        Assert.Equal(1.0, mean, 4);
        Assert.Equal(AnnualInsolation.NorthS2, s2, 0.01);
        Assert.Equal(s.Values[0], s.Values[^1], 14); // hemispherically symmetric
    }

    [Fact]
    public void Legendre_Values_AreOnePlusS2P2AtCentres()
    {
        var grid = new LatitudeGrid(7);
        var s = AnnualInsolation.Legendre(grid, -0.5);
        for (int j = 0; j < 7; j++) Assert.Equal(1 - 0.25 * (3 * grid.Centres[j] * grid.Centres[j] - 1), s.Values[j], 15);
    }
}
