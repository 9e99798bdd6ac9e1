using ClimateAD.Grid.Latitude;

namespace ClimateAD.Grid.Tests.Latitude;

public class MeridionalOperatorsTests
{
    private static double[] Random(Random rng, int n) => [.. Enumerable.Range(0, n).Select(_ => 2 * rng.NextDouble() - 1)];

    private static double Dot(double[] a, double[] b) => a.Zip(b, (u, v) => u * v).Sum();

    [Theory]
    [InlineData(2)]
    [InlineData(17)]
    [InlineData(90)]
    public void Transposes_RandomVectors_DotProductIdentityHolds(int n)
    {
        var grid = new LatitudeGrid(n);
        var rng = new Random(n);
        double[] c = Random(rng, n), f = Random(rng, n + 1), lc = Random(rng, n), lf = Random(rng, n + 1);
        f[0] = f[n] = 0; // the divergence reads pole fluxes; GradX_f never writes them, so compare on interior faces
        lf[0] = lf[n] = 0;

        var grad = new double[n + 1];
        MeridionalOperators.GradX_f(grid, c, grad);
        var gradT = new double[n];
        MeridionalOperators.GradX_fTranspose(grid, lf, gradT);
        Assert.Equal(Dot(grad, lf), Dot(c, gradT), 1e-12 * (Math.Abs(Dot(grad, lf)) + 1));

        var div = new double[n];
        MeridionalOperators.DivX_c(grid, f, div);
        var divT = new double[n + 1];
        MeridionalOperators.DivX_cTranspose(grid, lc, divT);
        Assert.Equal(Dot(div, lc), Dot(f, divT), 1e-12 * (Math.Abs(Dot(div, lc)) + 1));

        var l = new double[n];
        MeridionalOperators.DiffuseX_c(grid, c, l);
        var lT = new double[n];
        MeridionalOperators.DiffuseX_cTranspose(grid, lc, lT);
        Assert.Equal(Dot(l, lc), Dot(c, lT), 1e-12 * (Math.Abs(Dot(l, lc)) + 1));
    }

    [Fact]
    public void DiffuseX_c_EqualsDivergenceOfMetricTimesGradient()
    {
        var grid = new LatitudeGrid(12);
        double[] t = Random(new Random(1), 12), grad = new double[13], fused = new double[12], composed = new double[12];
        MeridionalOperators.GradX_f(grid, t, grad);
        for (int f = 0; f < 13; f++) grad[f] *= grid.FaceMetric[f];
        MeridionalOperators.DivX_c(grid, grad, composed);
        MeridionalOperators.DiffuseX_c(grid, t, fused);
        for (int j = 0; j < 12; j++) Assert.Equal(composed[j], fused[j], 1e-12);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(45)]
    public void DiffuseX_c_P2_IsMinusSixP2MinusThreeQuartersDxSquared(int n)
    {
        // Independent: for g = (1 − x²)·3x the centred difference of g at x_j is g′(x_j) + Δx²/24 g‴ = −6P₂ − ¾Δx².
        var grid = new LatitudeGrid(n);
        double[] p2 = [.. grid.Centres.ToArray().Select(x => 0.5 * (3 * x * x - 1))], l = new double[n];
        MeridionalOperators.DiffuseX_c(grid, p2, l);
        for (int j = 0; j < n; j++) Assert.Equal(-6 * p2[j] - 0.75 * grid.Spacing * grid.Spacing, l[j], 1e-11);
    }

    [Fact]
    public void DiffuseX_c_AreaWeightedSumAndConstants_Vanish()
    {
        var grid = new LatitudeGrid(33);
        double[] t = Random(new Random(2), 33), l = new double[33], constant = new double[33], lc = new double[33];
        Array.Fill(constant, 7.5);
        MeridionalOperators.DiffuseX_c(grid, t, l);
        MeridionalOperators.DiffuseX_c(grid, constant, lc);
        Assert.True(Math.Abs(grid.GlobalMean(l)) < 1e-13 * l.Sum(Math.Abs));
        Assert.All(lc, v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void Grid_Geometry_EqualAreasPolesClosedCentresSymmetric()
    {
        var grid = new LatitudeGrid(9);
        Assert.Equal(1.0, grid.GlobalMean(Enumerable.Repeat(1.0, 9).ToArray()), 15);
        Assert.Equal(0.0, grid.FaceMetric[0]);
        Assert.Equal(0.0, grid.FaceMetric[9]);
        Assert.Equal(0.0, grid.Centres[4]);
        Assert.Equal(-grid.Centres[0], grid.Centres[8], 15);
        Assert.Equal(Math.Asin(grid.Centres[8]) * 180 / Math.PI, grid.CentreLatitudes[8], 12);
    }

    [Fact]
    public void SymmetricTridiagonalSolver_DiagonallyDominantSystem_SolutionSatisfiesSystem()
    {
        const int n = 25;
        var rng = new Random(4);
        double[] e = [.. Enumerable.Range(0, n - 1).Select(_ => -rng.NextDouble())];
        double[] d = [.. Enumerable.Range(0, n).Select(k => 2.5 + rng.NextDouble())];
        double[] r = Random(rng, n), y = new double[n], scratch = new double[n];
        SymmetricTridiagonalSolver.Solve(d, e, r, y, scratch);
        for (int k = 0; k < n; k++)
        {
            double my = d[k] * y[k] + (k > 0 ? e[k - 1] * y[k - 1] : 0) + (k < n - 1 ? e[k] * y[k + 1] : 0);
            Assert.Equal(r[k], my, 1e-13);
        }
    }
}
