using ClimateAD.Physics.EnergyBalance;
using ClimateAD.Physics.Forcing;
using Xunit;

namespace ClimateAD.Physics.Tests.EnergyBalance;

public class TwoLayerEnsembleTests
{
    private static ErfTable SyntheticErf()
    {
        // A smooth CO2 rise, a negative aerosol bump and a volcanic spike: enough structure to tell members apart.
        const int years = 120;
        var series = new Dictionary<ErfComponent, double[]>
        {
            [ErfComponent.CarbonDioxide] = Enumerable.Range(0, years).Select(y => 0.02 * y).ToArray(),
            [ErfComponent.Methane] = Enumerable.Range(0, years).Select(y => 0.004 * y).ToArray(),
            [ErfComponent.AerosolCloud] = Enumerable.Range(0, years).Select(y => -0.8 * Math.Sin(Math.PI * y / years)).ToArray(),
            [ErfComponent.Volcanic] = Enumerable.Range(0, years).Select(y => y == 40 ? -2.5 : 0.0).ToArray(),
            [ErfComponent.Solar] = Enumerable.Range(0, years).Select(y => 0.1 * Math.Sin(2 * Math.PI * y / 11)).ToArray(),
        };
        return new ErfTable("synthetic", 1900, series);
    }

    /// <summary>Member-major θ for <paramref name="members"/> members spread deterministically inside the bounds.</summary>
    private static double[] Thetas(int members)
    {
        var table = TwoLayerParameterTable.All;
        var theta = new double[members * table.Count];
        for (int m = 0; m < members; m++)
            for (int i = 0; i < table.Count; i++)
            {
                double u = 0.5 + 0.45 * Math.Sin(1.7 * m + 2.3 * i + 0.1 * m * i); // in (0.05, 0.95)
                var s = table[i];
                double lo = i < 6 ? s.Default * 0.6 : 0.5, hi = i < 6 ? s.Default * 1.5 : 1.5;
                theta[m * table.Count + i] = lo + u * (hi - lo);
            }
        return theta;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 4)]
    [InlineData(2 * TwoLayerEnsemble.BlockSize + 5, 1)] // several blocks and a scalar tail
    public void Ensemble_Member_EqualsSingleMemberRunTo1e13(int members, int stepsPerYear)
    {
        var basis = ForcingBasis.FromErfTable(SyntheticErf(), 1900, 2019, stepsPerYear);
        var theta = Thetas(members);
        int p = TwoLayerParameterTable.All.Count;
        var ensemble = new TwoLayerEnsemble(basis, theta, members);
        ensemble.Run();

        foreach (int m in new[] { 0, members / 2, members - 1 }.Distinct())
        {
            var single = new TwoLayerSimulation(theta.AsSpan(m * p, p), basis).Run();
            for (int n = 0; n < basis.StepCount; n++)
            {
                var d = ensemble.Diagnostics(m, n);
                Close(single[n].Temperature, d.Temperature);
                Close(single[n].DeepTemperature, d.DeepTemperature);
                Close(single[n].ToaImbalance, d.ToaImbalance);
                Close(single[n].Forcing, d.Forcing);
                Close(single[n].OceanHeatUptake, d.OceanHeatUptake);
                Assert.Equal(single[n].Time, d.Time, 12);
                Assert.Equal(d.Temperature, ensemble.Temperature(n)[m]);
            }
        }
    }

    [Fact]
    public void Ensemble_DifferentTheta_GivesDifferentMembers()
    {
        var basis = ForcingBasis.FromErfTable(SyntheticErf(), 1900, 2019);
        const int members = 9;
        var ensemble = new TwoLayerEnsemble(basis, Thetas(members), members);
        ensemble.Run();
        var last = ensemble.Temperature(basis.StepCount - 1).ToArray();
        Assert.Equal(members, last.Distinct().Count());
        var forcing = ensemble.EffectiveForcing(basis.StepCount - 1).ToArray();
        Assert.Equal(members, forcing.Distinct().Count());
        Assert.All(last, t => Assert.InRange(t, 0.1, 10.0));
    }

    [Fact]
    public void Ensemble_SingleThreadAndParallel_GiveBitwiseSameResults()
    {
        var basis = ForcingBasis.FromErfTable(SyntheticErf(), 1900, 2019);
        const int members = TwoLayerEnsemble.BlockSize * 3 + 3;
        var a = new TwoLayerEnsemble(basis, Thetas(members), members);
        var b = new TwoLayerEnsemble(basis, Thetas(members), members);
        a.Run(1);
        b.Run();
        for (int n = 0; n < basis.StepCount; n += 17)
        {
            Assert.True(a.Temperature(n).SequenceEqual(b.Temperature(n)));
            Assert.True(a.ToaImbalance(n).SequenceEqual(b.ToaImbalance(n)));
        }
    }

    [Fact]
    public void Ensemble_BeforeRunOrBadTheta_Throws()
    {
        var basis = ForcingBasis.AbruptCo2(4.0, 3);
        var ensemble = new TwoLayerEnsemble(basis, Thetas(2), 2);
        Assert.Throws<InvalidOperationException>(() => ensemble.Temperature(0));
        Assert.Throws<ArgumentException>(() => new TwoLayerEnsemble(basis, new double[13], 2));
        Assert.Throws<ArgumentException>(() => new TwoLayerEnsemble(ForcingBasis.FromErfTable(SyntheticErf(), 1900, 1901), new double[12], 2));
    }

    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-13 * Math.Abs(expected) + 1e-300,
            $"expected {expected:R}, got {actual:R}");
}
