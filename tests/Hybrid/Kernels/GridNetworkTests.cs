using ClimateAD.Grid.Execution;
using ClimateAD.Hybrid.Kernels;
using ClimateAD.Hybrid.Networks;
using Xunit;
using static ClimateAD.Hybrid.Tests.Kernels.KernelTestNetworks;

namespace ClimateAD.Hybrid.Tests.Kernels;

/// <summary>The grid kernels on the CPU backend against <see cref="DenseNetwork"/>'s own per-point code.</summary>
public class GridNetworkTests
{
    private const int Nx = 8, Ny = 6, N = Nx * Ny;

    public static TheoryData<Activation> Activations()
    {
        var data = new TheoryData<Activation>();
        foreach (var a in All) data.Add(a);
        return data;
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void Forward_OnCpuBackend_MatchesDenseNetwork(Activation activation)
    {
        var net = Create(activation);
        using var cpu = new CpuDevice();
        using var g = new GridNetwork(net, cpu);
        var x = Inputs(net, N, 1);
        using var xb = Block(g, x);
        using var yb = g.CreateBlock(net.OutputSize, Nx, Ny);
        g.Forward(xb, yb, Nx, Ny);
        var expected = new double[N * net.OutputSize];
        net.ForwardBatch(net.Weights, ToRows(x, net.InputSize, N), expected);
        double err = RelativeError(ToRows(Read(yb), net.OutputSize, N), expected);
        Assert.True(err <= 1e-13, $"{activation}: relative error {err:E2}");
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void Tangent_OnCpuBackend_MatchesDenseNetwork(Activation activation)
    {
        var net = Create(activation);
        using var cpu = new CpuDevice();
        using var g = new GridNetwork(net, cpu);
        double[] x = Inputs(net, N, 2), dx = Random(N * net.InputSize, 3), dw = Random(net.ParameterCount, 4);
        using var xb = Block(g, x);
        using var dxb = Block(g, dx);
        using var yb = g.CreateBlock(net.OutputSize, Nx, Ny);
        using var dyb = g.CreateBlock(net.OutputSize, Nx, Ny);
        g.Tangent(xb, dxb, dw, yb, dyb, Nx, Ny);
        double[] y = new double[N * net.OutputSize], dy = new double[N * net.OutputSize];
        net.TangentBatch(net.Weights, ToRows(x, net.InputSize, N), dw, ToRows(dx, net.InputSize, N), y, dy);
        Assert.True(RelativeError(ToRows(Read(yb), net.OutputSize, N), y) <= 1e-13, $"{activation}: y");
        double err = RelativeError(ToRows(Read(dyb), net.OutputSize, N), dy);
        Assert.True(err <= 1e-13, $"{activation}: δy relative error {err:E2}");
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void Adjoint_OnCpuBackend_MatchesDenseNetwork(Activation activation)
    {
        var net = Create(activation);
        using var cpu = new CpuDevice();
        using var g = new GridNetwork(net, cpu);
        double[] x = Inputs(net, N, 5), yBar = Random(N * net.OutputSize, 6), xBar0 = Random(N * net.InputSize, 8);
        using var xb = Block(g, x);
        using var ybb = Block(g, yBar);
        using var xbb = Block(g, xBar0);
        using var xbbOnly = Block(g, xBar0);
        var wBar = Random(net.ParameterCount, 9); // accumulates onto what is there
        var expectedW = (double[])wBar.Clone();
        var expectedX = ToRows(xBar0, net.InputSize, N);
        g.Adjoint(xb, ybb, xbb, wBar, Nx, Ny);          // x̄ and w̄ in one pass
        g.Adjoint(xb, ybb, xbbOnly, default, Nx, Ny);   // x̄ only: the per-point kernel
        net.AdjointBatch(net.Weights, ToRows(x, net.InputSize, N), ToRows(yBar, net.OutputSize, N), expectedX, expectedW);
        double ex = RelativeError(ToRows(Read(xbb), net.InputSize, N), expectedX), ew = RelativeError(wBar, expectedW);
        Assert.True(ex <= 1e-13, $"{activation}: x̄ relative error {ex:E2}");
        double exOnly = RelativeError(ToRows(Read(xbbOnly), net.InputSize, N), expectedX);
        Assert.True(exOnly <= 1e-13, $"{activation}: x̄ (input-only kernel) relative error {exOnly:E2}");
        Assert.True(ew <= 1e-13, $"{activation}: w̄ relative error {ew:E2}");
    }

    [Theory]
    [InlineData(Activation.Gelu)]
    [InlineData(Activation.Tanh)]
    public void TangentAndAdjoint_DotProductTest_To1e12(Activation activation)
    {
        // <N_x δx + N_w δw, ȳ> = <δx, x̄> + <δw, w̄>
        var net = Create(activation, seed: 11);
        using var cpu = new CpuDevice();
        using var g = new GridNetwork(net, cpu);
        double[] x = Inputs(net, N, 12), dx = Random(N * net.InputSize, 13), dw = Random(net.ParameterCount, 14), yBar = Random(N * net.OutputSize, 15);
        using var xb = Block(g, x);
        using var dxb = Block(g, dx);
        using var yb = g.CreateBlock(net.OutputSize, Nx, Ny);
        using var dyb = g.CreateBlock(net.OutputSize, Nx, Ny);
        using var ybb = Block(g, yBar);
        using var xbb = g.CreateBlock(net.InputSize, Nx, Ny);
        var wBar = new double[net.ParameterCount];
        g.Tangent(xb, dxb, dw, yb, dyb, Nx, Ny);
        g.Adjoint(xb, ybb, xbb, wBar, Nx, Ny);
        double lhs = Dot(Read(dyb), yBar), rhs = Dot(dx, Read(xbb)) + Dot(dw, wBar);
        Assert.True(Math.Abs(lhs - rhs) <= 1e-12 * Math.Abs(lhs), $"{lhs:R} vs {rhs:R}");
    }

    [Fact]
    public void WeightGradient_OnCpuBackend_IdenticalForOneAndTwoThreads()
    {
        const int nx = 64, ny = 80; // above CpuDevice.SerialThreshold, so the two-thread launch is parallel
        var net = Create(Activation.Gelu, seed: 21);
        var results = new List<double[]>();
        foreach (int threads in new[] { 1, 2 })
        {
            using var cpu = new CpuDevice(threads);
            using var g = new GridNetwork(net, cpu);
            using var xb = Block(g, Inputs(net, nx * ny, 22));
            using var ybb = Block(g, Random(nx * ny * net.OutputSize, 23));
            var wBar = new double[net.ParameterCount];
            g.Adjoint(xb, ybb, null, wBar, nx, ny);
            results.Add(wBar);
        }
        Assert.True(results[0].AsSpan().SequenceEqual(results[1]), "w̄ differs between 1 and 2 threads");
        Assert.Contains(results[0], v => v != 0);
    }

    [Fact]
    public void Constructor_TooWideNetwork_ThrowsNamingTheLimit()
    {
        var net = DenseNetwork.Create([3, 65, 1], Activation.Tanh);
        using var cpu = new CpuDevice();
        var e = Assert.Throws<ArgumentException>(() => new GridNetwork(net, cpu));
        Assert.Contains("64", e.Message);
        var deep = DenseNetwork.Create([4, 64, 64, 64, 64, 1], Activation.Tanh);
        Assert.Throws<ArgumentException>(() => new GridNetwork(deep, cpu));
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int k = 0; k < a.Length; k++) s += a[k] * b[k];
        return s;
    }
}
