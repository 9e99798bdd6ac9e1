using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Grids;
using ClimateAD.Grid.Numerics;
using ClimateAD.Physics.ShallowWater;
using ILGPU.Runtime.Cuda;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Physics.Tests.ShallowWater;

public class ShallowWaterDeviceTests(ITestOutputHelper output)
{
    private static IReadOnlyList<Type> ShallowWaterKernels() =>
        [.. KernelRegistry.Kernels(typeof(ShallowWaterStep).Assembly).Where(k => k.Namespace == typeof(ShallowWaterStep).Namespace)];

    public static TheoryData<string> KernelNames()
    {
        var data = new TheoryData<string>();
        foreach (var k in ShallowWaterKernels()) data.Add(KernelRegistry.Name(k));
        return data;
    }

    [Theory]
    [MemberData(nameof(KernelNames))]
    public void ShallowWaterKernel_CompilesToPtx_ForSm80AndSm90(string kernelName)
    {
        var kernel = ShallowWaterKernels().Single(k => KernelRegistry.Name(k) == kernelName);
        foreach (var arch in new[] { CudaArchitecture.SM_80, CudaArchitecture.SM_90 })
        {
            string ptx = PtxCompiler.Compile(kernel, arch);
            Assert.Contains(".entry", ptx);
            output.WriteLine($"{kernelName} {arch}: {ptx.Length} characters of PTX");
        }
    }

    [Fact]
    public void Registry_ListsEveryTermKernelAndItsAdjoint()
    {
        var names = ShallowWaterKernels().Select(KernelRegistry.Name).ToHashSet();
        foreach (var term in new[] { "PotentialVorticityFlux", "BernoulliGradient", "LinearDrag", "QuadraticDrag", "WindStress", "HeightRelaxation" })
            Assert.Contains($"{term}.Kernel<Real, DeviceView<Real>>", names);
        foreach (var adjoint in new[] { "PotentialVorticityFlux.AdjointKernel", "BernoulliGradient.AdjointKernel", "LinearDrag.AdjointKernel",
                     "QuadraticDrag.AdjointGatherKernel", "WindStress.AdjointKernel", "HeightRelaxation.AdjointKernel", "ShallowWaterCore.ContinuityAdjointKernel",
                     "VectorLaplacian.DivCurlTransposeKernel" })
            Assert.Contains($"{adjoint}<Real, DeviceView<Real>>", names);
    }

    [Fact]
    public void TangentKernelOverDual_CompilesToPtx()
        => Assert.Contains(".target sm_80", PtxCompiler.Compile(typeof(PotentialVorticityFlux.Kernel<Dual<Real>, DeviceView<Dual<Real>>>), CudaArchitecture.SM_80));

    [Fact]
    public void IlgpuCpuAccelerator_TwoStepsAllTermsWithAdjoint_MatchCpuBackendBitwise()
    {
        var config = ShallowWaterGradientChecks.CheckConfiguration(
            ShallowWaterGradientChecks.CheckGrid(6, 5, Topology.Periodic, Topology.Bounded), allTerms: true);
        double[] x = ShallowWaterGradientChecks.CheckState(config), theta = config.DefaultParameters();
        var rng = new Random(1);
        double[] lambdaNext = [.. x.Select(_ => rng.NextDouble() - 0.5)];
        (double[] Next, double[] Lambda, double[] ThetaBar) Run(ComputeDevice device)
        {
            using var step = new ShallowWaterStep(config, device);
            double[] next = new double[x.Length], lambda = new double[x.Length], thetaBar = new double[theta.Length];
            step.Forward(0, x, theta, next);
            step.Adjoint(0, x, theta, lambdaNext, lambda, thetaBar);
            return (next, lambda, thetaBar);
        }
        using var cpu = new CpuDevice();
        using var ilgpu = IlgpuDevice.CreateCpuAccelerator();
        var a = Run(cpu);
        var b = Run(ilgpu);
        Assert.Equal(a.Next.Select(BitConverter.DoubleToInt64Bits), b.Next.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(a.Lambda.Select(BitConverter.DoubleToInt64Bits), b.Lambda.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(a.ThetaBar.Select(BitConverter.DoubleToInt64Bits), b.ThetaBar.Select(BitConverter.DoubleToInt64Bits));
        Assert.Contains(a.Lambda, l => l != 0);
    }
}
