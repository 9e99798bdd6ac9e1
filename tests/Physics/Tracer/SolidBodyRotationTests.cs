using ClimateAD.Grid.Grids;
using ClimateAD.Physics.Tracer;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Physics.Tests.Tracer;

/// <summary>
/// Williamson et al. (1992) test case 1: solid-body rotation of a smooth Gaussian blob once around the
/// sphere in 12 days; the exact solution after one revolution is the initial field.
/// </summary>
public class SolidBodyRotationTests(ITestOutputHelper output)
{
    // Band 60° S – 60° N (walls there), rotation axis tilted by α = 0.2 rad, blob on the equator at
    // 270° E with e-folding width a/3 (the radius of Williamson's cosine bell): the blob's centre reaches
    // ±11.5° and the walls are ≥ 2.6 widths away (exp(−2.6²) ≈ 10⁻³ of the peak, where the flow is ~parallel to them).
    private const double Alpha = 0.2, BandEdge = 60.0;

    [Fact]
    public void OneRevolution_GaussianBlob_CentredSchemeConvergesAtSecondOrder()
    {
        int[] resolutions = [96, 192, 384];
        var errors = resolutions.Select(n => Error(n, AdvectionScheme.Centered)).ToArray();
        var orders = new double[2];
        for (int k = 0; k < 2; k++) orders[k] = Math.Log2(errors[k].L2 / errors[k + 1].L2);
        for (int k = 0; k < 3; k++)
            output.WriteLine($"{resolutions[k]}x{resolutions[k] / 3}: {errors[k].Steps} steps, l2 {errors[k].L2:E3}, max {errors[k].Max:E3}, mass {errors[k].Mass:E2}");
        output.WriteLine($"observed l2 orders: {orders[0]:F3}, {orders[1]:F3}");
        // Second order: the finest pair within ±0.15 of 2; the coarsest pair is pre-asymptotic (3.75° against a width of 19°).
        Assert.InRange(orders[1], 1.85, 2.15);
        Assert.InRange(orders[0], 1.5, 2.3);
        Assert.True(errors[2].L2 < 0.04, $"finest l2 error {errors[2].L2:E3}");
        Assert.All(errors, e => Assert.True(e.Mass < 1e-12, $"mass error {e.Mass:E2}"));
    }

    [Fact]
    public void OneRevolution_VanLeer_BlobReturnsWithoutUndershoot()
    {
        var e = Error(192, AdvectionScheme.VanLeer);
        output.WriteLine($"van Leer 192x64: l2 {e.L2:E3}, max {e.Max:E3}, min {e.Minimum:E3}, peak {e.Maximum:F4}");
        Assert.True(e.Minimum >= -1e-14, $"undershoot {e.Minimum:E3}");
        Assert.True(e.Maximum <= 1.0, $"overshoot {e.Maximum:R}");
        Assert.True(e.L2 < 0.15, $"l2 error {e.L2:E3}");
    }

    private static (double L2, double Max, double Mass, double Minimum, double Maximum, long Steps) Error(int nLongitude, AdvectionScheme scheme)
    {
        var grid = new LatLonGrid(nLongitude, nLongitude / 3, latitudeSouth: -BandEdge, latitudeNorth: BandEdge);
        var velocity = VelocityField.SolidBodyRotation(grid, TracerModel.WilliamsonSpeed(grid.Radius), Alpha);
        double courant = scheme == AdvectionScheme.Centered ? 1.2 : 0.45;
        var probe = new TracerModel(grid, velocity, 1.0, scheme);
        int steps = (int)Math.Ceiling(TracerModel.WilliamsonPeriod * probe.CourantNumber() / courant);
        var model = new TracerModel(grid, velocity, TracerModel.WilliamsonPeriod / steps, scheme);
        var initial = TracerInitialConditions.GaussianBlob(grid, 270, 0, grid.Radius / 3);
        using var sim = new TracerSimulation(model, TracerParameters.Default, initial);
        double m0 = sim.Mass();
        sim.Advance(steps);
        var final = sim.Field();
        double num = 0, den = 0, max = 0, maxRef = 0;
        for (int j = 0; j < grid.Ny; j++)
        {
            double area = grid.Area(Stagger.Center, j);
            for (int i = 0; i < grid.Nx; i++)
            {
                double d = final[i, j] - initial[i, j];
                num += area * d * d;
                den += area * initial[i, j] * initial[i, j];
                max = Math.Max(max, Math.Abs(d));
                maxRef = Math.Max(maxRef, Math.Abs(initial[i, j]));
            }
        }
        return (Math.Sqrt(num / den), max / maxRef, Math.Abs(sim.Mass() - m0) / m0, sim.Minimum(), sim.Maximum(), steps);
    }
}
