using ClimateAD.Calibration.Ensemble;
using ClimateAD.Calibration.Objectives;
using ClimateAD.Calibration.Optimisers;
using ClimateAD.Calibration.Transforms;
using Xunit;

namespace ClimateAD.Calibration.Tests.Ensemble;

public sealed class EnsembleFixedParameterTests
{
    [Fact]
    public void Eki_RunsMembersWithTheFixedParametersAtTheirBaseValues()
    {
        // Only a is free; b is fixed at 0.7, the value that generated y. With members run at b = 0
        // (the bug this guards against) EKI ends at a = 0.3147 instead of GN's 0.3005.
        var y = LinearTrendProblem.Observations(0.3, 0.7);
        var free = new FreeParameters(LinearTrendProblem.Table, ["a"], [0.0, 0.7]);
        var problem = LinearTrendProblem.Problem(y).WithFree(free, null);
        var gn = CalibrationRunner.Run(new CalibrationObjective(problem), new GaussNewtonMethod(new GaussNewtonOptions { CostTolerance = 1e-12, FinalStepTolerance = 0 }), [0.0]);
        var eki = CalibrationRunner.Run(new CalibrationObjective(problem),
            new EnsembleKalmanInversion(new EnsembleKalmanOptions { Members = 50, Iterations = 6, InitialSpread = 1.0 }), [0.1]);
        Assert.Equal(0.3, gn.Free[0], 0.02);
        Assert.Equal(gn.Free[0], eki.Free[0], 0.005);
    }
}
