using ClimateAD.Adjoint.Verification;
using ClimateAD.Calibration.Models;
using ClimateAD.Physics.EnergyBalance;
using ClimateAD.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Calibration.Tests.Models;

public sealed class TwoLayerObservedStepTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(TwoLayerIntegrator.Exact)]
    [InlineData(TwoLayerIntegrator.Rk4)]
    public void ObservedStep_RegisteredCase_PassesAllThreeChecks(TwoLayerIntegrator integrator)
    {
        var registry = GradientCheckRegistry.Discover(typeof(TwoLayerObservedStep).Assembly);
        Assert.Contains(TwoLayerObservedStepChecks.Name(integrator), registry.Names);
        GradientAssert.AllChecksPass(registry.Create(TwoLayerObservedStepChecks.Name(integrator)), output, 0, 1);
    }

    [Fact]
    public void ObservedStep_ImbalanceComponent_EqualsTheSimulationDiagnostics()
    {
        var forcing = TwoLayerSyntheticForcing.Basis(1850, 1899);
        var theta = TwoLayerGradientChecks.CheckParameters();
        var step = new TwoLayerObservedStep(forcing);
        var simulation = new TwoLayerSimulation(theta, forcing);
        double[] x = TwoLayerObservedStep.InitialState(), next = new double[3];
        for (int n = 0; n < forcing.StepCount; n++)
        {
            step.Forward(n, x, theta, next);
            var d = simulation.Step();
            Assert.Equal(d.Temperature, next[0]);
            Assert.Equal(d.DeepTemperature, next[1]);
            Assert.Equal(d.ToaImbalance, next[2], 12);
            (x, next) = (next, x);
        }
    }
}
