using ClimateAD.Adjoint.Costs;
using ClimateAD.Calibration.Ensemble;
using ClimateAD.Calibration.Objectives;
using Xunit;

namespace ClimateAD.Calibration.Tests.Objectives;

/// <summary>The step-weight observation operator, its weights and the scaled AR(1) error covariance.</summary>
public sealed class ObservationOperatorTests
{
    private static double[][] RandomTrajectory(int steps, int n, int seed)
    {
        var r = new Random(seed);
        return Enumerable.Range(0, steps + 1).Select(_ => Enumerable.Range(0, n).Select(_ => r.NextDouble() - 0.5).ToArray()).ToArray();
    }

    private static double[] Apply(IObservationOperator op, double[][] x)
    {
        var h = new double[op.Count];
        for (int k = 0; k < x.Length; k++) op.Apply(k, x[k], h);
        return h;
    }

    [Fact]
    public void Mean_EqualsTimeMeanOperator_AndAnomalySubtractsTheReferenceMean()
    {
        var x = RandomTrajectory(60, 3, 1);
        var windows = new[] { new TimeWindow(1, 12), new TimeWindow(13, 24), new TimeWindow(40, 60) };
        var reference = new TimeWindow(1, 24);
        var means = new StepWeightOperator(2, windows.Select(w => ObservationWeights.Mean(w)).ToArray());
        var anomalies = new StepWeightOperator(2, windows.Select(w => ObservationWeights.Mean(w, reference)).ToArray());
        var expected = Apply(TimeMeanOperator.OfComponent(2, 3, windows), x);
        var refMean = Apply(TimeMeanOperator.OfComponent(2, 3, [reference]), x)[0];
        var h = Apply(means, x);
        var a = Apply(anomalies, x);
        for (int i = 0; i < windows.Length; i++)
        {
            Assert.Equal(expected[i], h[i], 1e-14);
            Assert.Equal(expected[i] - refMean, a[i], 1e-14);
        }
    }

    [Fact]
    public void MeanOfIntegral_EqualsBruteForceRunningSum()
    {
        var x = RandomTrajectory(48, 3, 2);
        double dt = 1.0 / 12, scale = 14.7;
        var w = new TimeWindow(25, 36);
        var r = new TimeWindow(1, 12);
        var op = new StepWeightOperator(2, [ObservationWeights.MeanOfIntegral(w, dt, scale, r)]);
        // I[k] = scale Δt Σ_(j=1..k) x[j]; value = mean over W of I − mean over R of I.
        var integral = new double[x.Length];
        for (int k = 1; k < x.Length; k++) integral[k] = integral[k - 1] + scale * dt * x[k][2];
        double expected = Enumerable.Range(w.First, w.Length).Average(k => integral[k]) - Enumerable.Range(r.First, r.Length).Average(k => integral[k]);
        Assert.Equal(expected, Apply(op, x)[0], 1e-12);
    }

    [Fact]
    public void AdjointForcing_SatisfiesTheDotProductIdentity()
    {
        // Σ_k ⟨δx[k], H_kᵀ w⟩ = ⟨H δx, w⟩ for a linear operator.
        var dx = RandomTrajectory(30, 3, 3);
        var op = new StepWeightOperator(0,
        [
            ObservationWeights.Mean(new TimeWindow(1, 10), new TimeWindow(21, 30)),
            ObservationWeights.MeanOfIntegral(new TimeWindow(5, 15), 0.5, 2.0),
            ObservationWeights.Mean(new TimeWindow(30, 30)),
        ]);
        double[] w = [0.3, -1.7, 0.9];
        double lhs = 0;
        for (int k = 0; k < dx.Length; k++)
        {
            var bar = new double[3];
            op.AdjointForcing(k, dx[k], w, bar);
            for (int c = 0; c < 3; c++) lhs += bar[c] * dx[k][c];
        }
        var h = Apply(op, dx);
        double rhs = h.Select((v, i) => v * w[i]).Sum();
        Assert.Equal(rhs, lhs, 1e-13);
    }

    [Fact]
    public void ScaledAr1_InverseMatchesTheDenseMatrixAndTheSamplerHasItsCovariance()
    {
        double[] sigma = [0.5, 1.0, 2.0, 0.7, 1.3];
        double rho = 0.6;
        var cov = new ScaledAr1Covariance(sigma, rho);
        int m = sigma.Length;
        double[] d = [0.2, -1.0, 0.4, 1.5, -0.3];
        var w = new double[m];
        cov.ApplyInverse(d, w);
        // R w must give back d, with R_ij = σ_i σ_j ρ^|i−j|.
        for (int i = 0; i < m; i++)
        {
            double s = 0;
            for (int j = 0; j < m; j++) s += sigma[i] * sigma[j] * Math.Pow(rho, Math.Abs(i - j)) * w[j];
            Assert.Equal(d[i], s, 1e-12);
        }
        // Sample covariance of 40 000 draws within 3 % of R (entries of order σ_iσ_j).
        var random = new Random(5);
        var sum = new double[m, m];
        var e = new double[m];
        const int draws = 40_000;
        for (int k = 0; k < draws; k++)
        {
            CovarianceSampler.Sample(cov, random, e);
            for (int i = 0; i < m; i++)
                for (int j = 0; j < m; j++) sum[i, j] += e[i] * e[j] / draws;
        }
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
                Assert.Equal(sigma[i] * sigma[j] * Math.Pow(rho, Math.Abs(i - j)), sum[i, j], 0.03 * sigma[i] * sigma[j]);
    }
}
