using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Grids;
using ClimateAD.Physics.Tracer;
using Xunit;

namespace ClimateAD.Physics.Tests.Tracer;

public class TracerCpuPathTests
{
    public static TheoryData<string> Grids() => ["periodic-odd", "closed-masked", "sphere"];

    [Theory]
    [MemberData(nameof(Grids))]
    public void VectorizedStage_BitIdenticalToGenericKernel(string name)
    {
        TracerModel model = name switch
        {
            // 67 columns: 16 vectors of 4 plus a scalar remainder of 3.
            "periodic-odd" => TracerModel.UniformFlow(new CartesianGrid(67, 90, 6.7e6, 9e6), 9.0, -4.0, 6000.0),
            "closed-masked" => Gyre(),
            _ => TracerModel.SolidBodyRotation(72, 36, alpha: 0.3, courant: 1.0),
        };
        var initial = TracerInitialConditions.GaussianBlob(model.Grid, model.Grid.X(Stagger.Center, 20), model.Grid.Y(Stagger.Center, 20),
            model.Grid is LatLonGrid s ? s.Radius / 3 : 1e6, 1.0, 0.3);
        var p = new TracerParameters(3e4, 1.1);
        using var device = new CpuDevice();
        using var fast = new TracerSimulation(model, p, initial, device) { UseVectorizedCpuPath = true };
        using var generic = new TracerSimulation(model, p, initial, device) { UseVectorizedCpuPath = false };
        fast.Advance(12);
        generic.Advance(12);
        double[,] a = fast.Field(), b = generic.Field();
        for (int j = 0; j < model.Grid.Ny; j++)
            for (int i = 0; i < model.Grid.Nx; i++)
                Assert.True(BitConverter.DoubleToInt64Bits(a[i, j]) == BitConverter.DoubleToInt64Bits(b[i, j]), $"({i}, {j}): {a[i, j]:R} vs {b[i, j]:R}");
        Assert.True(initial.Cast<double>().Zip(a.Cast<double>()).Max(t => Math.Abs(t.First - t.Second)) > 1e-3, "the tracer did not move");
    }

    [Theory]
    [MemberData(nameof(Grids))]
    public void VectorizedAdjoint_BitIdenticalToGenericKernel(string name)
    {
        TracerModel model = name switch
        {
            "periodic-odd" => TracerModel.UniformFlow(new CartesianGrid(67, 90, 6.7e6, 9e6), 9.0, -4.0, 6000.0),
            "closed-masked" => Gyre(),
            _ => TracerModel.SolidBodyRotation(72, 36, alpha: 0.3, courant: 1.0),
        };
        int n = model.StateLength;
        var rng = new Random(5);
        double[] x = [.. Enumerable.Range(0, n).Select(_ => rng.NextDouble())], lambdaNext = [.. Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5)];
        double[] theta = [3e4, 1.1];
        using var device = new CpuDevice();
        using var fast = new TracerStep(model, device) { UseVectorizedCpuPath = true };
        using var generic = new TracerStep(model, device) { UseVectorizedCpuPath = false };
        double[] lf = new double[n], lg = new double[n], tf = new double[2], tg = new double[2];
        fast.Adjoint(0, x, theta, lambdaNext, lf, tf);
        generic.Adjoint(0, x, theta, lambdaNext, lg, tg);
        Assert.Equal(lg.Select(BitConverter.DoubleToInt64Bits), lf.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(tg.Select(BitConverter.DoubleToInt64Bits), tf.Select(BitConverter.DoubleToInt64Bits));
        Assert.Contains(lf, v => v != 0);
    }

    private static TracerModel Gyre()
    {
        var g = Basin();
        return new TracerModel(g, VelocityField.BasinGyre(g, 5.0), 4000.0);
    }

    private static CartesianGrid Basin() => new(70, 60, 7e6, 6e6, Topology.Bounded, Topology.Bounded,
        mask: LandSeaMask.FromFunction(70, 60, (i, j) => !(i is >= 30 and < 36 && j is >= 25 and < 31)));
}
