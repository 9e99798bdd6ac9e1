using ClimateAD.Physics.Lorenz96;
using Xunit;

namespace ClimateAD.Physics.Tests.Lorenz96;

public class OneScaleLorenz96Tests
{
    [Fact]
    public void Evaluate_CubicClosureOnTinySystem_MatchesHandComputedValues()
    {
        // K = 4, F = 8, S(X) = 0.5 − X + 0.1X² + 0.01X³: S(1..4) = −0.39, −1.02, −1.33, −1.26.
        var model = new OneScaleLorenz96(4, new CubicSubgridTerm());
        var tendency = new double[4];
        model.Evaluate([1, 2, 3, 4], [8.0, 0.5, -1.0, 0.1, 0.01], tendency);
        double[] expected = [2.61, 3.98, 9.67, -0.26];
        for (int k = 0; k < 4; k++) Assert.Equal(expected[k], tendency[k], 1e-12);
    }

    [Fact]
    public void Evaluate_CubicWithZeroCoefficients_SameAsNoClosureBitForBit()
    {
        var rng = new Random(11);
        var x = Enumerable.Range(0, 9).Select(_ => 8 * (2 * rng.NextDouble() - 1)).ToArray();
        double[] none = new double[9], zero = new double[9];
        new OneScaleLorenz96(9, null).Evaluate(x, [20.0], none);
        new OneScaleLorenz96(9, new CubicSubgridTerm()).Evaluate(x, [20.0, 0, 0, 0, 0], zero);
        Assert.Equal(none.Select(BitConverter.DoubleToInt64Bits), zero.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Parameters_WithCubicClosure_AreForcingThenCoefficients()
    {
        Assert.Equal(["forcing"], new OneScaleLorenz96(8, null).Parameters.Select(p => p.Name));
        Assert.Equal(["forcing", "subgrid_constant", "subgrid_linear", "subgrid_quadratic", "subgrid_cubic"],
            new OneScaleLorenz96(8, new CubicSubgridTerm()).Parameters.Select(p => p.Name));
    }

    [Fact]
    public void CubicSubgridTerm_DerivativeAndParameterAdjoint_MatchCentralDifferences()
    {
        var term = new CubicSubgridTerm();
        double[] phi = [0.3, -1.2, 0.05, 0.004];
        const double x = 2.7, eta = 1e-6;
        double fd = (term.Evaluate(x + eta, phi) - term.Evaluate(x - eta, phi)) / (2 * eta);
        Assert.Equal(fd, term.Derivative(x, phi), 1e-7);
        var phiBar = new double[4];
        term.AddParameterAdjoint(x, phi, 2.0, phiBar);
        double[] unit = new double[4];
        for (int i = 0; i < 4; i++)
        {
            Array.Clear(unit);
            unit[i] = 1;
            Assert.Equal(2.0 * term.ParameterTangent(x, phi, unit), phiBar[i], 1e-12);
            Assert.Equal(2.0 * Math.Pow(x, i), phiBar[i], 1e-12);
        }
    }
}
