using ClimateAD.Grid.Numerics;

namespace ClimateAD.Grid.Tests.Numerics;

public class LocalJacobianTests
{
    /// <summary>Polar to Cartesian with a radial growth: y = (r·cos φ, r·sin φ, e^(r·φ)).</summary>
    private readonly struct Polar : IPointwiseFunction
    {
        public int InputCount => 2;
        public int OutputCount => 3;

        public void Evaluate<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IScalar<T>
        {
            y[0] = x[0] * T.Cos(x[1]);
            y[1] = x[0] * T.Sin(x[1]);
            y[2] = T.Exp(x[0] * x[1]);
        }
    }

    private static double[] ExactJacobian(double r, double p) =>
    [
        Math.Cos(p), -r * Math.Sin(p),
        Math.Sin(p), r * Math.Cos(p),
        p * Math.Exp(r * p), r * Math.Exp(r * p),
    ];

    [Fact]
    public void Jacobian_Polar_MatchesAnalytic()
    {
        double[] x = [1.7, 0.6];
        var y = new double[3];
        var j = new double[6];
        LocalJacobian.Jacobian(new Polar(), x, y, j);
        var exact = ExactJacobian(x[0], x[1]);
        for (int k = 0; k < 6; k++) Assert.Equal(exact[k], j[k], 1e-14 * Math.Max(1, Math.Abs(exact[k])));
        Assert.Equal(1.7 * Math.Cos(0.6), y[0], 15);
    }

    [Fact]
    public void AdjointAndTangent_SatisfyDotProductIdentity()
    {
        var rng = new Random(7);
        for (int trial = 0; trial < 20; trial++)
        {
            double[] x = [rng.NextDouble() + 0.5, rng.NextDouble() * 3];
            double[] dx = [rng.NextDouble() - 0.5, rng.NextDouble() - 0.5];
            double[] yBar = [rng.NextDouble() - 0.5, rng.NextDouble() - 0.5, rng.NextDouble() - 0.5];
            var y = new double[3];
            var dy = new double[3];
            LocalJacobian.Tangent(new Polar(), x, dx, y, dy);
            var xBar = new double[2];
            LocalJacobian.Adjoint(new Polar(), x, yBar, xBar);
            double lhs = dy[0] * yBar[0] + dy[1] * yBar[1] + dy[2] * yBar[2];
            double rhs = dx[0] * xBar[0] + dx[1] * xBar[1];
            Assert.True(Math.Abs(lhs - rhs) <= 1e-14 * (Math.Abs(lhs) + Math.Abs(rhs)), $"{lhs} vs {rhs}");
        }
    }

    [Fact]
    public void Adjoint_Accumulates()
    {
        double[] x = [1.0, 0.5];
        double[] xBar = [10.0, 20.0];
        LocalJacobian.Adjoint(new Polar(), x, [1.0, 0.0, 0.0], xBar);
        Assert.Equal(10.0 + Math.Cos(0.5), xBar[0], 14);
        Assert.Equal(20.0 - Math.Sin(0.5), xBar[1], 14);
    }

    [Fact]
    public void Jacobian_WrongArity_Throws()
    {
        Assert.Throws<ArgumentException>(() => LocalJacobian.Jacobian(new Polar(), new double[3], new double[3], new double[9]));
    }
}
