using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Grids;
using Xunit.Abstractions;

namespace ClimateAD.Grid.Tests.Operators;

/// <summary>Second-order convergence of the spherical operators to analytic results, measured as the observed order between resolutions.</summary>
public class SphereConvergenceTests(ITestOutputHelper output)
{
    private const double A = LatLonGrid.EarthRadius;

    private static double[] Sample(LatLonGrid g, Location loc, Func<double, double, double> f)
    {
        var a = new double[g.Nx * g.Ny];
        for (int j = 0; j < g.Ny; j++)
            for (int i = 0; i < g.Nx; i++)
                a[j * g.Nx + i] = f(g.LongitudeRadians(loc.X, i), g.LatitudeRadians(loc.Y, j));
        return a;
    }

    /// <summary>Max error over points with |φ| ≤ 60°, relative to the max of the exact result there.</summary>
    private static double Error(LatLonGrid g, Location loc, double[] numeric, Func<double, double, double> exact)
    {
        double err = 0, scale = 0;
        for (int j = 0; j < g.Ny; j++)
        {
            double phi = g.LatitudeRadians(loc.Y, j);
            if (Math.Abs(phi) > Math.PI / 3) continue;
            for (int i = 0; i < g.Nx; i++)
            {
                double e = exact(g.LongitudeRadians(loc.X, i), phi);
                err = Math.Max(err, Math.Abs(numeric[j * g.Nx + i] - e));
                scale = Math.Max(scale, Math.Abs(e));
            }
        }
        return err / scale;
    }

    private double[] Errors(string opName, Location outLoc, Func<LatLonGrid, double[][]> inputs, Func<double, double, double> exact)
    {
        var errors = new List<double>();
        foreach (int n in new[] { 24, 48, 96 })
        {
            var g = new LatLonGrid(2 * n, n);
            using var d = new CpuDevice();
            var result = OperatorHarness.Apply(d, g, OperatorCase.Get(opName), inputs(g))[0];
            errors.Add(Error(g, outLoc, result, exact));
        }
        output.WriteLine($"{opName}: relative max errors {string.Join(", ", errors.Select(e => e.ToString("E3")))}; orders {Math.Log2(errors[0] / errors[1]):F3}, {Math.Log2(errors[1] / errors[2]):F3}");
        return [.. errors];
    }

    private static void AssertSecondOrder(double[] errors)
    {
        double order = Math.Log2(errors[^2] / errors[^1]);
        Assert.InRange(order, 1.9, 2.1);
    }

    [Fact]
    public void Laplacian_OfDegreeOneHarmonic_ConvergesAtSecondOrder()
    {
        // f = sin φ + cos φ sin λ is a degree-1 spherical harmonic: ∇²f = −2 f / a².
        static double F(double lambda, double phi) => Math.Sin(phi) + Math.Cos(phi) * Math.Sin(lambda);
        var errors = Errors("Lap_ccc", Location.Ccc, g => [Sample(g, Location.Ccc, F)], (l, p) => -2 * F(l, p) / (A * A));
        AssertSecondOrder(errors);
    }

    [Fact]
    public void Laplacian_OfDegreeTwoHarmonic_ConvergesAtSecondOrder()
    {
        // f = cos² φ cos 2λ: ∇²f = −6 f / a².
        static double F(double lambda, double phi) => Math.Cos(phi) * Math.Cos(phi) * Math.Cos(2 * lambda);
        var errors = Errors("Lap_ccc", Location.Ccc, g => [Sample(g, Location.Ccc, F)], (l, p) => -6 * F(l, p) / (A * A));
        AssertSecondOrder(errors);
    }

    [Fact]
    public void Divergence_OfSmoothFlow_ConvergesAtSecondOrder()
    {
        // u = sin λ, v = sin φ cos φ: ∇·u = (cos λ / cos φ + cos² φ − 2 sin² φ) / a.
        var errors = Errors("Div_ccc", Location.Ccc,
            g => [Sample(g, Location.Fcc, (l, p) => Math.Sin(l)), Sample(g, Location.Cfc, (l, p) => Math.Sin(p) * Math.Cos(p))],
            (l, p) => (Math.Cos(l) / Math.Cos(p) + Math.Cos(p) * Math.Cos(p) - 2 * Math.Sin(p) * Math.Sin(p)) / A);
        AssertSecondOrder(errors);
    }

    [Fact]
    public void Curl_OfSolidBodyRotationPlusWave_ConvergesAtSecondOrder()
    {
        // u = cos φ, v = sin λ: ζ = (cos λ / cos φ + 2 sin φ) / a.
        var errors = Errors("Curl_ffc", Location.Ffc,
            g => [Sample(g, Location.Fcc, (l, p) => Math.Cos(p)), Sample(g, Location.Cfc, (l, p) => Math.Sin(l))],
            (l, p) => (Math.Cos(l) / Math.Cos(p) + 2 * Math.Sin(p)) / A);
        AssertSecondOrder(errors);
    }
}
