using ClimateAD.TestKit;
using ClimateAD.Grid.Execution;
using ClimateAD.Hybrid.Kernels;
using ILGPU.Runtime.Cuda;
using Xunit;

namespace ClimateAD.Hybrid.Tests.Kernels;

/// <summary>The CI check of DESIGN.md §2 for the Hybrid assembly: every kernel compiles to PTX for sm_80 and sm_90.</summary>
public class NetworkKernelPtxTests
{
    public static TheoryData<string> KernelNames()
    {
        var data = new TheoryData<string>();
        foreach (var k in KernelRegistry.Kernels(typeof(GridNetwork).Assembly)) data.Add(KernelRegistry.Name(k));
        return data;
    }

    [Theory]
    [MemberData(nameof(KernelNames))]
    public void HybridKernel_CompilesToPtx_ForSm80AndSm90(string kernelName)
    {
        PtxAssert.CompilesForSm80AndSm90(KernelRegistry.Kernels(typeof(GridNetwork).Assembly).Single(k => KernelRegistry.Name(k) == kernelName));
    }

    [Fact]
    public void Registry_ListsTheFourNetworkKernels()
    {
        var names = KernelRegistry.Kernels(typeof(GridNetwork).Assembly).Select(KernelRegistry.Name).ToHashSet();
        foreach (var k in new[] { "NetworkForwardKernel", "NetworkTangentKernel", "NetworkInputAdjointKernel", "NetworkWeightGradientKernel" })
            Assert.Contains($"{k}<DeviceView<Real>>", names);
    }
}
