using ClimateAD.TestKit;
using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;
using ClimateAD.Physics.Tracer;
using ILGPU.Runtime.Cuda;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Physics.Tests.Tracer;

public class TracerPtxCompileTests(ITestOutputHelper output)
{
    private static IEnumerable<Type> TracerKernels() =>
        KernelRegistry.Kernels(typeof(TracerStep).Assembly).Where(k => k.Namespace == typeof(TracerStep).Namespace);

    public static TheoryData<string> KernelNames()
    {
        var data = new TheoryData<string>();
        foreach (var k in TracerKernels()) data.Add(KernelRegistry.Name(k));
        return data;
    }

    [Theory]
    [MemberData(nameof(KernelNames))]
    public void TracerKernel_CompilesToPtx_ForSm80AndSm90(string kernelName)
    {
        PtxAssert.CompilesForSm80AndSm90(TracerKernels().Single(k => KernelRegistry.Name(k) == kernelName), output);
    }

    [Fact]
    public void Registry_ListsEveryTracerKernel()
    {
        var names = TracerKernels().Select(KernelRegistry.Name).ToHashSet();
        Assert.Equal(
            new[]
            {
                "FluxFormAdvection.Kernel<Real, DeviceView<Real>>", "FluxFormAdvection.TransposeKernel<Real, DeviceView<Real>>",
                "TracerRk3.AdjointStageKernel<Real, DeviceView<Real>>", "TracerRk3.LimitedStageKernel<Real, DeviceView<Real>>",
                "TracerRk3.StageKernel<Real, DeviceView<Real>>",
            }.Order(StringComparer.Ordinal),
            names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void StageKernelOverDual_CompilesToPtx()
        // The tangent (TracerStep.Tangent) runs the stage kernel on Dual<Real>; it must run on CUDA too.
        => Assert.Contains(".target sm_80", PtxCompiler.Compile(typeof(TracerRk3.StageKernel<Dual<Real>, DeviceView<Dual<Real>>>), CudaArchitecture.SM_80));
}
