using ClimateAD.Grid.Latitude;
using ClimateAD.Physics.LatitudeEbm;
using Xunit;

namespace ClimateAD.Physics.Tests.LatitudeEbm;

public class LatitudeEbmSimulationTests
{
    [Fact]
    public void DiffusiveTendency_RandomField_AreaWeightedSumZeroToRoundOff()
    {
        var grid = new LatitudeGrid(90);
        var rng = new Random(3);
        double[] t = [.. Enumerable.Range(0, 90).Select(_ => 60 * rng.NextDouble() - 40)], tendency = new double[90];
        MeridionalOperators.DiffuseX_c(grid, t, tendency);
        double sum = 0, scale = 0;
        for (int j = 0; j < 90; j++) (sum, scale) = (sum + grid.AreaWeight * tendency[j], scale + grid.AreaWeight * Math.Abs(tendency[j]));
        Assert.True(Math.Abs(sum) <= 1e-14 * scale, $"Σ w ℒT = {sum:E2} against Σ w |ℒT| = {scale:E2}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Step_AnyState_GlobalEnergyBudgetClosesToRoundOff(bool deepOcean)
    {
        // Diffusion only moves heat: C Δ⟨T⟩/Δt + C_d Δ⟨T_d⟩/Δt = ⟨R(T)⟩ − A − B⟨T'⟩ for the IMEX step.
        var model = LatitudeEbmModel.Default(deepOcean, 36, timeStep: 2.0);
        var step = new LatitudeEbmStep(model);
        double[] theta = model.Parameters.Defaults();
        var p = LatitudeEbmParameters.FromTheta(theta, deepOcean);
        var rng = new Random(5);
        double[] x = [.. Enumerable.Range(0, model.StateLength).Select(_ => 50 * rng.NextDouble() - 30)], next = new double[x.Length];
        step.Forward(0, x, theta, next);
        var absorbed = new double[36];
        step.AbsorbedSunlight(x.AsSpan(0, 36), p, absorbed);
        var g = model.Grid;
        double storage = p.HeatCapacity * (g.GlobalMean(next.AsSpan(0, 36)) - g.GlobalMean(x.AsSpan(0, 36))) / 2.0;
        if (deepOcean) storage += p.DeepHeatCapacity * (g.GlobalMean(next.AsSpan(36)) - g.GlobalMean(x.AsSpan(36))) / 2.0;
        double flux = g.GlobalMean(absorbed) - p.OlrIntercept - p.OlrSlope * g.GlobalMean(next.AsSpan(0, 36));
        Assert.Equal(flux, storage, 1e-11 * g.GlobalMean(absorbed));
    }

    [Theory]
    [InlineData(false, 400)]
    [InlineData(true, 6000)]
    public void Run_LongIntegration_ApproachesEquilibriumOfSteadySolver(bool deepOcean, int years)
    {
        var model = LatitudeEbmModel.Default(deepOcean, 36);
        double[] theta = model.Parameters.Defaults();
        var equilibrium = LatitudeEbmEquilibrium.Solve(model, theta, new double[36] /* 0 °C: below the warm state */, tolerance: 1e-12);
        Assert.False(equilibrium.IsSnowball);
        var sim = new LatitudeEbmSimulation(model, theta, model.UniformState(0.0));
        var run = sim.RunYears(years);
        Assert.Equal(years, run.Length);
        Assert.Equal(years, run[^1].Time, 12);
        for (int j = 0; j < 36; j++) Assert.Equal(equilibrium.Temperature[j], run[^1].Temperature[j], 1e-6);
        if (deepOcean)
            for (int j = 0; j < 36; j++) Assert.Equal(equilibrium.Temperature[j], run[^1].DeepTemperature![j], 1e-6);
        Assert.Equal(equilibrium.NorthernIceEdge, run[^1].NorthernIceEdge, 1e-5);
        Assert.Equal(run[^1].NorthernIceEdge, run[^1].SouthernIceEdge, 1e-9); // symmetric forcing and start
        Assert.Equal(0.0, run[^1].ToaImbalance, 1e-6);
        Assert.InRange(run[^1].GlobalMeanAlbedo, 0.28, 0.36);
    }

    [Fact]
    public void Snapshot_LinearProfile_IceEdgeAtInterpolatedCrossing()
    {
        // T = 30 − 50x crosses T_i = −10 °C at x = 0.8 (53.13°N); in the south T > −10 everywhere.
        var grid = new LatitudeGrid(40);
        double[] t = [.. grid.Centres.ToArray().Select(x => 30 - 50 * x)];
        Assert.Equal(Math.Asin(0.8) * 180 / Math.PI, IceEdge.NorthernLatitude(grid, t, -10.0), 10);
        Assert.Equal(90.0, IceEdge.SouthernLatitude(grid, t, -10.0));
        Assert.Equal(0.0, IceEdge.NorthernLatitude(grid, [.. t.Select(v => v - 100)], -10.0));
        Assert.True(IceEdge.IsSnowball([.. t.Select(v => v - 100)], -10.0));
    }

    [Fact]
    public void FromTheta_InvalidValues_Throw()
    {
        double[] theta = LatitudeEbmParameterTable.Surface.Defaults();
        Assert.Throws<ArgumentException>(() => LatitudeEbmParameters.FromTheta(theta, deepOcean: true));
        theta[8] = 0.0; // w
        Assert.Throws<ArgumentException>(() => LatitudeEbmParameters.FromTheta(theta, deepOcean: false));
        theta[8] = double.NaN;
        Assert.Throws<ArgumentException>(() => LatitudeEbmParameters.FromTheta(theta, deepOcean: false));
    }
}
