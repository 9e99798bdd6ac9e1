using ClimateAD.Calibration.Sampling;
using ClimateAD.Physics.Parameters;
using Xunit;

namespace ClimateAD.Calibration.Tests.Sampling;

public sealed class PriorSamplerTests
{
    private static readonly ParameterTable Table = new(
    [
        new ParameterSpec("wide", "a", "1", 1.0, -100.0, 100.0, "Bounds far from the prior mass.", new GaussianPrior(2.0, 0.5)),
        new ParameterSpec("fixed", "b", "1", 7.0, 0.0, 10.0, "Not sampled."),
        new ParameterSpec("truncated", "c", "1", 0.5, 0.0, 3.0, "Prior mean on the lower bound.", new GaussianPrior(0.0, 1.0)),
    ]);

    [Fact]
    public void Fill_WideBounds_MomentsMatchPrior()
    {
        const int n = 20_000;
        var theta = new double[n * Table.Count];
        new PriorSampler(Table, ["wide"], seed: 3).Fill([1.0, 7.0, 0.5], n, theta);
        var x = Enumerable.Range(0, n).Select(m => theta[m * Table.Count]).ToArray();
        double mean = x.Average();
        double sd = Math.Sqrt(x.Select(v => (v - mean) * (v - mean)).Sum() / (n - 1));
        Assert.InRange(mean, 2.0 - 4 * 0.5 / Math.Sqrt(n), 2.0 + 4 * 0.5 / Math.Sqrt(n));
        Assert.InRange(sd, 0.5 * 0.97, 0.5 * 1.03);
        Assert.All(Enumerable.Range(0, n), m => Assert.Equal(7.0, theta[m * Table.Count + 1]));
    }

    [Fact]
    public void Fill_PriorMeanOnBound_HalfNormalMean()
    {
        // N(0,1) truncated to [0,3]: mean = (φ(0) − φ(3)) / (Φ(3) − Φ(0)) = 0.7930 (to 4 digits).
        const int n = 40_000;
        var theta = new double[n * Table.Count];
        new PriorSampler(Table, ["truncated"], seed: 11).Fill([1.0, 7.0, 0.5], n, theta);
        var x = Enumerable.Range(0, n).Select(m => theta[m * Table.Count + 2]).ToArray();
        Assert.All(x, v => Assert.InRange(v, 0.0, 3.0));
        Assert.InRange(x.Average(), 0.7930 - 0.012, 0.7930 + 0.012);
    }

    [Fact]
    public void Fill_SameSeed_SameEnsemble()
    {
        var a = new double[50 * Table.Count];
        var b = new double[50 * Table.Count];
        new PriorSampler(Table, ["wide", "truncated"], 42).Fill([1.0, 7.0, 0.5], 50, a);
        new PriorSampler(Table, ["wide", "truncated"], 42).Fill([1.0, 7.0, 0.5], 50, b);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Constructor_ParameterWithoutPrior_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new PriorSampler(Table, ["fixed"], 1));
        Assert.Contains("no prior", e.Message);
    }
}
