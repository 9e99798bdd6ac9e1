using ClimateAD.Grid.Latitude;
using ClimateAD.Physics.LatitudeEbm;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Physics.Tests.LatitudeEbm;

public class LatitudeEbmAnalyticTests(ITestOutputHelper output)
{
    // Constant albedo α = 0.3 (α₀ = α_i = 0.3, α₂ = 0), so the model is linear; other parameters NCC81.
    private static double[] ConstantAlbedoTheta(double s0 = 1360.8) => [s0, 203.3, 2.09, 0.649, 0.3, 0.0, 0.3, -10.0, 2.0, 6.5];

    // North (1975): with s = 1 + s₂P₂ and constant albedo, T = T₀ + T₂P₂ with
    // T₀ = (Q(1 − α) − A)/B, T₂ = Q s₂ (1 − α)/(B + 6D) (ℒP₂ = −6P₂).
    private static double Analytic(double x, double s0)
    {
        double q = s0 / 4.0, coalbedo = 0.7;
        double t0 = (q * coalbedo - 203.3) / 2.09;
        double t2 = q * AnnualInsolation.NorthS2 * coalbedo / (2.09 + 6.0 * 0.649);
        return t0 + t2 * AnnualInsolation.P2(x);
    }

    private static double MaxError(int cells, double s0 = 1360.8)
    {
        var grid = new LatitudeGrid(cells);
        var model = new LatitudeEbmModel(grid, AnnualInsolation.Legendre(grid));
        var e = LatitudeEbmEquilibrium.Solve(model, ConstantAlbedoTheta(s0), new double[cells], tolerance: 1e-13);
        Assert.True(e.Converged);
        double worst = 0.0;
        for (int j = 0; j < cells; j++) worst = Math.Max(worst, Math.Abs(e.Temperature[j] - Analytic(grid.Centres[j], s0)));
        return worst;
    }

    [Fact]
    public void SteadyState_ConstantAlbedoLegendreInsolation_ConvergesToNorthSolutionAtSecondOrder()
    {
        int[] resolutions = [10, 20, 40, 80, 160];
        double[] errors = [.. resolutions.Select(n => MaxError(n))];
        for (int i = 0; i + 1 < resolutions.Length; i++)
        {
            double order = Math.Log(errors[i] / errors[i + 1]) / Math.Log(2.0);
            output.WriteLine($"N = {resolutions[i]} → {resolutions[i + 1]}: max error {errors[i]:E3} → {errors[i + 1]:E3} K, observed order {order:F4}");
            Assert.InRange(order, 1.95, 2.05);
        }
        Assert.True(errors[^1] < 1e-3, $"error at N = 160 is {errors[^1]:E3} K");
    }

    [Fact]
    public void SteadyState_ConstantAlbedo_NorthCoefficientsAtPresentSolarConstant()
    {
        // Hand-computed: T₀ = (340.2·0.7 − 203.3)/2.09 = 16.670 °C, T₂ = 340.2·(−0.482)·0.7/(2.09 + 6·0.649) = −19.182 K.
        var grid = new LatitudeGrid(160);
        var model = new LatitudeEbmModel(grid, AnnualInsolation.Legendre(grid));
        var e = LatitudeEbmEquilibrium.Solve(model, ConstantAlbedoTheta(), new double[160], tolerance: 1e-13);
        Assert.Equal(16.670, e.GlobalMeanTemperature, 0.005); // ∫P₂ dx = 0, so the global mean is T₀
        double xPole = grid.Centres[^1], xEquator = grid.Centres[80];
        Assert.Equal(16.670 - 19.182 * 0.5 * (3 * xPole * xPole - 1), e.Temperature[^1], 0.005);
        Assert.Equal(16.670 - 19.182 * 0.5 * (3 * xEquator * xEquator - 1), e.Temperature[80], 0.005);
        Assert.True(e.Residual < 1e-9, $"residual {e.Residual:E2} W m-2");
    }
}
