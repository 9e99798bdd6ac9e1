using ClimateAD.Grid.Grids;
using ClimateAD.Physics.Tracer;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Physics.Tests.Tracer;

public class TracerDiffusionTests(ITestOutputHelper output)
{
    [Fact]
    public void DiffusionOnly_FourierMode_DecaysAtTheExactDiscreteRate()
    {
        // c = cos(k x) cos(l y) on a doubly periodic plane is an eigenvector of the 5-point Laplacian,
        // μ = −4κ (sin²(kΔx/2)/Δx² + sin²(lΔy/2)/Δy²); SSP-RK3 multiplies it by g = 1 + z + z²/2 + z³/6, z = μΔt.
        const int nx = 32, ny = 24, mx = 3, my = 2, steps = 200;
        const double lx = 3.2e6, ly = 2.4e6, kappa = 2e4;
        var grid = new CartesianGrid(nx, ny, lx, ly);
        double dx = lx / nx, dy = ly / ny, k = 2 * Math.PI * mx / lx, l = 2 * Math.PI * my / ly;
        var still = VelocityField.Uniform(grid, 0, 0);
        double dt = TracerModel.StableTimeStep(grid, still, AdvectionScheme.Centered, new TracerParameters(kappa, 1), 0.1);
        var model = new TracerModel(grid, still, dt);
        var initial = new double[nx, ny];
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
                initial[i, j] = Math.Cos(k * grid.X(Stagger.Center, i)) * Math.Cos(l * grid.Y(Stagger.Center, j));
        using var sim = new TracerSimulation(model, new TracerParameters(kappa, 1.0), initial);
        sim.Advance(steps);
        var final = sim.Field();

        double mu = -4 * kappa * (Math.Pow(Math.Sin(k * dx / 2) / dx, 2) + Math.Pow(Math.Sin(l * dy / 2) / dy, 2));
        double z = mu * dt, g = 1 + z + z * z / 2 + z * z * z / 6;
        double discrete = Math.Pow(g, steps), continuous = Math.Exp(-kappa * (k * k + l * l) * steps * dt);
        double worst = 0;
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
                worst = Math.Max(worst, Math.Abs(final[i, j] - discrete * initial[i, j]));
        output.WriteLine($"Δt = {dt:F1} s, diffusion number {model.DiffusionNumber(kappa):F3}; amplitude after {steps} steps: " +
                         $"model/discrete − 1 = {worst / discrete:E2}, discrete {discrete:F6}, continuous exp(−κ|k|²t) {continuous:F6}");
        Assert.True(discrete < 0.5, "the mode must decay substantially");
        Assert.True(worst <= 1e-12 * discrete, $"max deviation {worst:E3} from the exact discrete decay {discrete:F6}");
        // The discrete rate approximates the continuous one to second order in kΔx: relative rate error ≈ (kΔx)²/12
        // (Δt is small, so RK3's own relative error |z|³/24 ≈ 3×10⁻⁷ is negligible beside it).
        double rateError = Math.Abs(Math.Log(discrete) / Math.Log(continuous) - 1);
        double predicted = (Math.Pow(k * dx, 2) * k * k + Math.Pow(l * dy, 2) * l * l) / (12 * (k * k + l * l));
        output.WriteLine($"decay-rate error against the continuous equation {rateError:E3}; (kΔx)²/12 estimate {predicted:E3}");
        Assert.InRange(rateError, 0.5 * predicted, 1.5 * predicted);
    }
}
