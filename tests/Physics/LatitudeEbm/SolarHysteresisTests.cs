using ClimateAD.Physics.LatitudeEbm;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Physics.Tests.LatitudeEbm;

public class SolarHysteresisTests(ITestOutputHelper output)
{
    private const double PresentSolarConstant = 1360.8;

    [Fact]
    public void Sweep_DefaultParameters_WarmAndSnowballStatesCoexistOverPlausibleRange()
    {
        var model = LatitudeEbmModel.Default(cellCount: 36);
        var r = SolarHysteresis.Sweep(model, model.Parameters.Defaults(), 1100.0, 1900.0, 20.0, resolution: 0.1);
        output.WriteLine($"warm branch ends at S0 = {r.WarmBranchLimit:F1} ({r.WarmBranchLimit / PresentSolarConstant - 1:P1}); " +
                         $"snowball melts above S0 = {r.SnowballLimit:F1} ({r.SnowballLimit / PresentSolarConstant - 1:P1})");
        foreach (var p in r.Decreasing.Concat(r.Increasing)) Assert.True(p.Converged, $"S0 = {p.SolarConstant}");
        Assert.True(r.IsBistable);
        // Sellers (1974, Geofís. Int. 14, 303–315) compiles, over the zonal models of the time: an
        // ice-covered earth after a decrease of S0 by 6–14 %, melting of the snowball at −8 to +33 %.
        Assert.InRange(r.WarmBranchLimit / PresentSolarConstant, 0.86, 0.94);
        Assert.InRange(r.SnowballLimit / PresentSolarConstant, 1.0, 1.33);
        // Present-day S0 lies inside the bistable range, and the down-sweep's last warm state has a large
        // ice cap (the "large ice-cap instability" of North 1975 sets in with the edge in mid-latitudes).
        Assert.InRange(PresentSolarConstant, r.WarmBranchLimit, r.SnowballLimit);
        var lastWarm = r.Decreasing.Last(p => !p.IsSnowball);
        output.WriteLine($"last warm equilibrium of the sweep: S0 = {lastWarm.SolarConstant}, ice edge {lastWarm.NorthernIceEdge:F1}°N, T = {lastWarm.GlobalMeanTemperature:F1} °C");
        Assert.InRange(lastWarm.NorthernIceEdge, 25.0, 50.0);
        // Branches: the warm branch cools as S0 falls; the snowball is colder than −20 °C everywhere on it.
        Assert.All(r.Increasing.Where(p => p.IsSnowball), p => Assert.True(p.GlobalMeanTemperature < -20.0));
        var warm = r.Decreasing.Where(p => !p.IsSnowball).ToArray();
        for (int i = 1; i < warm.Length; i++) Assert.True(warm[i].GlobalMeanTemperature < warm[i - 1].GlobalMeanTemperature);
    }

    [Fact]
    public void Sweep_ResolutionIndependent_LimitsAgreeAt36And90Cells()
    {
        double[] theta = LatitudeEbmParameterTable.Surface.Defaults();
        var coarse = SolarHysteresis.Sweep(LatitudeEbmModel.Default(cellCount: 36), theta, 1150.0, 1750.0, 25.0, resolution: 0.1);
        var fine = SolarHysteresis.Sweep(LatitudeEbmModel.Default(cellCount: 90), theta, 1150.0, 1750.0, 25.0, resolution: 0.1);
        output.WriteLine($"N = 36: [{coarse.WarmBranchLimit:F2}, {coarse.SnowballLimit:F2}]; N = 90: [{fine.WarmBranchLimit:F2}, {fine.SnowballLimit:F2}] W m-2");
        Assert.Equal(fine.WarmBranchLimit, coarse.WarmBranchLimit, 2.0);
        Assert.Equal(fine.SnowballLimit, coarse.SnowballLimit, 2.0);
    }

    [Fact]
    public void Equilibrium_PresentDayDefaults_IceEdgeNearObservedAndSnowballAlsoStable()
    {
        var model = LatitudeEbmModel.Default();
        double[] theta = model.Parameters.Defaults();
        var warm = LatitudeEbmEquilibrium.Solve(model, theta, model.UniformState(20.0));
        var cold = LatitudeEbmEquilibrium.Solve(model, theta, model.UniformState(-50.0));
        output.WriteLine($"warm: {warm.GlobalMeanTemperature:F2} °C, ice edge {warm.NorthernIceEdge:F2}°N, {warm.Iterations} iterations, residual {warm.Residual:E1} W m-2");
        output.WriteLine($"warm: equator {warm.Temperature[45]:F2} °C, poles {warm.Temperature[^1]:F2} °C");
        output.WriteLine($"cold: {cold.GlobalMeanTemperature:F2} °C, snowball {cold.IsSnowball}, {cold.Iterations} iterations, residual {cold.Residual:E1} W m-2");
        Assert.True(warm.Converged && cold.Converged);
        Assert.True(warm.Residual < 1e-6 && cold.Residual < 1e-6);
        Assert.InRange(warm.GlobalMeanTemperature, 13.0, 16.0); // observed ≈ 14–15 °C
        Assert.InRange(warm.NorthernIceEdge, 68.0, 75.0);       // NCC81: x_s = 0.95 (71.8°)
        Assert.True(cold.IsSnowball);
        Assert.InRange(cold.GlobalMeanTemperature, -40.0, -30.0);
    }

    [Fact]
    public void Equilibrium_NorthCahalanCoakleyParameterSet_ReproducesTheirPresentIceEdge()
    {
        // NCC81's own setting: Q = 334.4 W m-2, s = 1 + s₂P₂, co-albedo 0.681 − 0.202P₂ ice-free and 0.38 on ice
        // poleward of the −10 °C isotherm (step albedo ≈ w = 0.1 K), A = 203.3, B = 2.09, D = 0.649, for which
        // they report the present ice edge x_s = 0.95, i.e. 71.8°N.
        var grid = new ClimateAD.Grid.Latitude.LatitudeGrid(90);
        var model = new LatitudeEbmModel(grid, AnnualInsolation.Legendre(grid));
        double[] theta = [4 * 334.4, 203.3, 2.09, 0.649, 0.319, 0.202, 0.62, -10.0, 0.1, 6.5];
        var e = LatitudeEbmEquilibrium.Solve(model, theta, model.UniformState(20.0));
        output.WriteLine($"ice edge {e.NorthernIceEdge:F2}°N (x = {Math.Sin(e.NorthernIceEdge * Math.PI / 180):F3}), T = {e.GlobalMeanTemperature:F2} °C");
        Assert.Equal(Math.Asin(0.95) * 180 / Math.PI, e.NorthernIceEdge, 1.0);
    }
}
