using ClimateAD.Physics.ShallowWater;
using Xunit;

namespace ClimateAD.Physics.Tests.ShallowWater;

public class ShallowWaterSimulationTests
{
    [Theory]
    [InlineData(ShallowWaterTimeStepper.SspRk3)]
    [InlineData(ShallowWaterTimeStepper.AdamsBashforth3)]
    public void Restart_FromStateHalfway_BitIdenticalToUninterruptedRun(ShallowWaterTimeStepper stepper)
    {
        var config = ShallowWaterGradientChecks.CheckConfiguration(ShallowWaterGradientChecks.CheckGrid(), allTerms: true, stepper);
        var x0 = ShallowWaterGradientChecks.CheckState(config);
        using var whole = new ShallowWaterSimulation(config, x0);
        whole.Run(40);
        using var first = new ShallowWaterSimulation(config, x0);
        first.Run(20);
        var saved = first.GetState();
        using var second = new ShallowWaterSimulation(config, new double[saved.Length]);
        second.SetState(saved, first.Step);
        second.Run(20);
        Assert.Equal(40, second.Step);
        Assert.Equal(whole.GetState().Select(BitConverter.DoubleToInt64Bits), second.GetState().Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Run_SameAsDifferentiableStepForward_BitIdentical()
    {
        var config = ShallowWaterGradientChecks.CheckConfiguration(ShallowWaterGradientChecks.CheckGrid(), allTerms: true, ShallowWaterTimeStepper.AdamsBashforth3);
        var x = ShallowWaterGradientChecks.CheckState(config);
        using var sim = new ShallowWaterSimulation(config, x);
        sim.Run(5);
        using var step = new ShallowWaterStep(config);
        var next = new double[x.Length];
        for (int n = 0; n < 5; n++)
        {
            step.Forward(n, x, config.DefaultParameters(), next);
            (x, next) = (next, x);
        }
        Assert.Equal(x.Select(BitConverter.DoubleToInt64Bits), sim.GetState().Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Create_NaNInInitialState_ThrowsNamingStepFieldAndPoint()
    {
        var config = ShallowWaterGradientChecks.CheckConfiguration(ShallowWaterGradientChecks.CheckGrid());
        var x = ShallowWaterGradientChecks.CheckState(config);
        x[config.Layout.Index(2, 3, 4)] = double.NaN;
        var e = Assert.Throws<ShallowWaterBlowUpException>(() => new ShallowWaterSimulation(config, x));
        Assert.Equal((0, "v", 3, 4), (e.Step, e.Field, e.I, e.J));
        Assert.Contains("v(3, 4)", e.Message);
    }

    [Fact]
    public void Run_TimeStepFarAboveCfl_StopsWithCflOrNaNErrorNamingTheStep()
    {
        var config = ShallowWaterGradientChecks.CheckConfiguration(ShallowWaterGradientChecks.CheckGrid()) with { TimeStep = 2500 };
        var x = ShallowWaterGradientChecks.CheckState(config);
        using var sim = new ShallowWaterSimulation(config, x) { CheckInterval = 1, CflLimit = 2.0 };
        var e = Assert.Throws<ShallowWaterBlowUpException>(() => sim.Run(10_000));
        Assert.True(e.Step > 0 && e.Step < 10_000);
        Assert.Contains($"step {e.Step}", e.Message);
        Assert.Contains(e.Field, new[] { "h", "u", "v" });
    }

    [Fact]
    public void Create_InitialCflAboveLimit_Throws()
    {
        var config = ShallowWaterGradientChecks.CheckConfiguration(ShallowWaterGradientChecks.CheckGrid()) with { TimeStep = 5000 };
        var e = Assert.Throws<ShallowWaterBlowUpException>(() => new ShallowWaterSimulation(config, ShallowWaterGradientChecks.CheckState(config)));
        Assert.Contains("CFL number", e.Message);
        Assert.True(e.Value > 1);
    }

    [Fact]
    public void Diagnostics_StateAtRestOnFlatBottom_MassIsVolumeAndEnergyIsPotential()
    {
        var config = ShallowWaterGradientChecks.CheckConfiguration(ShallowWaterGradientChecks.CheckGrid()) with { Topography = null };
        var x = new double[config.Layout.Length];
        Array.Fill(x, 100.0, 0, config.Layout.BlockLength);
        var d = ShallowWaterDiagnostics.Compute(config, x, 9.81);
        double area = 10 * 8 * 1e10;
        Assert.Equal(100 * area, d.Mass, 1e-9 * d.Mass);
        Assert.Equal(0.5 * 9.81 * 100 * 100 * area, d.Energy, 1e-9 * d.Energy);
        Assert.Equal(Math.Sqrt(9.81 * 100) * 600 / 1e5, d.MaxCfl, 1e-12);
        Assert.Equal(0, d.MaxSpeed);
    }
}
