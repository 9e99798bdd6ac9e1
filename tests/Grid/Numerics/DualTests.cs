using ClimateAD.Grid.Numerics;

namespace ClimateAD.Grid.Tests.Numerics;

public class DualTests
{
    // f(x) = tanh(x)·exp(x)/√x + sin(x)·cos(x)·ln(x) - x³, derivative written by hand below.
    private static T F<T>(T x) where T : unmanaged, IScalar<T>
        => T.Tanh(x) * T.Exp(x) / T.Sqrt(x) + T.Sin(x) * T.Cos(x) * T.Log(x) - x * x * x;

    private static double DfByHand(double x)
    {
        double t = Math.Tanh(x), e = Math.Exp(x), s = Math.Sqrt(x);
        double a = ((1 - t * t) * e + t * e) / s - t * e / (2 * x * s);
        double b = Math.Cos(2 * x) * Math.Log(x) + Math.Sin(x) * Math.Cos(x) / x;
        return a + b - 3 * x * x;
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(2.7)]
    public void Dual_CompositeFunction_MatchesHandDerivative(double x)
    {
        var y = F(Dual<Real>.Variable(x));
        Assert.Equal(F<Real>(x).V, y.V.V, 15);
        Assert.Equal(DfByHand(x), y.D.V, 1e-12 * Math.Max(1, Math.Abs(DfByHand(x))));
    }

    [Fact]
    public void Dual_ValuePart_IsBitIdenticalToReal()
    {
        for (double x = 0.1; x < 5; x += 0.37)
            Assert.Equal(F<Real>(x).V, F(Dual<Real>.Variable(x)).V.V);
    }

    [Fact]
    public void NestedDual_GivesSecondDerivative()
    {
        // g(x) = x·exp(x): g'' = (x + 2)·exp(x)
        static T G<T>(T x) where T : unmanaged, IScalar<T> => x * T.Exp(x);
        double x0 = 0.8;
        var x = new Dual<Dual<Real>>(new Dual<Real>(x0, 1.0), new Dual<Real>(1.0, 0.0));
        var g = G(x);
        Assert.Equal((x0 + 2) * Math.Exp(x0), g.D.D.V, 13);
        Assert.Equal((x0 + 1) * Math.Exp(x0), g.D.V.V, 13);
    }

    [Fact]
    public void Dual_MinMaxAbs_FollowTheBranchOfTheValue()
    {
        var a = Dual<Real>.Variable(-2.0);
        var b = Dual<Real>.Constant(1.0);
        Assert.Equal(-1.0, Dual<Real>.Abs(a).D.V);
        Assert.Equal(1.0, Dual<Real>.Min(a, b).D.V);
        Assert.Equal(0.0, Dual<Real>.Max(a, b).D.V);
        Assert.True(a < b);
    }

    [Fact]
    public void Dual_OverReal32_MatchesSinglePrecisionDerivative()
    {
        var y = F(Dual<Real32>.Variable(1.3f));
        Assert.Equal(DfByHand(1.3), y.D.V, 1e-4 * Math.Abs(DfByHand(1.3)));
    }
}
