using ClimateAD.Grid.Grids;
using ClimateAD.Physics.ShallowWater;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Physics.Tests.ShallowWater;

public class ShallowWaterConservationTests(ITestOutputHelper output)
{
    // Closed 16 × 16 β-plane basin of 100 km cells, H = 100 m, g = 9.81, inviscid and unforced, from rest
    // with a 2 m Gaussian bump off centre (nonlinear: Δh/H = 2 %).
    internal static ShallowWaterSetup Basin(ShallowWaterTimeStepper stepper, double dt, int n = 16)
    {
        var grid = new CartesianGrid(n, n, n * 1e5, n * 1e5, Topology.Bounded, Topology.Bounded, halo: 2,
            originY: -n * 0.5e5, coriolisParameter: 1e-4, coriolisGradient: 2e-11);
        var config = new ShallowWaterConfiguration(grid, dt) { Pressure = new BernoulliGradient(9.81), Stepper = stepper };
        var layout = config.Layout;
        var x = new double[layout.Length];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                double dx = (i + 0.5) / n - 0.35, dy = (j + 0.5) / n - 0.6;
                x[layout.Index(0, i, j)] = 100 + 2 * Math.Exp(-(dx * dx + dy * dy) / (2 * 0.12 * 0.12));
            }
        return new ShallowWaterSetup(config, x, "conservation basin");
    }

    private static (double MassDrift, double EnergyDrift, double Available) Run(ShallowWaterTimeStepper stepper, double dt, int steps)
    {
        var setup = Basin(stepper, dt);
        using var sim = setup.CreateSimulation();
        var d0 = sim.Diagnostics();
        sim.Run(steps);
        var d1 = sim.Diagnostics();
        var grid = setup.Configuration.Grid;
        double area = grid.Nx * grid.Ny * grid.Area(Stagger.Center, 0), hMean = d0.Mass / area;
        double available = d0.Energy - 0.5 * 9.81 * hMean * hMean * area;
        return ((d1.Mass - d0.Mass) / d0.Mass, (d1.Energy - d0.Energy) / available, available);
    }

    [Theory]
    [InlineData(ShallowWaterTimeStepper.SspRk3, 3, 400.0)]
    [InlineData(ShallowWaterTimeStepper.Rk4, 4, 400.0)]
    [InlineData(ShallowWaterTimeStepper.AdamsBashforth3, 3, 200.0)]
    public void InviscidClosedBasin_10000Steps_MassConservedAndEnergyDriftScalesWithTimeStepOrder(ShallowWaterTimeStepper stepper, int order, double dt)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var coarse = Run(stepper, dt, 10_000);
        var fine = Run(stepper, dt / 2, 20_000);
        double ratio = coarse.EnergyDrift / fine.EnergyDrift;
        output.WriteLine($"{stepper}: available energy {coarse.Available:E4} m5 s-2; 10 000 steps of {dt} s: mass drift {coarse.MassDrift:E2}, energy drift {coarse.EnergyDrift:E3}; " +
            $"20 000 steps of {dt / 2} s: mass drift {fine.MassDrift:E2}, energy drift {fine.EnergyDrift:E3}; ratio {ratio:F2} (2^{order} = {1 << order}); {sw.Elapsed.TotalSeconds:F1} s");
        Assert.True(Math.Abs(coarse.MassDrift) < 1e-12, $"mass drift {coarse.MassDrift:E2}");
        Assert.True(Math.Abs(fine.MassDrift) < 1e-12, $"mass drift {fine.MassDrift:E2}");
        Assert.True(ratio > 0.8 * (1 << order), $"energy drift ratio {ratio:F2} for order {order}");
    }
}
