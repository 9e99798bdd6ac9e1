using ClimateAD.Grid.Execution;

namespace ClimateAD.Grid.Tests.Execution;

public class DeviceTests
{
    [Theory]
    [InlineData("cpu", DeviceSelection.Cpu)]
    [InlineData(" CUDA ", DeviceSelection.Cuda)]
    [InlineData("auto", DeviceSelection.Auto)]
    public void ParseSelection_AcceptsTheThreeChoices(string text, DeviceSelection expected)
        => Assert.Equal(expected, ComputeDevice.ParseSelection(text));

    [Fact]
    public void ParseSelection_Unknown_ListsValidChoices()
    {
        var e = Assert.Throws<ArgumentException>(() => ComputeDevice.ParseSelection("tpu"));
        Assert.Contains("cpu | cuda | auto", e.Message);
    }

    [Fact]
    public void Create_Cpu_IsTheHostBackend()
    {
        using var d = ComputeDevice.Create("cpu");
        Assert.Equal(DeviceKind.Cpu, d.Kind);
        Assert.False(d.UsesDeviceViews);
    }

    [Fact]
    public void Create_CudaOrAuto_FollowsAvailability()
    {
        if (IlgpuDevice.IsCudaAvailable())
        {
            using var cuda = ComputeDevice.Create(DeviceSelection.Cuda);
            Assert.Equal(DeviceKind.Cuda, cuda.Kind);
            using var auto = ComputeDevice.Create(DeviceSelection.Auto);
            Assert.Equal(DeviceKind.Cuda, auto.Kind);
        }
        else
        {
            var e = Assert.Throws<DeviceUnavailableException>(() => ComputeDevice.Create(DeviceSelection.Cuda));
            Assert.Contains("cuda", e.Message);
            Assert.Contains("'cpu'", e.Message);
            using var auto = ComputeDevice.Create(DeviceSelection.Auto);
            Assert.Equal(DeviceKind.Cpu, auto.Kind);
        }
    }

    private struct CountKernel(int[] hits, int nx) : IKernel2D
    {
        public readonly void Execute(int i, int j) => Interlocked.Increment(ref hits[j * nx + i]);
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(130, 70)]
    public void CpuDevice_Launch_VisitsEveryPointOnce(int nx, int ny)
    {
        using var d = new CpuDevice();
        var hits = new int[nx * ny];
        d.Launch(new CountKernel(hits, nx), nx, ny);
        Assert.All(hits, h => Assert.Equal(1, h));
    }
}
