using ClimateAD.Grid.Grids;
using ClimateAD.Physics.ShallowWater;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Physics.Tests.ShallowWater;

public class ShallowWaterSphereTests(ITestOutputHelper output)
{
    // Normalised l2 height error of Williamson et al. (1992) test case 2 after `days`:
    // l2 = √(Σ A (h − h_T)²) / √(Σ A h_T²) over the latitude band.
    internal static double Tc2Error(int nLongitude, double days, out ShallowWaterSetup setup)
    {
        setup = ShallowWaterSetups.WilliamsonTestCase2(nLongitude);
        var config = setup.Configuration;
        var grid = (LatLonGrid)config.Grid;
        using var sim = setup.CreateSimulation();
        sim.Run((int)Math.Round(days * 86400 / config.TimeStep));
        var (h, _, _) = sim.Fields();
        double num = 0, den = 0;
        for (int j = 0; j < grid.Ny; j++)
        {
            double a = grid.Area(Stagger.Center, j), exact = ShallowWaterSetups.WilliamsonTc2Thickness(grid.LatitudeRadians(Stagger.Center, j));
            for (int i = 0; i < grid.Nx; i++)
            {
                num += a * (h[i, j] - exact) * (h[i, j] - exact);
                den += a * exact * exact;
            }
        }
        return Math.Sqrt(num / den);
    }

    [Fact]
    public void WilliamsonTestCase2_FiveDaysAtThreeResolutions_SecondOrderConvergence()
    {
        int[] resolutions = [32, 64, 128];
        var errors = new double[resolutions.Length];
        for (int k = 0; k < resolutions.Length; k++)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            errors[k] = Tc2Error(resolutions[k], 5, out var setup);
            output.WriteLine($"{setup.Description} Δt = {setup.Configuration.TimeStep:F1} s: l2 = {errors[k]:E3} ({sw.Elapsed.TotalSeconds:F1} s)");
        }
        for (int k = 1; k < resolutions.Length; k++)
            output.WriteLine($"rate {resolutions[k - 1]} → {resolutions[k]}: {Math.Log2(errors[k - 1] / errors[k]):F2}");
        double rate = Math.Log2(errors[1] / errors[2]);
        Assert.True(rate >= 1.8, $"convergence rate {rate:F2}");
        Assert.True(errors[2] < 1e-3, $"finest error {errors[2]:E2}");
    }

    // Galewsky et al. (2004): the jet in gradient-wind balance is a steady state of the continuous equations; the discrete jet drifts
    // from it by the truncation error, which must shrink at second order: over half a day, the largest thickness change on the
    // 2.8° grid is at least 3 times smaller than on the 5.6° grid, and below 1.5 % of the pole-to-equator thickness range.
    [Fact]
    public void Galewsky_BalancedJetWithoutPerturbation_DriftShrinksAtSecondOrder()
    {
        double Drift(int nLongitude, out double range)
        {
            var setup = ShallowWaterSetups.Galewsky(nLongitude, perturbation: false);
            using var sim = setup.CreateSimulation();
            var h0 = sim.Fields().H;
            sim.Run((int)Math.Round(43200 / setup.Configuration.TimeStep));
            var h1 = sim.Fields().H;
            range = h0.Cast<double>().Max() - h0.Cast<double>().Min();
            double change = 0;
            for (int j = 0; j < h0.GetLength(1); j++)
                for (int i = 0; i < h0.GetLength(0); i++)
                    change = Math.Max(change, Math.Abs(h1[i, j] - h0[i, j]));
            output.WriteLine($"{setup.Description}: thickness range {range:F1} m, largest change over half a day {change:F2} m ({change / range:P2})");
            return change;
        }
        double coarse = Drift(64, out _), fine = Drift(128, out double range);
        Assert.InRange(range, 500, 1500);
        Assert.True(coarse / fine >= 3, $"drift ratio {coarse / fine:F2}");
        Assert.True(fine < 0.015 * range, $"drift {fine:F2} m of a range of {range:F1} m");
    }

    [Fact]
    public void Galewsky_Perturbed_TwoDaysConserveMassAndEnergy()
    {
        var setup = ShallowWaterSetups.Galewsky(64);
        using var sim = setup.CreateSimulation();
        var d0 = sim.Diagnostics();
        sim.Run((int)Math.Round(2 * 86400 / setup.Configuration.TimeStep));
        var d1 = sim.Diagnostics();
        output.WriteLine($"mass drift {(d1.Mass - d0.Mass) / d0.Mass:E2}, energy drift {(d1.Energy - d0.Energy) / d0.Energy:E2}, enstrophy drift {(d1.Enstrophy - d0.Enstrophy) / d0.Enstrophy:E2}, max CFL {d1.MaxCfl:F2}");
        Assert.True(Math.Abs(d1.Mass - d0.Mass) < 1e-12 * d0.Mass);
        Assert.True(Math.Abs(d1.Energy - d0.Energy) < 1e-6 * d0.Energy);
    }
}
