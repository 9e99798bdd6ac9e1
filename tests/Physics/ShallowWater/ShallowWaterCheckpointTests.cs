using ClimateAD.Adjoint.Checkpointing;
using ClimateAD.Adjoint.Costs;
using ClimateAD.Adjoint.Trajectories;
using ClimateAD.Physics.ShallowWater;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Physics.Tests.ShallowWater;

public class ShallowWaterCheckpointTests(ITestOutputHelper output)
{
    [Fact]
    public void Gradient_10000StepsBinomial_EqualsStoreAllBitForBit()
    {
        // A 6 × 5 wind-driven, viscous basin (every term on), 10 000 steps of 600 s (≈ 69 days).
        const int steps = 10_000;
        var config = ShallowWaterGradientChecks.CheckConfiguration(ShallowWaterGradientChecks.CheckGrid(6, 5), allTerms: true);
        using var step = new ShallowWaterStep(config);
        double[] x0 = ShallowWaterGradientChecks.CheckState(config), theta = config.DefaultParameters();
        var layout = config.Layout;
        var cost = new QuadraticCost(
            [new ObservationTerm(new SampleOperator(layout.Index(0, 2, 2), [steps / 2, steps]), [99.0, 101.0], DiagonalCovariance.Uniform(2, 1.0)),
             new ObservationTerm(new SampleOperator(layout.Index(1, 3, 1), [steps]), [0.05], DiagonalCovariance.Uniform(1, 0.01))]);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var storeAll = new TrajectoryRunner(step, new TrajectoryPlan(StoreAllSchedule.Create(steps), step.StateLength, step.ParameterLength)).Run(x0, theta, cost);
        var tStore = sw.Elapsed.TotalSeconds;
        var binomialPlan = new TrajectoryPlan(BinomialSchedule.Create(steps, 20), step.StateLength, step.ParameterLength);
        var binomial = new TrajectoryRunner(step, binomialPlan).Run(x0, theta, cost);
        output.WriteLine($"store-all {tStore:F1} s, binomial(20) {sw.Elapsed.TotalSeconds - tStore:F1} s; forward calls {storeAll.Counts.ForwardCalls} vs {binomial.Counts.ForwardCalls}; J = {storeAll.Cost:R}");
        Assert.True(binomial.Counts.ForwardCalls > storeAll.Counts.ForwardCalls);
        Assert.Equal(BitConverter.DoubleToInt64Bits(storeAll.Cost), BitConverter.DoubleToInt64Bits(binomial.Cost));
        Assert.Equal(storeAll.ParameterGradient.Select(BitConverter.DoubleToInt64Bits), binomial.ParameterGradient.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(storeAll.InitialStateGradient.Select(BitConverter.DoubleToInt64Bits), binomial.InitialStateGradient.Select(BitConverter.DoubleToInt64Bits));
        Assert.All(storeAll.ParameterGradient, g => Assert.True(double.IsFinite(g)));
        Assert.Contains(storeAll.ParameterGradient, g => g != 0);
    }
}
