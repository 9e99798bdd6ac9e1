using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Grids;

namespace ClimateAD.Grid.Tests.Operators;

/// <summary>Exact discrete identities: linear fields, the divergence theorem, curl of a gradient, Laplacian = divergence of gradient.</summary>
public class OperatorExactnessTests
{
    private static double[] Sample(Grid2D g, Location loc, Func<double, double, double> f)
    {
        var a = new double[g.Nx * g.Ny];
        for (int j = 0; j < g.Ny; j++)
            for (int i = 0; i < g.Nx; i++)
                a[j * g.Nx + i] = f(g.X(loc.X, i), g.Y(loc.Y, j));
        return a;
    }

    private static double Mask(Grid2D g, Location loc, int n) => g.Mask(loc, n % g.Nx, n / g.Nx);

    [Fact]
    public void DiffAndInterp_OfLinearField_AreExactOnOpenFaces()
    {
        var g = TestGrids.Get("cartesian-walled-masked");
        using var d = new CpuDevice();
        var c = Sample(g, Location.Ccc, (x, y) => 3e-3 * x - 2e-3 * y + 7);
        var dx = OperatorHarness.Apply(d, g, OperatorCase.Get("DiffX_fcc"), [c])[0];
        var dy = OperatorHarness.Apply(d, g, OperatorCase.Get("DiffY_cfc"), [c])[0];
        var ix = OperatorHarness.Apply(d, g, OperatorCase.Get("InterpX_fcc"), [c])[0];
        var iy = OperatorHarness.Apply(d, g, OperatorCase.Get("InterpY_cfc"), [c])[0];
        var atU = Sample(g, Location.Fcc, (x, y) => 3e-3 * x - 2e-3 * y + 7);
        var atV = Sample(g, Location.Cfc, (x, y) => 3e-3 * x - 2e-3 * y + 7);
        int open = 0;
        for (int n = 0; n < c.Length; n++)
        {
            double mu = Mask(g, Location.Fcc, n), mv = Mask(g, Location.Cfc, n);
            Assert.Equal(3e-3 * mu, dx[n], 1e-15);
            Assert.Equal(-2e-3 * mv, dy[n], 1e-15);
            Assert.Equal(atU[n] * mu, ix[n], 1e-9);
            Assert.Equal(atV[n] * mv, iy[n], 1e-9);
            open += (int)mu;
        }
        Assert.True(open > c.Length / 2, "most faces should be open");
        Assert.Equal(0.0, dx[0]); // west wall face is closed
    }

    [Fact]
    public void FourPointInterpolation_OfLinearField_IsExactWhereAllNeighboursAreOpen()
    {
        var g = TestGrids.Get("cartesian-walled-masked");
        using var d = new CpuDevice();
        static double F(double x, double y) => 2e-3 * x + 5e-3 * y - 1;
        var u = Sample(g, Location.Fcc, F);
        var v = Sample(g, Location.Cfc, F);
        var vAtU = OperatorHarness.Apply(d, g, OperatorCase.Get("InterpXY_fcc"), [v])[0];
        var uAtV = OperatorHarness.Apply(d, g, OperatorCase.Get("InterpXY_cfc"), [u])[0];
        var exactU = Sample(g, Location.Fcc, F);
        var exactV = Sample(g, Location.Cfc, F);
        int checkedPoints = 0;
        for (int j = 0; j < g.Ny; j++)
            for (int i = 0; i < g.Nx; i++)
            {
                int n = j * g.Nx + i;
                if (g.Mask(Location.Fcc, i, j) == 1 && g.Mask(Location.Cfc, i - 1, j) == 1 && g.Mask(Location.Cfc, i, j) == 1
                    && g.Mask(Location.Cfc, i - 1, j + 1) == 1 && g.Mask(Location.Cfc, i, j + 1) == 1)
                {
                    Assert.Equal(exactU[n], vAtU[n], 1e-12 * Math.Abs(exactU[n]));
                    checkedPoints++;
                }
                if (g.Mask(Location.Cfc, i, j) == 1 && g.Mask(Location.Fcc, i, j - 1) == 1 && g.Mask(Location.Fcc, i + 1, j - 1) == 1
                    && g.Mask(Location.Fcc, i, j) == 1 && g.Mask(Location.Fcc, i + 1, j) == 1)
                    Assert.Equal(exactV[n], uAtV[n], 1e-12 * Math.Abs(exactV[n]));
                if (g.Mask(Location.Fcc, i, j) == 0) Assert.Equal(0.0, vAtU[n]);
            }
        Assert.True(checkedPoints > g.Nx * g.Ny / 2);
    }

    [Theory]
    [InlineData("cartesian-periodic")]
    [InlineData("cartesian-walled-masked")]
    [InlineData("latlon-masked")]
    [InlineData("latlon-sector-masked")]
    public void Divergence_AreaWeightedSum_VanishesOnClosedOrPeriodicDomain(string gridName)
    {
        var g = TestGrids.Get(gridName);
        using var d = new CpuDevice();
        var rng = new Random(11);
        var u = OperatorHarness.Random(rng, g.Nx * g.Ny);
        var v = OperatorHarness.Random(rng, g.Nx * g.Ny);
        var div = OperatorHarness.Apply(d, g, OperatorCase.Get("Div_ccc"), [u, v])[0];
        double sum = 0, scale = 0;
        for (int n = 0; n < div.Length; n++)
        {
            double a = g.Area(Stagger.Center, n / g.Nx);
            sum += a * div[n];
            scale += Math.Abs(a * div[n]);
        }
        Assert.True(scale > 0);
        Assert.True(Math.Abs(sum) <= 1e-13 * scale, $"Σ A div = {sum:E3} against Σ |A div| = {scale:E3}");
    }

    [Theory]
    [InlineData("cartesian-periodic")]
    [InlineData("cartesian-walled-masked")]
    [InlineData("latlon-masked")]
    public void CurlOfGradient_VanishesToRoundOff(string gridName)
    {
        var g = TestGrids.Get(gridName);
        using var d = new CpuDevice();
        var phi = OperatorHarness.Random(new Random(2), g.Nx * g.Ny);
        var gx = OperatorHarness.Apply(d, g, OperatorCase.Get("DiffX_fcc"), [phi])[0];
        var gy = OperatorHarness.Apply(d, g, OperatorCase.Get("DiffY_cfc"), [phi])[0];
        var curl = OperatorHarness.Apply(d, g, OperatorCase.Get("Curl_ffc"), [gx, gy])[0];
        double gradScale = gx.Concat(gy).Max(Math.Abs);
        double lengthScale = Math.Sqrt(g.Area(Stagger.Face, g.Ny / 2));
        foreach (double z in curl) Assert.True(Math.Abs(z) <= 1e-13 * gradScale / lengthScale, $"curl grad = {z:E3}");
    }

    [Theory]
    [InlineData("cartesian-periodic")]
    [InlineData("cartesian-walled-masked")]
    [InlineData("latlon-sector-masked")]
    public void Laplacian_EqualsDivergenceOfGradient(string gridName)
    {
        var g = TestGrids.Get(gridName);
        using var d = new CpuDevice();
        var c = OperatorHarness.Random(new Random(9), g.Nx * g.Ny);
        var gx = OperatorHarness.Apply(d, g, OperatorCase.Get("DiffX_fcc"), [c])[0];
        var gy = OperatorHarness.Apply(d, g, OperatorCase.Get("DiffY_cfc"), [c])[0];
        var divGrad = OperatorHarness.Apply(d, g, OperatorCase.Get("Div_ccc"), [gx, gy])[0];
        var lap = OperatorHarness.Apply(d, g, OperatorCase.Get("Lap_ccc"), [c])[0];
        double scale = lap.Max(Math.Abs);
        Assert.True(scale > 0);
        for (int n = 0; n < lap.Length; n++) Assert.Equal(divGrad[n], lap[n], 1e-12 * scale);
    }

    [Fact]
    public void Laplacian_OfFieldOnLandOrBeyondWalls_HasNoEffect()
    {
        // Zero-flux boundaries: changing c on land cells leaves the Laplacian of the wet cells unchanged.
        var g = TestGrids.Get("cartesian-walled-masked");
        using var d = new CpuDevice();
        var c = OperatorHarness.Random(new Random(4), g.Nx * g.Ny);
        var c2 = (double[])c.Clone();
        for (int n = 0; n < c.Length; n++) if (!g.IsWet(n % g.Nx, n / g.Nx)) c2[n] += 100;
        var lap1 = OperatorHarness.Apply(d, g, OperatorCase.Get("Lap_ccc"), [c])[0];
        var lap2 = OperatorHarness.Apply(d, g, OperatorCase.Get("Lap_ccc"), [c2])[0];
        Assert.Equal(lap1, lap2);
        for (int n = 0; n < c.Length; n++) if (!g.IsWet(n % g.Nx, n / g.Nx)) Assert.Equal(0.0, lap1[n]);
    }
}
