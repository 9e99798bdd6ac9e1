using ClimateAD.Adjoint.Costs;
using ClimateAD.Calibration.Ensemble;
using Xunit;

namespace ClimateAD.Calibration.Tests.Ensemble;

public sealed class CovarianceSamplerTests
{
    [Fact]
    public void Ar1Draws_HaveTheVarianceAndLagOneCorrelation()
    {
        var c = new Ar1Covariance(200_000, 0.3, 0.6);
        var e = new double[c.Dimension];
        CovarianceSampler.Sample(c, new Random(5), e);
        double v = e.Average(x => x * x);
        double lag = Enumerable.Range(1, e.Length - 1).Average(i => e[i] * e[i - 1]) / v;
        Assert.Equal(0.09, v, 0.09 * 0.03);
        Assert.Equal(0.6, lag, 0.01);
    }

    [Fact]
    public void DiagonalDraws_HaveTheVariances()
    {
        var c = new DiagonalCovariance(Enumerable.Range(0, 100_000).Select(i => i % 2 == 0 ? 1.0 : 4.0));
        var e = new double[c.Dimension];
        CovarianceSampler.Sample(c, new Random(2), e);
        Assert.Equal(1.0, e.Where((_, i) => i % 2 == 0).Average(x => x * x), 0.03);
        Assert.Equal(4.0, e.Where((_, i) => i % 2 == 1).Average(x => x * x), 0.12);
    }
}
