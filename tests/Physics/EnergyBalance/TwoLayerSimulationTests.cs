using ClimateAD.Physics.EnergyBalance;
using ClimateAD.Physics.Forcing;
using Xunit;

namespace ClimateAD.Physics.Tests.EnergyBalance;

public class TwoLayerSimulationTests
{
    [Theory]
    [InlineData("Default", TwoLayerIntegrator.Exact)]
    [InlineData("LowEfficacy", TwoLayerIntegrator.Exact)]
    [InlineData("HighEfficacy", TwoLayerIntegrator.Rk4)]
    public void Simulation_ConstantForcingFor40000Years_ReachesEquilibriumFOverLambda(string set, TwoLayerIntegrator integrator)
    {
        var p = TwoLayerTestCases.ByName(set);
        var sim = new TwoLayerSimulation(TwoLayerTestCases.Theta(p), ForcingBasis.AbruptCo2(2.0, 40000), integrator);
        var last = sim.Run()[^1];
        double f = p.Forcing4xCO2 / 2.0; // ln 2 / ln 4
        Assert.Equal(f, last.Forcing, 1e-12);
        Assert.Equal(f / p.ClimateFeedback, last.Temperature, 1e-9);
        Assert.Equal(f / p.ClimateFeedback, last.DeepTemperature, 1e-9);
        Assert.Equal(0.0, last.ToaImbalance, 1e-9);
        Assert.Equal(0.0, last.OceanHeatUptake, 1e-9);
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("HighEfficacy")]
    [InlineData("LowEfficacy")]
    public void Simulation_AbruptForcing_TimeIntegralOfNEqualsHeatContentChange(string set)
    {
        // Continuous identity: C dT/dt + C₀ dT₀/dt = F − λT − (ε−1)γ(T − T₀) = N. Integrated with the
        // trapezoid rule on a fine grid, ∫N dt must match CΔT + C₀ΔT₀ to O(Δt²). Had ε been put on the
        // deep-ocean equation, or εγ in N, the two sides would differ by (ε−1)γ∫(T − T₀) dt ≈ 10-50 W yr m⁻².
        var p = TwoLayerTestCases.ByName(set);
        const int stepsPerYear = 100;
        var sim = new TwoLayerSimulation(TwoLayerTestCases.Theta(p), ForcingBasis.AbruptCo2(4.0, 150, stepsPerYear));
        var run = sim.Run();
        double dt = 1.0 / stepsPerYear;
        double integral = 0.5 * dt * p.Forcing4xCO2; // N(0) = F at rest
        for (int n = 0; n < run.Length; n++)
            integral += (n == run.Length - 1 ? 0.5 : 1.0) * dt * run[n].ToaImbalance;
        double heat = p.UpperHeatCapacity * run[^1].Temperature + p.DeepHeatCapacity * run[^1].DeepTemperature;
        Assert.InRange(Math.Abs(integral - heat) / heat, 0.0, 1e-6);
    }

    [Fact]
    public void Simulation_StepByStep_EqualsRunAndTracksState()
    {
        var theta = TwoLayerTestCases.Theta(TwoLayerTestCases.HighEfficacy);
        var basis = ForcingBasis.RampCo2(0.01, 30, 2);
        var all = new TwoLayerSimulation(theta, basis, TwoLayerIntegrator.Rk4).Run();
        var sim = new TwoLayerSimulation(theta, basis, TwoLayerIntegrator.Rk4);
        for (int n = 0; n < basis.StepCount; n++)
        {
            Assert.Equal(n, sim.StepIndex);
            Assert.Equal(0.5 * n, sim.Time, 12);
            var d = sim.Step();
            Assert.Equal(all[n], d);
            Assert.Equal(d.State, sim.State);
        }
        Assert.True(sim.IsFinished);
        Assert.Throws<InvalidOperationException>(() => sim.Step());
        sim.Reset();
        Assert.Equal(0, sim.StepIndex);
        Assert.Equal(all[0], sim.Step());
    }

    [Fact]
    public void Simulation_ScaleOfUnusedForcingGroup_DoesNotChangeIdealisedRun()
    {
        var p = TwoLayerTestCases.Default;
        var basis = ForcingBasis.AbruptCo2(4.0, 10);
        var a = new TwoLayerSimulation(TwoLayerTestCases.Theta(p, 1.0), basis).Run();
        var b = new TwoLayerSimulation(TwoLayerTestCases.Theta(p, 2.5), basis).Run();
        Assert.Equal(a, b);
    }
}
