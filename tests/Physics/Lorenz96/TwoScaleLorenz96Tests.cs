using ClimateAD.Physics.Lorenz96;
using Xunit;

namespace ClimateAD.Physics.Tests.Lorenz96;

public class TwoScaleLorenz96Tests
{
    [Fact]
    public void Evaluate_TinySystem_MatchesHandComputedValues()
    {
        // K = 4, J = 2, F = 8, h = 0.5, b = 2, c = 3: hc/b = 0.75, cb = 6. Values worked by hand;
        // Y_6, Y_7 exercise the fast ring crossing from k = 3 to k = 0.
        var model = new TwoScaleLorenz96(4, 2);
        double[] x = [1, 2, 3, 4, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
        var tendency = new double[12];
        model.Evaluate(x, [8.0, 0.5, 2.0, 3.0], tendency);
        double[] expected = [2.775, 4.475, 10.175, -0.125, 1.05, -0.39, -0.12, -0.6, -0.33, -0.81, 3.3, 0.9];
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], tendency[i], 1e-12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(2.5)]
    public void Evaluate_AnyCoupling_EnergyBudgetHolds(double h)
    {
        // Σ X Ẋ + Σ Y Ẏ = −Σ X² − c Σ Y² + F Σ X: advection conserves Σv², the coupling exchanges energy.
        var model = new TwoScaleLorenz96(8, 5);
        var rng = new Random(7);
        var x = new double[model.StateLength];
        for (int i = 0; i < x.Length; i++) x[i] = (i < 8 ? 5.0 : 0.5) * (2 * rng.NextDouble() - 1);
        double forcing = 12.0, b = 7.0, c = 4.0;
        var tendency = new double[x.Length];
        model.Evaluate(x, [forcing, h, b, c], tendency);
        double work = 0, expected = 0, scale = 0;
        for (int i = 0; i < x.Length; i++)
        {
            work += x[i] * tendency[i];
            scale += Math.Abs(x[i] * tendency[i]);
            expected += i < 8 ? -x[i] * x[i] + forcing * x[i] : -c * x[i] * x[i];
        }
        Assert.True(Math.Abs(work - expected) <= 1e-13 * scale, $"{work} vs {expected}");
    }

    [Fact]
    public void Tangent_SmallPerturbation_MatchesCentralDifferenceOfTendency()
    {
        var model = new TwoScaleLorenz96(5, 3);
        var rng = new Random(3);
        double[] x = Random(rng, model.StateLength, 3.0), dx = Random(rng, model.StateLength, 1.0);
        double[] theta = [10, 1.2, 8, 6], dTheta = [0.3, -0.2, 0.5, 0.4];
        var tangent = new double[x.Length];
        model.Tangent(x, theta, dx, dTheta, tangent);
        const double eta = 1e-6;
        double[] plus = new double[x.Length], minus = new double[x.Length];
        model.Evaluate(Axpy(x, eta, dx), Axpy(theta, eta, dTheta), plus);
        model.Evaluate(Axpy(x, -eta, dx), Axpy(theta, -eta, dTheta), minus);
        for (int i = 0; i < x.Length; i++) Assert.Equal((plus[i] - minus[i]) / (2 * eta), tangent[i], 1e-6);
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(5, 3)]
    [InlineData(4, 10)]
    [InlineData(6, 7)]
    [InlineData(36, 10)]
    public void Adjoint_AnyRingLength_IsTheTransposeOfTheTangent(int slowCount, int fastPerSlow)
    {
        // ⟨f_x δx + f_θ δθ, t̄⟩ = ⟨δx, x̄⟩ + ⟨δθ, θ̄⟩, on rings whose length is not a multiple of the
        // four vector lanes and blocks shorter and longer than four (the vector transpose's edge cases).
        var model = new TwoScaleLorenz96(slowCount, fastPerSlow);
        var rng = new Random(slowCount * 100 + fastPerSlow);
        int n = model.StateLength;
        double[] x = Random(rng, n, 3.0), dx = Random(rng, n, 1.0), tBar = Random(rng, n, 1.0);
        double[] theta = [10, 1.2, 8, 6], dTheta = [0.3, -0.2, 0.5, 0.4];
        var tangent = new double[n];
        model.Tangent(x, theta, dx, dTheta, tangent);
        double[] xBar = new double[n], thetaBar = new double[4];
        model.Adjoint(x, theta, tBar, xBar, thetaBar);
        double left = 0, right = 0, scale = 0;
        for (int i = 0; i < n; i++) { left += tangent[i] * tBar[i]; right += dx[i] * xBar[i]; scale += Math.Abs(tangent[i] * tBar[i]); }
        for (int i = 0; i < 4; i++) right += dTheta[i] * thetaBar[i];
        Assert.True(Math.Abs(left - right) <= 1e-13 * scale, $"{left} vs {right}");
    }

    [Fact]
    public void Adjoint_PriorValues_AreAccumulatedInto()
    {
        var model = new TwoScaleLorenz96(5, 3);
        var rng = new Random(11);
        int n = model.StateLength;
        double[] x = Random(rng, n, 3.0), tBar = Random(rng, n, 1.0), prior = Random(rng, n, 1.0), thetaPrior = [1, 2, 3, 4];
        double[] theta = [10, 1.2, 8, 6];
        double[] fresh = new double[n], freshTheta = new double[4], acc = (double[])prior.Clone(), accTheta = (double[])thetaPrior.Clone();
        model.Adjoint(x, theta, tBar, fresh, freshTheta);
        model.Adjoint(x, theta, tBar, acc, accTheta);
        for (int i = 0; i < n; i++) Assert.Equal(prior[i] + fresh[i], acc[i], 1e-12);
        for (int i = 0; i < 4; i++) Assert.Equal(thetaPrior[i] + freshTheta[i], accTheta[i], 1e-12);
    }

    [Fact]
    public void Constructor_TooFewSlowVariables_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwoScaleLorenz96(3, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwoScaleLorenz96(8, 0));
    }

    [Fact]
    public void Parameters_TwoScale_AreFhbcInOrderWithDefaultsOfLorenz1996()
    {
        var table = new TwoScaleLorenz96(36, 10).Parameters;
        Assert.Equal(["forcing", "coupling", "spatial_scale_ratio", "time_scale_ratio"], table.Select(p => p.Name));
        Assert.Equal(Lorenz96ParameterTable.Lorenz1996Values(), table.Defaults());
        Assert.All(table, p => Assert.Equal("1", p.Units));
    }

    private static double[] Random(Random rng, int n, double amplitude) =>
        [.. Enumerable.Range(0, n).Select(_ => amplitude * (2 * rng.NextDouble() - 1))];

    private static double[] Axpy(double[] x, double a, double[] y) => [.. x.Select((v, i) => v + a * y[i])];
}
