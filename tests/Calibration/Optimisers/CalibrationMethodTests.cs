using ClimateAD.Calibration.Ensemble;
using ClimateAD.Calibration.Experiments;
using ClimateAD.Calibration.Objectives;
using ClimateAD.Calibration.Optimisers;
using Xunit;

namespace ClimateAD.Calibration.Tests.Optimisers;

public sealed class CalibrationMethodTests
{
    private static readonly AbruptCo2TwinExperiment Twin = new(years: 60);

    public static TheoryData<string> Methods => new() { "gauss-newton", "lbfgs", "lbfgs-gn", "adam", "eki" };

    private static ICalibrationMethod Create(string name) => name switch
    {
        "gauss-newton" => new GaussNewtonMethod(),
        "lbfgs" => new LbfgsMethod(),
        "lbfgs-gn" => new LbfgsMethod(new LbfgsOptions { Preconditioner = LbfgsPreconditioner.GaussNewton }),
        "adam" => new AdamMethod(new AdamOptions { MaxIterations = 40 }),
        _ => new EnsembleKalmanInversion(new EnsembleKalmanOptions { Members = 20, Iterations = 4 }),
    };

    // Least-squares solution of the linear problem from the normal equations, written out.
    private static (double A, double B) LeastSquares(double[] y)
    {
        var g = LinearTrendProblem.G();
        double p00 = 0, p01 = 0, p11 = 0, r0 = 0, r1 = 0;
        for (int i = 0; i < y.Length; i++)
        {
            p00 += g[i, 0] * g[i, 0];
            p01 += g[i, 0] * g[i, 1];
            p11 += g[i, 1] * g[i, 1];
            r0 += g[i, 0] * y[i];
            r1 += g[i, 1] * y[i];
        }
        double det = p00 * p11 - p01 * p01;
        return ((p11 * r0 - p01 * r1) / det, (p00 * r1 - p01 * r0) / det);
    }

    [Theory]
    [InlineData("gauss-newton")]
    [InlineData("lbfgs")]
    [InlineData("eki")]
    public void LinearProblem_ReachesTheLeastSquaresSolution(string name)
    {
        var y = LinearTrendProblem.Observations(0.3, -1.2);
        var (a, b) = LeastSquares(y);
        var objective = new CalibrationObjective(LinearTrendProblem.Problem(y));
        double minimum = objective.Evaluate([a, b]).Cost;
        ICalibrationMethod method = name switch
        {
            "gauss-newton" => new GaussNewtonMethod(new GaussNewtonOptions { CostTolerance = 1e-14, FinalStepTolerance = 0, InitialDamping = 0 }),
            "lbfgs" => new LbfgsMethod(new LbfgsOptions { CostTolerance = 1e-12 }),
            // Unperturbed EKI on a linear model moves the ensemble mean towards the least-squares
            // solution within the span of the ensemble (all of R² here); it converges like 1/k.
            _ => new EnsembleKalmanInversion(new EnsembleKalmanOptions { Members = 10, Iterations = 300, PerturbObservations = false, InitialSpread = 1.0 }),
        };
        var result = CalibrationRunner.Run(objective, method, [0.5, 0.5]);
        if (name == "gauss-newton")
        {
            Assert.Equal(1, result.Iterations);
            Assert.Equal(a, result.Free[0], 1e-9);
            Assert.Equal(b, result.Free[1], 1e-8);
        }
        // J − J_min < 0.01: within 0.15 posterior σ of the solution.
        Assert.True(result.Cost - minimum < (name == "eki" ? 1e-2 : 1e-6), $"J {result.Cost} vs minimum {minimum}");
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Resume_FromAnySavedState_IsBitForBitTheUninterruptedRun(string name)
    {
        var problem = Twin.ProblemFor(1);
        var u0 = Twin.Free.ToUnbounded(Twin.FirstGuess(1));
        var full = CalibrationRunner.Run(new CalibrationObjective(problem), Create(name), u0);
        Assert.True(full.History.Count >= 3, $"{name} took {full.History.Count} states");
        int k = full.History.Count / 2;
        // Drop everything not saved in a log (the linearisation) before resuming.
        var saved = full.History.Take(k).Select(s => s with { Linearisation = null }).ToList();
        var resumed = CalibrationRunner.Run(new CalibrationObjective(problem), Create(name), [], resumeHistory: saved);
        Assert.Equal(full.History.Count, resumed.History.Count);
        Assert.Equal(full.Final.U, resumed.Final.U);
        Assert.Equal(full.Final.MethodState, resumed.Final.MethodState);
        Assert.Equal(full.Counts, resumed.Counts);
    }

    [Theory]
    [InlineData("gauss-newton")]
    [InlineData("lbfgs")]
    public void GradientMethods_OnTheTwin_ReachTheOptimumWithinATenthOfItsSigma(string name)
    {
        var problem = Twin.ProblemFor(2);
        var u0 = Twin.Free.ToUnbounded(Twin.FirstGuess(2));
        var reference = CalibrationRunner.Run(new CalibrationObjective(problem),
            new GaussNewtonMethod(new GaussNewtonOptions { CostTolerance = 1e-8, FinalStepTolerance = 0 }), u0);
        var result = CalibrationRunner.Run(new CalibrationObjective(problem), Create(name), u0);
        Assert.True(result.Converged, result.Final.Status);
        Assert.True(result.Cost < reference.Cost + 0.02, $"{result.Cost} vs {reference.Cost}");
        var sd = new ClimateAD.Calibration.Uncertainty.LaplaceApproximation(reference.Final.Linearisation!, Twin.Free.Names).StandardDeviations;
        for (int i = 0; i < 6; i++) Assert.Equal(reference.Free[i], result.Free[i], 0.25 * sd[i]);
    }

    [Fact]
    public void Adam_DecreasesTheCost()
    {
        var problem = Twin.ProblemFor(2);
        var u0 = Twin.Free.ToUnbounded(Twin.FirstGuess(2));
        var result = CalibrationRunner.Run(new CalibrationObjective(problem), new AdamMethod(new AdamOptions { MaxIterations = 200 }), u0);
        Assert.True(result.Cost < 0.2 * result.History[1].Cost, $"{result.History[1].Cost} -> {result.Cost}");
        Assert.Equal(2.0 * result.Iterations, result.Counts.ForwardEquivalentRuns);
    }
}
