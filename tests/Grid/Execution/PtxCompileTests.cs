using ClimateAD.TestKit;
using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;
using ClimateAD.Grid.Operators;
using ILGPU.Runtime.Cuda;
using Xunit.Abstractions;

namespace ClimateAD.Grid.Tests.Execution;

public class PtxCompileTests(ITestOutputHelper output)
{
    public static TheoryData<string> KernelNames()
    {
        var data = new TheoryData<string>();
        foreach (var k in KernelRegistry.Kernels()) data.Add(KernelRegistry.Name(k));
        return data;
    }

    [Theory]
    [MemberData(nameof(KernelNames))]
    public void RegisteredKernel_CompilesToPtx_ForSm80AndSm90(string kernelName)
    {
        PtxAssert.CompilesForSm80AndSm90(KernelRegistry.Kernels().Single(k => KernelRegistry.Name(k) == kernelName), output);
    }

    [Theory]
    [InlineData(typeof(Lap_ccc.Kernel<Dual<Real>, DeviceView<Dual<Real>>>))]
    [InlineData(typeof(Curl_ffc.TransposeKernel<Real32, DeviceView<Real32>>))]
    [InlineData(typeof(DiffusionStepExample<Dual<Real>>.Step<DeviceView<Dual<Real>>>))]
    public void KernelOverDualOrSinglePrecision_CompilesToPtx(Type kernel)
        => Assert.Contains(".target sm_80", PtxCompiler.Compile(kernel, CudaArchitecture.SM_80));

    [Fact]
    public void Compile_KernelThatCannotRunOnCuda_Throws()
        => Assert.ThrowsAny<Exception>(() => PtxCompiler.Compile(typeof(CreateCheckedKernel), CudaArchitecture.SM_80));

    /// <summary>Calls <c>double.CreateChecked</c>, which ILGPU cannot compile (the project's measured ILGPU notes Q2): the check must fail.</summary>
    private readonly struct CreateCheckedKernel(DeviceView<Real> output) : IKernel2D
    {
        public void Execute(int i, int j) => output.At(i, j) = new Real(double.CreateChecked(i));
    }

    [Fact]
    public void Registry_ListsEveryOperatorAndTranspose()
    {
        var names = KernelRegistry.Kernels().Select(KernelRegistry.Name).ToHashSet();
        foreach (var op in Tests.Operators.OperatorCase.All)
        {
            Assert.Contains($"{op.Name}.Kernel<Real, DeviceView<Real>>", names);
            Assert.Contains($"{op.Name}.TransposeKernel<Real, DeviceView<Real>>", names);
        }
        Assert.Contains("HaloFill.XKernel<Real, DeviceView<Real>>", names);
        Assert.Contains("HaloFill.YKernel<Real, DeviceView<Real>>", names);
    }
}
