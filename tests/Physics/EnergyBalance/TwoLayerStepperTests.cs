using ClimateAD.Physics.EnergyBalance;
using Xunit;

namespace ClimateAD.Physics.Tests.EnergyBalance;

public class TwoLayerStepperTests
{
    private const double Horizon = 20.0; // years: both modes still active

    [Theory]
    [InlineData("Default")]
    [InlineData("HighEfficacy")]
    public void Euler_HalvingTimeStep_ConvergesAtOrderOne(string set)
    {
        var orders = ObservedOrders(TwoLayerTestCases.ByName(set), TwoLayerIntegrator.Euler, [1.0 / 8, 1.0 / 16, 1.0 / 32, 1.0 / 64]);
        Assert.All(orders, q => Assert.InRange(q, 0.95, 1.05));
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("HighEfficacy")]
    public void Rk4_HalvingTimeStep_ConvergesAtOrderFour(string set)
    {
        var orders = ObservedOrders(TwoLayerTestCases.ByName(set), TwoLayerIntegrator.Rk4, [1.0 / 4, 1.0 / 8, 1.0 / 16]);
        Assert.All(orders, q => Assert.InRange(q, 3.9, 4.1));
    }

    [Fact]
    public void Exact_AnyTimeStep_ErrorAtRoundOff()
    {
        var p = TwoLayerTestCases.Default;
        foreach (double dt in new[] { 5.0, 1.0, 0.1 })
            Assert.InRange(Error(p, TwoLayerIntegrator.Exact, dt), 0.0, 1e-12);
    }

    [Fact]
    public void Stepper_UnknownIntegrator_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwoLayerStepper(TwoLayerParameters.Default, 1.0, (TwoLayerIntegrator)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwoLayerStepper(TwoLayerParameters.Default, 0.0, TwoLayerIntegrator.Rk4));
    }

    /// <summary>log₂(e(Δt)/e(Δt/2)) for consecutive time steps.</summary>
    private static double[] ObservedOrders(TwoLayerParameters p, TwoLayerIntegrator integrator, double[] steps)
    {
        var errors = steps.Select(dt => Error(p, integrator, dt)).ToArray();
        return Enumerable.Range(0, errors.Length - 1).Select(i => Math.Log2(errors[i] / errors[i + 1])).ToArray();
    }

    /// <summary>Relative error of T at <see cref="Horizon"/> after abrupt 4×CO2, against the analytic step response.</summary>
    private static double Error(TwoLayerParameters p, TwoLayerIntegrator integrator, double dt)
    {
        var stepper = new TwoLayerStepper(p, dt, integrator);
        int steps = (int)Math.Round(Horizon / dt);
        var x = default(TwoLayerState);
        for (int n = 0; n < steps; n++) x = stepper.Step(x, p.Forcing4xCO2);
        double expected = new TwoLayerStepResponse(p).StepResponse(p.Forcing4xCO2, Horizon).Temperature;
        return Math.Abs(x.Temperature - expected) / expected;
    }
}
