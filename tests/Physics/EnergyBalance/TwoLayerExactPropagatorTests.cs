using ClimateAD.Physics.EnergyBalance;
using ClimateAD.Physics.Forcing;
using Xunit;

namespace ClimateAD.Physics.Tests.EnergyBalance;

public class TwoLayerExactPropagatorTests
{
    [Theory]
    [InlineData("Default", 1)]
    [InlineData("Default", 4)]
    [InlineData("HighEfficacy", 1)]
    [InlineData("HighEfficacy", 4)]
    [InlineData("LowEfficacy", 1)]
    [InlineData("LowEfficacy", 4)]
    [InlineData("UnitEfficacy", 4)]
    public void ExactIntegrator_AbruptForcing150Years_MatchesAnalyticStepResponseTo1e10(string set, int stepsPerYear)
    {
        var p = TwoLayerTestCases.ByName(set);
        var sim = new TwoLayerSimulation(TwoLayerTestCases.Theta(p), ForcingBasis.AbruptCo2(4.0, 150, stepsPerYear));
        var analytic = new TwoLayerStepResponse(p);

        double worst = 0.0;
        foreach (var d in sim.Run())
        {
            var expected = analytic.StepResponse(p.Forcing4xCO2, d.Time);
            worst = Math.Max(worst, Relative(d.Temperature, expected.Temperature));
            worst = Math.Max(worst, Relative(d.DeepTemperature, expected.DeepTemperature));
            worst = Math.Max(worst, Relative(d.ToaImbalance, expected.ToaImbalance));
            worst = Math.Max(worst, Relative(d.OceanHeatUptake, expected.OceanHeatUptake));
        }
        Assert.InRange(worst, 0.0, 1e-10);
        Assert.Equal(150.0, sim.Time, 12);
    }

    [Theory]
    [InlineData("Default", 1e-3)]
    [InlineData("HighEfficacy", 1e-6)]
    [InlineData("LowEfficacy", 0.05)]
    public void Propagator_ShortStep_MatchesTaylorSeriesOfMatrixExponentialTo1e14(string set, double dt)
    {
        var p = TwoLayerTestCases.ByName(set);
        var step = new TwoLayerExactPropagator(p, dt);
        // Independent reference: Σ Aʲ Δtʲ / j! for Φ and Σ Aʲ Δtʲ⁺¹ / (j+1)! · b for Γ (|AΔt| ≪ 1 here).
        double lam = p.ClimateFeedback, c = p.UpperHeatCapacity, c0 = p.DeepHeatCapacity;
        double g = p.HeatExchangeCoefficient, e = p.DeepOceanEfficacy;
        double[,] a = { { -(lam + e * g) / c, e * g / c }, { g / c0, -g / c0 } };
        double[,] phi = { { 1, 0 }, { 0, 1 } }, term = { { 1, 0 }, { 0, 1 } }, psi = { { dt, 0 }, { 0, dt } };
        for (int j = 1; j < 30; j++)
        {
            term = Multiply(term, a, dt / j);
            Accumulate(phi, term, 1.0);
            Accumulate(psi, term, dt / (j + 1));
        }
        Assert.InRange(Relative(step.Transition11, phi[0, 0]), 0, 1e-14);
        Assert.InRange(Relative(step.Transition12, phi[0, 1]), 0, 1e-14);
        Assert.InRange(Relative(step.Transition21, phi[1, 0]), 0, 1e-14);
        Assert.InRange(Relative(step.Transition22, phi[1, 1]), 0, 1e-14);
        Assert.InRange(Relative(step.Input1, psi[0, 0] / c), 0, 1e-14);
        Assert.InRange(Relative(step.Input2, psi[1, 0] / c), 0, 1e-14);
    }

    [Fact]
    public void Propagator_Default_EigenvaluesMatchGeoffroyTimescales()
    {
        var p = TwoLayerParameters.Default;
        var step = new TwoLayerExactPropagator(p, 1.0);
        var analytic = new TwoLayerStepResponse(p);
        Assert.Equal(-1.0 / analytic.FastTimescale, step.FastRate, 1e-13);
        Assert.Equal(-1.0 / analytic.SlowTimescale, step.SlowRate, 1e-13);
    }

    [Fact]
    public void Propagator_TwoHalfSteps_EqualOneFullStep()
    {
        // Semigroup property of the exact solution: Φ(Δt) = Φ(Δt/2)², Γ(Δt) = Φ(Δt/2)Γ(Δt/2) + Γ(Δt/2).
        var p = TwoLayerTestCases.HighEfficacy;
        var full = new TwoLayerExactPropagator(p, 2.0);
        var half = new TwoLayerExactPropagator(p, 1.0);
        var x0 = new TwoLayerState(1.3, 0.4);
        var expected = full.Apply(x0, 3.1);
        var actual = half.Apply(half.Apply(x0, 3.1), 3.1);
        Assert.Equal(expected.Temperature, actual.Temperature, 1e-13);
        Assert.Equal(expected.DeepTemperature, actual.DeepTemperature, 1e-13);
    }

    private static double Relative(double actual, double expected) =>
        Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-300);

    private static double[,] Multiply(double[,] x, double[,] y, double s)
    {
        var r = new double[2, 2];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                r[i, j] = s * (x[i, 0] * y[0, j] + x[i, 1] * y[1, j]);
        return r;
    }

    private static void Accumulate(double[,] target, double[,] x, double s)
    {
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                target[i, j] += s * x[i, j];
    }
}
