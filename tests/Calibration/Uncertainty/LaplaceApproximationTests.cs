using ClimateAD.Adjoint.Costs;
using ClimateAD.Calibration.Objectives;
using ClimateAD.Calibration.Optimisers;
using ClimateAD.Calibration.Uncertainty;
using Xunit;

namespace ClimateAD.Calibration.Tests.Uncertainty;

public sealed class LaplaceApproximationTests
{
    [Fact]
    public void LinearGaussianProblem_LaplaceIsTheExactPosterior()
    {
        var y = LinearTrendProblem.Observations(0.3, -1.2);
        var prior = new PriorTerm(new BackgroundTerm([0.0, -1.0], new DiagonalCovariance([0.04, 1.0])), [0, 1]);
        var objective = new CalibrationObjective(LinearTrendProblem.Problem(y, prior));
        var result = CalibrationRunner.Run(objective, new GaussNewtonMethod(new GaussNewtonOptions { CostTolerance = 1e-12, FinalStepTolerance = 0, InitialDamping = 0 }), [0.0, 0.0]);
        var laplace = new LaplaceApproximation(result.Final.Linearisation!, ["a", "b"]);

        // Independent closed form: P = GᵀG/σ² + B⁻¹, Σ = P⁻¹, mean = Σ (Gᵀy/σ² + B⁻¹θ_b).
        var g = LinearTrendProblem.G();
        double s2 = LinearTrendProblem.Sigma * LinearTrendProblem.Sigma;
        double p00 = 1 / 0.04, p01 = 0, p11 = 1.0, r0 = 0.0, r1 = -1.0;
        for (int i = 0; i < LinearTrendProblem.Steps; i++)
        {
            p00 += g[i, 0] * g[i, 0] / s2;
            p01 += g[i, 0] * g[i, 1] / s2;
            p11 += g[i, 1] * g[i, 1] / s2;
            r0 += g[i, 0] * y[i] / s2;
            r1 += g[i, 1] * y[i] / s2;
        }
        double det = p00 * p11 - p01 * p01;
        double c00 = p11 / det, c11 = p00 / det, c01 = -p01 / det;
        Assert.Equal(c00 * r0 + c01 * r1, laplace.Mean[0], 1e-8);
        Assert.Equal(c01 * r0 + c11 * r1, laplace.Mean[1], 1e-8);
        Assert.Equal(Math.Sqrt(c00), laplace.StandardDeviations[0], 1e-12);
        Assert.Equal(Math.Sqrt(c11), laplace.StandardDeviations[1], 1e-12);
        Assert.Equal(c01 / Math.Sqrt(c00 * c11), laplace.Correlation()[0, 1], 1e-9);
        // Derived quantity q = a + 2b: σ_q² = c00 + 4c01 + 4c11.
        Assert.Equal(Math.Sqrt(c00 + 4 * c01 + 4 * c11), laplace.StandardDeviationOf(v => v[0] + 2 * v[1]), 1e-7);
        Assert.Equal(1, result.Iterations);
    }
}
