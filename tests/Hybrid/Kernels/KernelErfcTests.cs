using ClimateAD.Hybrid.Kernels;
using ClimateAD.Hybrid.Networks;
using MathNet.Numerics;
using Xunit;

namespace ClimateAD.Hybrid.Tests.Kernels;

public class KernelErfcTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 0.47950012218695346232)]      // one value per branch of the range split
    [InlineData(1.0, 0.15729920705028513066)]
    [InlineData(2.0, 0.0046777349810472658379)]
    [InlineData(3.0, 2.2090496998585441373e-5)]
    [InlineData(-1.0, 1.8427007929497148693)]
    public void Erfc_TabulatedValues_ToTwoUlp(double x, double expected)
        => Assert.True(Math.Abs(KernelErfc.Erfc(x) - expected) <= 4.5e-16 * Math.Abs(expected),
            $"erfc({x}) = {KernelErfc.Erfc(x):R}, expected {expected:R}");

    /// <summary>Reference values: mpmath 1.3.0 at 40 digits, <c>erfc(mpf(float(x)))</c> (the exact double argument).</summary>
    [Theory]
    [InlineData(-5.5, 1.99999999999999264215)]
    [InlineData(-0.3, 1.32862675945912741619)]
    [InlineData(0.1, 0.887537083981715101595)]
    [InlineData(0.7, 0.322198806162581557723)]
    [InlineData(0.9, 0.203091787577167860335)]
    [InlineData(1.2, 0.0896860217703646316341)]
    [InlineData(1.7, 0.0162095414092254391587)]
    [InlineData(2.5, 0.000406952017444958939564)]
    [InlineData(3.5, 7.43098372341412745524e-7)]
    [InlineData(4.75, 1.84850477214853108874e-11)]
    [InlineData(6.25, 9.67220413187625399148e-19)]
    [InlineData(8.928, 1.51610515997055442309e-36)]
    [InlineData(12.5, 6.23194278197991100614e-70)]
    [InlineData(26.0, 5.66319240885614284648e-296)]
    public void Erfc_HighPrecisionReference_ToFewUlp(double x, double expected)
    {
        double rel = Math.Abs(KernelErfc.Erfc(x) - expected) / expected;
        Assert.True(rel <= 1e-15, $"erfc({x}) = {KernelErfc.Erfc(x):R}, reference {expected:R}, relative error {rel:E2}");
    }

    [Fact]
    public void Erfc_AcrossAllBranches_MatchesMathNetToFewUlp()
    {
        double worst = 0, at = 0;
        for (int k = 0; k <= 4000; k++)
        {
            double x = -6.0 + 12.0 * k / 4000;
            double expected = SpecialFunctions.Erfc(x), got = KernelErfc.Erfc(x);
            double rel = Math.Abs(got - expected) / expected;
            if (rel > worst) { worst = rel; at = x; }
        }
        Assert.True(worst <= 4e-15, $"worst relative difference {worst:E2} at x = {at}");
    }

    [Fact]
    public void Erfc_LimitsAndNaN()
    {
        Assert.Equal(0.0, KernelErfc.Erfc(30.0));
        Assert.Equal(2.0, KernelErfc.Erfc(-30.0));
        Assert.Equal(2.0, KernelErfc.Erfc(double.NegativeInfinity));
        Assert.True(double.IsNaN(KernelErfc.Erfc(double.NaN)));
        Assert.Equal(1.5374597944280348502e-12, KernelErfc.Erfc(5.0), 1e-26);
    }

    [Theory]
    [InlineData(1.0, 0.8413447460685429)]
    [InlineData(-0.5, -0.15426876936299344)]
    [InlineData(2.0, 1.9544997361036416)]
    public void Gelu_KnownPoints_EqualsZTimesNormalCdf(double z, double expected)
        => Assert.Equal(expected, KernelActivation.Value((int)Activation.Gelu, z), 1e-15);

    [Fact]
    public void KernelActivations_MatchActivationFunctions()
    {
        foreach (var a in KernelTestNetworks.All)
            for (double z = -8; z <= 8; z += 0.0625)
            {
                double v = ActivationFunctions.Value(a, z), d = ActivationFunctions.Derivative(a, z);
                double kv = KernelActivation.Value((int)a, z);
                Assert.True(Math.Abs(kv - v) <= 2e-15 * Math.Max(1, Math.Abs(z)), $"{a}({z}): {kv:R} vs {v:R}");
                Assert.True(Math.Abs(KernelActivation.Derivative((int)a, z, kv) - d) <= 2e-15, $"{a}'({z})");
            }
    }
}
