using ClimateAD.Grid.Execution;
using ClimateAD.Hybrid.Kernels;
using ClimateAD.Hybrid.Networks;
using Xunit;
using static ClimateAD.Hybrid.Tests.Kernels.KernelTestNetworks;

namespace ClimateAD.Hybrid.Tests.Kernels;

/// <summary>One ILGPU CPU accelerator (own Context) for the network kernel tests.</summary>
public sealed class NetworkIlgpuFixture : IDisposable
{
    public IlgpuDevice Device { get; } = IlgpuDevice.CreateCpuAccelerator();

    public void Dispose() => Device.Dispose();
}

/// <summary>The same kernels through ILGPU (CPU accelerator: GPU semantics, small grid) equal the CPU backend bit for bit.</summary>
public class GridNetworkIlgpuTests(NetworkIlgpuFixture fixture) : IClassFixture<NetworkIlgpuFixture>
{
    private const int Nx = 8, Ny = 6, N = Nx * Ny;

    public static TheoryData<Activation> Activations() => GridNetworkTests.Activations();

    [Theory]
    [MemberData(nameof(Activations))]
    public void IlgpuCpuAccelerator_ForwardTangentAdjoint_MatchCpuBackendBitwise(Activation activation)
    {
        var net = Create(activation, seed: 31);
        double[] x = Inputs(net, N, 32), dx = Random(N * net.InputSize, 33), dw = Random(net.ParameterCount, 34);
        double[] yBar = Random(N * net.OutputSize, 35), xBar0 = Random(N * net.InputSize, 36);
        using var cpu = new CpuDevice();
        var onCpu = Evaluate(cpu, net, x, dx, dw, yBar, xBar0);
        var onIlgpu = Evaluate(fixture.Device, net, x, dx, dw, yBar, xBar0);
        string[] names = ["y", "y (tangent)", "δy", "x̄", "w̄", "x̄ (input-only kernel)"];
        for (int k = 0; k < names.Length; k++)
            for (int m = 0; m < onCpu[k].Length; m++)
                Assert.True(BitConverter.DoubleToInt64Bits(onCpu[k][m]) == BitConverter.DoubleToInt64Bits(onIlgpu[k][m]),
                    $"{activation} {names[k]}[{m}]: cpu {onCpu[k][m]:R}, ilgpu {onIlgpu[k][m]:R}");
    }

    [Fact]
    public void IlgpuCpuAccelerator_WeightGradientOnLargerGrid_EqualsCpuBackendWithTwoThreads()
    {
        const int nx = 64, ny = 72;
        var net = Create(Activation.Softplus, seed: 41);
        double[] x = Inputs(net, nx * ny, 42), yBar = Random(nx * ny * net.OutputSize, 43);
        var results = new List<double[]>();
        using var cpu = new CpuDevice(2);
        foreach (ComputeDevice device in new ComputeDevice[] { cpu, fixture.Device })
        {
            using var g = new GridNetwork(net, device);
            using var xb = Block(g, x);
            using var ybb = Block(g, yBar);
            var wBar = new double[net.ParameterCount];
            g.Adjoint(xb, ybb, null, wBar, nx, ny);
            results.Add(wBar);
        }
        Assert.True(results[0].AsSpan().SequenceEqual(results[1]), "w̄ differs between the CPU backend and ILGPU");
    }

    private static double[][] Evaluate(ComputeDevice device, DenseNetwork net, double[] x, double[] dx, double[] dw, double[] yBar, double[] xBar0)
    {
        using var g = new GridNetwork(net, device);
        using var xb = Block(g, x);
        using var dxb = Block(g, dx);
        using var yb = g.CreateBlock(net.OutputSize, Nx, Ny);
        using var y2b = g.CreateBlock(net.OutputSize, Nx, Ny);
        using var dyb = g.CreateBlock(net.OutputSize, Nx, Ny);
        using var ybb = Block(g, yBar);
        using var xbb = Block(g, xBar0);
        using var xbbOnly = Block(g, xBar0);
        var wBar = new double[net.ParameterCount];
        g.Forward(xb, yb, Nx, Ny);
        g.Tangent(xb, dxb, dw, y2b, dyb, Nx, Ny);
        g.Adjoint(xb, ybb, xbb, wBar, Nx, Ny);          // weight-gradient kernel, x̄ in the same pass
        g.Adjoint(xb, ybb, xbbOnly, default, Nx, Ny);   // input-adjoint kernel, one thread per point
        return [Read(yb), Read(y2b), Read(dyb), Read(xbb), wBar, Read(xbbOnly)];
    }
}
