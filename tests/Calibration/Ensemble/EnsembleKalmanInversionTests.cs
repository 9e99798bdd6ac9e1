using ClimateAD.Adjoint.Costs;
using ClimateAD.Calibration.Ensemble;
using ClimateAD.Calibration.Objectives;
using ClimateAD.Calibration.Optimisers;
using ClimateAD.Calibration.Uncertainty;
using Xunit;

namespace ClimateAD.Calibration.Tests.Ensemble;

public sealed class EnsembleKalmanInversionTests
{
    [Fact]
    public void MultipleDataAssimilation_OnALinearGaussianProblem_SamplesThePosterior()
    {
        // Prior N((0, -1), diag(0.04, 1)) = the initial ensemble; with Σ Δt = 1 the final ensemble
        // samples the posterior exactly for a linear model (Emerick & Reynolds 2013).
        var y = LinearTrendProblem.Observations(0.3, -1.2);
        var prior = new PriorTerm(new BackgroundTerm([0.0, -1.0], new DiagonalCovariance([0.04, 1.0])), [0, 1]);
        var objective = new CalibrationObjective(LinearTrendProblem.Problem(y, prior));
        var exact = CalibrationRunner.Run(objective, new GaussNewtonMethod(new GaussNewtonOptions { CostTolerance = 1e-12, FinalStepTolerance = 0 }), [0.0, -1.0]);
        var laplace = new LaplaceApproximation(exact.Final.Linearisation!, ["a", "b"]);
        var eki = new EnsembleKalmanInversion(new EnsembleKalmanOptions { Members = 2000, Iterations = 4, Schedule = EkiSchedule.MultipleDataAssimilation, Seed = 3 });
        var result = CalibrationRunner.Run(new CalibrationObjective(LinearTrendProblem.Problem(y, prior)), eki, [0.0, -1.0]);
        var summary = new EnsembleSummary(objective.Problem.Free, EnsembleKalmanInversion.Members(result.Final, 2), eki.SpreadInflation);
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(laplace.Mean[i], summary.Mean[i], 0.15 * laplace.StandardDeviations[i]);
            Assert.Equal(laplace.StandardDeviations[i], summary.StandardDeviations[i], 0.1 * laplace.StandardDeviations[i]);
        }
        Assert.Equal(2000.0 * 4 + 5, result.Counts.ForwardEquivalentRuns);
    }

    [Fact]
    public void Start_WithTooFewMembers_Throws()
    {
        var objective = new CalibrationObjective(LinearTrendProblem.Problem(LinearTrendProblem.Observations(0, 0)));
        Assert.Throws<ArgumentException>(() => new EnsembleKalmanInversion(new EnsembleKalmanOptions { Members = 2 }).Start(objective, [0.0, 0.0]));
    }
}
