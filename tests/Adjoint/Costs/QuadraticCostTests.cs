using ClimateAD.Adjoint.Costs;
using ClimateAD.Adjoint.Verification;

namespace ClimateAD.Adjoint.Tests.Costs;

public class QuadraticCostTests
{
    private const int N = 4, L = 12;

    private static double[][] Trajectory()
    {
        var rng = new Random(7);
        return [.. Enumerable.Range(0, L + 1).Select(_ => Enumerable.Range(0, N).Select(_ => 4 * rng.NextDouble() - 2).ToArray())];
    }

    private static void AssertPasses(IReadOnlyList<GradientCheckResult> results)
    {
        Assert.All(results, r => Assert.True(r.Pass, GradientCheckResult.FormatTable(results)));
    }

    [Fact]
    public void SampleOperator_RepeatedSteps_ForcingMatchesFiniteDifferences() =>
        AssertPasses(GradientChecker.CheckCost("sample", new QuadraticCost(
            [new ObservationTerm(new SampleOperator(2, [0, 3, 3, 12]), [0.1, -0.5, 0.3, 1], new DiagonalCovariance([0.5, 1, 2, 0.25]))]),
            Trajectory(), []));

    [Fact]
    public void WeightedSumOperator_Mask_ForcingMatchesFiniteDifferences() =>
        AssertPasses(GradientChecker.CheckCost("mask", new QuadraticCost(
            [new ObservationTerm(new WeightedSumOperator([1, 0, 0.25, 2], [1, 5, 12]), [0.3, 0.2, -1], DiagonalCovariance.Uniform(3, 0.7))]),
            Trajectory(), []));

    [Fact]
    public void TimeMeanOperator_OverlappingWindowsAr1Errors_ForcingMatchesFiniteDifferences() =>
        AssertPasses(GradientChecker.CheckCost("time-mean", new QuadraticCost(
            [new ObservationTerm(new TimeMeanOperator([0.5, 0.5, 0, -1], [new TimeWindow(0, 5), new TimeWindow(3, 9), new TimeWindow(10, 12)]),
                [0.2, -0.1, 0.4], new Ar1Covariance(3, 0.8, 0.7))]),
            Trajectory(), []));

    [Fact]
    public void BackgroundTerm_Ar1Prior_GradientMatchesFiniteDifferences() =>
        AssertPasses(GradientChecker.CheckCost("background", new QuadraticCost([],
            new BackgroundTerm([1, 2, 3, 4], new Ar1Covariance(4, 2, -0.4))), Trajectory(), [1.5, 1, 3.5, 2]));

    [Fact]
    public void Complete_OneSample_EqualsHandValue()
    {
        // J = ½ (x[1]_0 − y)² / σ² = ½ (3 − 1)² / 4 = 0.5, plus ½ (θ − θ_b)²/b = ½ · 1 / 0.5 = 1.
        var cost = new QuadraticCost([new ObservationTerm(new SampleOperator(0, [1]), [1.0], DiagonalCovariance.Uniform(1, 4))],
            new BackgroundTerm([2.0], DiagonalCovariance.Uniform(1, 0.5)));
        var ws = new double[cost.WorkspaceLength];
        cost.Observe(0, [10.0], ws);
        cost.Observe(1, [3.0], ws);
        Assert.Equal(1.5, cost.Complete([3.0], ws), 15);
        var xBar = new double[1];
        cost.AddStateForcing(1, [3.0], ws, xBar);
        Assert.Equal(0.5, xBar[0], 15); // (3 − 1)/4
    }

    [Fact]
    public void ObservationTerm_MismatchedDimensions_Throws() =>
        Assert.Throws<ArgumentException>(() => new ObservationTerm(new SampleOperator(0, [1, 2]), [1.0], DiagonalCovariance.Uniform(2, 1)));
}
