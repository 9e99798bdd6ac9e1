using ClimateAD.Adjoint.Costs;

namespace ClimateAD.Adjoint.Tests.Costs;

public class Ar1CovarianceTests
{
    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(2, 0.9)]
    [InlineData(6, -0.3)]
    [InlineData(9, 0.7)]
    public void ApplyInverse_TimesDenseMatrix_IsIdentity(int m, double rho)
    {
        const double sigma = 1.7;
        var cov = new Ar1Covariance(m, sigma, rho);
        var rng = new Random(3);
        double[] d = [.. Enumerable.Range(0, m).Select(_ => rng.NextDouble() - 0.5)];
        var w = new double[m];
        cov.ApplyInverse(d, w);
        for (int i = 0; i < m; i++)
        {
            double rw = 0;
            for (int j = 0; j < m; j++) rw += sigma * sigma * Math.Pow(rho, Math.Abs(i - j)) * w[j];
            Assert.Equal(d[i], rw, 12);
        }
    }

    [Fact]
    public void Constructor_UnitCorrelation_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ar1Covariance(3, 1, 1));
}
