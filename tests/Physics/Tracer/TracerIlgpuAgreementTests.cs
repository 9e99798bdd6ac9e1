using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Grids;
using ClimateAD.Physics.Tracer;
using Xunit;

namespace ClimateAD.Physics.Tests.Tracer;

/// <summary>One ILGPU CPU accelerator (own Context) shared by the tests of this class.</summary>
public sealed class TracerIlgpuFixture : IDisposable
{
    public IlgpuDevice Device { get; } = IlgpuDevice.CreateCpuAccelerator();

    public void Dispose() => Device.Dispose();
}

public class TracerIlgpuAgreementTests(TracerIlgpuFixture fixture) : IClassFixture<TracerIlgpuFixture>
{
    // A masked 12×8 latitude–longitude band with tilted solid-body rotation and diffusion.
    private static TracerModel Model(AdvectionScheme scheme)
    {
        var mask = LandSeaMask.FromFunction(12, 8, (i, j) => !(i == 5 && j is 3 or 4));
        var grid = new LatLonGrid(12, 8, latitudeSouth: -60, latitudeNorth: 60, mask: mask);
        var velocity = VelocityField.SolidBodyRotation(grid, 40.0, 0.3);
        var p = new TracerParameters(2e5, 1.0);
        return new TracerModel(grid, velocity, TracerModel.StableTimeStep(grid, velocity, scheme, p, 0.8), scheme);
    }

    private static readonly TracerParameters Parameters = new(2e5, 1.0);

    [Theory]
    [InlineData(AdvectionScheme.Centered)]
    [InlineData(AdvectionScheme.VanLeer)]
    public void Advance_IlgpuCpuAccelerator_AgreesWithCpuToRoundOff(AdvectionScheme scheme)
    {
        var model = Model(scheme);
        var initial = TracerInitialConditions.GaussianBlob(model.Grid, 120, 10, 2e6, 1.0, 0.5);
        using var cpu = new TracerSimulation(model, Parameters, initial, new CpuDevice());
        using var gpu = new TracerSimulation(model, Parameters, initial, fixture.Device);
        cpu.Advance(4);
        gpu.Advance(4);
        double[,] a = cpu.Field(), b = gpu.Field();
        double worst = 0;
        foreach (var (x, y) in a.Cast<double>().Zip(b.Cast<double>())) worst = Math.Max(worst, Math.Abs(x - y));
        Assert.True(worst <= 1e-15, $"max |cpu − ilgpu| = {worst:E3}");
        Assert.NotEqual(initial[0, 0], a[0, 0]);
        Assert.Equal(cpu.Mass(), gpu.Mass(), 1e-14 * Math.Abs(cpu.Mass()));
    }

    [Fact]
    public void StepAdjointAndTangent_IlgpuCpuAccelerator_AgreeWithCpuToRoundOff()
    {
        var model = Model(AdvectionScheme.Centered);
        int n = model.StateLength;
        var rng = new Random(11);
        double[] x = [.. Enumerable.Range(0, n).Select(_ => rng.NextDouble())], lambdaNext = [.. Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5)];
        double[] dx = [.. Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5)], theta = [Parameters.Diffusivity, Parameters.VelocityScale];
        double[] dTheta = [1e4, 0.1];
        using var cpu = new TracerStep(model);
        using var gpu = new TracerStep(model, fixture.Device);
        double[] lc = new double[n], lg = new double[n], tc = new double[2], tg = new double[2], dc = new double[n], dg = new double[n];
        cpu.Adjoint(0, x, theta, lambdaNext, lc, tc);
        gpu.Adjoint(0, x, theta, lambdaNext, lg, tg);
        cpu.Tangent(0, x, theta, dx, dTheta, dc);
        gpu.Tangent(0, x, theta, dx, dTheta, dg);
        for (int k = 0; k < n; k++)
        {
            Assert.True(Math.Abs(lc[k] - lg[k]) <= 1e-14 * (1 + Math.Abs(lc[k])), $"λ[{k}]: {lc[k]:R} vs {lg[k]:R}");
            Assert.True(Math.Abs(dc[k] - dg[k]) <= 1e-14 * (1 + Math.Abs(dc[k])), $"δx[{k}]: {dc[k]:R} vs {dg[k]:R}");
        }
        for (int k = 0; k < 2; k++) Assert.Equal(tc[k], tg[k], 1e-12 * Math.Abs(tc[k]));
    }
}
