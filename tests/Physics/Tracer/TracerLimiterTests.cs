using ClimateAD.Grid.Grids;
using ClimateAD.Physics.Tracer;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Physics.Tests.Tracer;

public class TracerLimiterTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(AdvectionScheme.Minmod)]
    [InlineData(AdvectionScheme.VanLeer)]
    public void LimitedScheme_SquareWaveObliqueFlow_StaysWithinInitialBounds(AdvectionScheme scheme)
    {
        var (min, max) = Run(scheme, courant: 0.45);
        output.WriteLine($"{scheme}: min {min:E3}, max − 1 = {max - 1:E3}");
        // Monotone up to round-off (values of ~1e-80 below zero appear where the field is 0 to round-off).
        Assert.True(min >= -1e-14, $"undershoot {min:E3}");
        Assert.True(max <= 1 + 1e-14, $"overshoot {max - 1:E3}");
    }

    [Fact]
    public void CentredScheme_SquareWaveObliqueFlow_OvershootsAndUndershoots()
    {
        // The check above has teeth: the linear centred scheme is not monotone (Godunov's theorem).
        var (min, max) = Run(AdvectionScheme.Centered, courant: 0.45);
        output.WriteLine($"Centered: min {min:E3}, max − 1 = {max - 1:E3}");
        Assert.True(min < -0.05 && max > 1.05, $"min {min}, max {max}");
    }

    private static (double Min, double Max) Run(AdvectionScheme scheme, double courant)
    {
        var grid = new CartesianGrid(40, 40, 4e6, 4e6);
        var velocity = VelocityField.Uniform(grid, 10.0, 6.0);
        var probe = new TracerModel(grid, velocity, 1.0, scheme);
        var model = new TracerModel(grid, velocity, courant / probe.CourantNumber(), scheme);
        var initial = new double[40, 40];
        for (int j = 12; j < 24; j++)
            for (int i = 8; i < 20; i++)
                initial[i, j] = 1.0;
        using var sim = new TracerSimulation(model, TracerParameters.Default, initial);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int k = 0; k < 10; k++)
        {
            sim.Advance(20);
            min = Math.Min(min, sim.Minimum());
            max = Math.Max(max, sim.Maximum());
        }
        return (min, max);
    }
}
