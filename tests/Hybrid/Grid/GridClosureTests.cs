using ClimateAD.Hybrid.Grid;
using ClimateAD.Hybrid.Networks;
using ClimateAD.Physics.ShallowWater;
using ClimateAD.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Hybrid.Tests.Grid;

public class GridClosureTests(ITestOutputHelper output)
{
    // The gradient checks of ClosedShallowWaterStep run with every registered Hybrid case
    // (GridClosureGradientChecks, tests/Hybrid/Networks/NetworkGradientCheckTests).

    [Fact]
    public void Apply_LinearNetwork_IsForwardEulerLinearDragAtOpenFacesOnly()
    {
        // N(q, h) = −q/τ: one identity layer with weight −1, output scale 1/τ.
        const double tau = 5 * 86400.0, dt = 3600;
        var net = new DenseNetwork([new DenseLayer(2, 1, Activation.Identity)], output: new AffineNormalisation([0.0], [1 / tau]), weights: [-1.0, 0.0, 0.0]);
        var setup = ShallowWaterSetups.DoubleGyre(4, timeStep: dt);
        var closure = new FaceMomentumClosure(net, setup.Configuration.Grid, dt);
        var x = Enumerable.Range(0, 48).Select(k => 1.0 + 0.1 * k).ToArray();
        var y = new double[48];
        closure.Apply(x, net.Weights, y);
        for (int k = 0; k < 16; k++) Assert.Equal(x[k], y[k]);
        for (int j = 0; j < 4; j++)
            for (int i = 0; i < 4; i++)
            {
                int u = 16 + 4 * j + i, v = 32 + 4 * j + i;
                Assert.Equal(i == 0 ? x[u] : x[u] * (1 - dt / tau), y[u], 14);
                Assert.Equal(j == 0 ? x[v] : x[v] * (1 - dt / tau), y[v], 14);
            }
    }

    [Fact]
    public void CoarseGraining_ConservesVolumeAndFaceFluxes()
    {
        // Fine 6×6 (r = 3) onto 2×2: h block means, u/v face means.
        var fine = Enumerable.Range(0, 108).Select(k => Math.Sin(0.37 * k) + 2).ToArray();
        var c = CoarseGraining.Apply(fine, 2, 2, 3);
        Assert.Equal(fine[..36].Sum() / 9, c[..4].Sum(), 12);
        Assert.Equal((fine[36 + 3 * 6 + 3] + fine[36 + 4 * 6 + 3] + fine[36 + 5 * 6 + 3]) / 3, c[4 + 3], 14);
        Assert.Equal((fine[72 + 3 * 6 + 0] + fine[72 + 3 * 6 + 1] + fine[72 + 3 * 6 + 2]) / 3, c[8 + 2], 14);
    }

    [Fact]
    public void OnlineTraining_ReducedDoubleGyre_LearnedClosureCutsHeldOutErrorBy5Percent()
    {
        // Truth 24² coarse-grained to 8²; 30 Adam iterations of 4 eight-day windows. Measured (2026-11-25):
        // held-out window RMSE h 0.218 → 0.203 m (×0.93), 16-day free run 0.248 → 0.228 m (×0.92).
        var e = new GridClosureExperiment(GridClosureSettings.Reduced);
        double[] theta0 = [.. e.PhysicsParameters, .. e.Network.Weights];
        var plain = e.Evaluate("no closure", false, e.PhysicsParameters);
        var untrained = e.Evaluate("untrained closure", true, theta0);
        Assert.Equal(plain.WindowRmseH, untrained.WindowRmseH, 12);
        Assert.Equal(plain.FreeRunRmseH, untrained.FreeRunRmseH, 12);
        var weights = Enumerable.Range(e.PhysicsParameters.Length, e.Network.ParameterCount).ToArray();
        var (theta, losses) = e.Train(e.Loss(true), theta0, weights, e.Settings.LearningRate);
        var learned = e.Evaluate("learned closure", true, theta);
        output.WriteLine($"window {plain.WindowRmseH:F4} -> {learned.WindowRmseH:F4} m; free run {plain.FreeRunRmseH:F4} -> {learned.FreeRunRmseH:F4} m; batch loss {losses[0]:G4} -> {losses[^1]:G4}");
        Assert.InRange(plain.WindowRmseH, 0.1, 0.4);
        Assert.True(learned.WindowRmseH < 0.95 * plain.WindowRmseH, $"{learned.WindowRmseH} vs {plain.WindowRmseH}");
        Assert.True(learned.FreeRunRmseH < 0.95 * plain.FreeRunRmseH, $"{learned.FreeRunRmseH} vs {plain.FreeRunRmseH}");
    }

    [LongFact]
    public void OnlineTraining_FullDoubleGyre_PrintsTable()
    {
        var e = new GridClosureExperiment();
        var r = e.Run();
        output.WriteLine(r.Table());
        // Measured (2026-11-25): windows 0.163 → 0.132 m (×0.81), 60-day free run 0.415 → 0.356 m (×0.86).
        Assert.True(r.Rows[2].WindowRmseH < 0.9 * r.Rows[0].WindowRmseH, r.Table());
        Assert.True(r.Rows[2].FreeRunRmseH < 0.95 * r.Rows[0].FreeRunRmseH, r.Table());
    }
}
