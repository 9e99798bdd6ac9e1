using ClimateAD.Physics.EnergyBalance;
using Xunit;

namespace ClimateAD.Physics.Tests.EnergyBalance;

public class TwoLayerStepResponseTests
{
    [Theory]
    [InlineData("Default")]
    [InlineData("HighEfficacy")]
    [InlineData("LowEfficacy")]
    [InlineData("UnitEfficacy")]
    public void StepResponse_AnyTime_SatisfiesTheModelEquations(string set)
    {
        // Checks the transcription of Geoffroy et al.'s formulas against the ODEs themselves:
        // central differences of the analytic T, T₀ must equal the right-hand side.
        var p = TwoLayerTestCases.ByName(set);
        var r = new TwoLayerStepResponse(p);
        const double f = 4.0, h = 1e-4;
        Assert.Equal(0.0, r.StepResponse(f, 0.0).Temperature, 1e-13);
        Assert.Equal(0.0, r.StepResponse(f, 0.0).DeepTemperature, 1e-13);
        foreach (double t in new[] { 0.5, 3.0, 17.0, 120.0, 900.0 })
        {
            var x = r.StepResponse(f, t);
            double dT = (r.StepResponse(f, t + h).Temperature - r.StepResponse(f, t - h).Temperature) / (2 * h);
            double dT0 = (r.StepResponse(f, t + h).DeepTemperature - r.StepResponse(f, t - h).DeepTemperature) / (2 * h);
            double g = p.HeatExchangeCoefficient, e = p.DeepOceanEfficacy;
            double rhs = (f - p.ClimateFeedback * x.Temperature - e * g * (x.Temperature - x.DeepTemperature)) / p.UpperHeatCapacity;
            double rhs0 = g * (x.Temperature - x.DeepTemperature) / p.DeepHeatCapacity;
            Assert.Equal(rhs, dT, 1e-7);
            Assert.Equal(rhs0, dT0, 1e-7);
        }
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("LowEfficacy")]
    public void Modes_AmplitudesSumToOneAndTimescalesSeparate(string set)
    {
        var r = new TwoLayerStepResponse(TwoLayerTestCases.ByName(set));
        Assert.Equal(1.0, r.FastAmplitude + r.SlowAmplitude, 1e-13);
        Assert.InRange(r.FastTimescale, 1.0, 15.0);
        Assert.InRange(r.SlowTimescale, 100.0, 2000.0);
        Assert.InRange(r.FastDeepRatio, -0.1, 0.0);
        Assert.InRange(r.SlowDeepRatio, 1.0, 5.0);
        // T₀(0) = 0: the deep-ocean amplitudes also sum to one.
        Assert.Equal(1.0, r.FastDeepRatio * r.FastAmplitude + r.SlowDeepRatio * r.SlowAmplitude, 1e-12);
    }

    [Fact]
    public void RampResponse_IsTimeIntegralOfStepResponse()
    {
        // Linearity: the response to F = κt is κ∫₀ᵗ (step response to unit F) ds; Simpson, 2000 panels.
        var r = new TwoLayerStepResponse(TwoLayerTestCases.Default);
        const double kappa = 0.04, t = 70.0;
        int panels = 2000;
        double h = t / panels, sum = 0.0;
        for (int i = 0; i <= panels; i++)
        {
            double w = i == 0 || i == panels ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += w * r.StepResponse(1.0, i * h).Temperature;
        }
        double expected = kappa * sum * h / 3.0;
        Assert.Equal(expected, r.RampResponse(kappa, t).Temperature, 1e-10);
        Assert.Equal(kappa * t, r.RampResponse(kappa, t).Forcing, 1e-14);
    }
}
