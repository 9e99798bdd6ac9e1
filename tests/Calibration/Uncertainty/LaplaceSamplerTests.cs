using ClimateAD.Adjoint.Costs;
using ClimateAD.Calibration.Objectives;
using ClimateAD.Calibration.Optimisers;
using ClimateAD.Calibration.Uncertainty;
using Xunit;

namespace ClimateAD.Calibration.Tests.Uncertainty;

public sealed class LaplaceSamplerTests
{
    [Fact]
    public void Draws_HaveTheLaplaceMeanAndCovariance()
    {
        // Identity transforms (the linear-trend table), so draws in u are draws in φ: N(φ̂, Σ).
        var y = LinearTrendProblem.Observations(0.3, -1.2);
        var prior = new PriorTerm(new BackgroundTerm([0.0, -1.0], new DiagonalCovariance([0.04, 1.0])), [0, 1]);
        var objective = new CalibrationObjective(LinearTrendProblem.Problem(y, prior));
        var result = CalibrationRunner.Run(objective, new GaussNewtonMethod(new GaussNewtonOptions { CostTolerance = 1e-12, FinalStepTolerance = 0 }), [0.0, 0.0]);
        var lin = result.Final.Linearisation!;
        var laplace = new LaplaceApproximation(lin, ["a", "b"]);
        var draws = LaplaceSampler.Sample(lin, objective.Problem.Free, 50_000, 7);
        var summary = new EnsembleSummary(objective.Problem.Free, draws, 1.0);
        var sigma = laplace.StandardDeviations;
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(laplace.Mean[i], summary.Mean[i], 0.02 * sigma[i]);
            Assert.Equal(sigma[i], summary.StandardDeviations[i], 0.02 * sigma[i]);
        }
        Assert.Equal(laplace.Correlation()[0, 1], summary.Correlation()[0, 1], 0.02);
        // Same seed, same draws.
        Assert.Equal(draws[123], LaplaceSampler.Sample(lin, objective.Problem.Free, 50_000, 7)[123]);
    }
}
