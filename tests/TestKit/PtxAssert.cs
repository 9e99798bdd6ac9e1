using ClimateAD.Grid.Execution;
using ILGPU.Runtime.Cuda;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.TestKit;

/// <summary>
/// The PTX check every assembly with kernels runs on its registered kernels (DESIGN.md §2): the
/// kernel compiles with ILGPU's PTX backend for sm_80 (A100) and sm_90 (H100), no GPU needed, so CI
/// proves it is CUDA-compilable.
/// </summary>
public static class PtxAssert
{
    /// <summary>Fails with the compiler's message unless <paramref name="kernel"/> compiles to PTX for sm_80 and sm_90.</summary>
    public static void CompilesForSm80AndSm90(Type kernel, ITestOutputHelper? output = null)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        string name = KernelRegistry.Name(kernel);
        foreach (var arch in new[] { CudaArchitecture.SM_80, CudaArchitecture.SM_90 })
        {
            string ptx;
            try
            {
                ptx = PtxCompiler.Compile(kernel, arch); // fresh Context per compile
            }
            catch (Exception e)
            {
                Assert.Fail($"Kernel {name} does not compile to PTX for {arch}: {e.GetType().Name}: {e.Message}");
                return;
            }
            Assert.Contains(".entry", ptx);
            output?.WriteLine($"{name} {arch}: {ptx.Length} characters of PTX");
        }
    }
}
