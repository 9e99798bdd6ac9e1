using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace ClimateAD.Grid.Execution;

/// <summary>
/// Compiles a kernel to PTX offline, with no GPU or driver: the CI check of DESIGN.md §2 that every
/// registered kernel (<see cref="KernelRegistry"/>) would run on CUDA. Each call uses a fresh ILGPU
/// <see cref="Context"/> (with <c>EnableAlgorithms()</c>), because one internal compiler error
/// poisons a context (the project's measured ILGPU notes, Q2 and Q4).
/// </summary>
public static class PtxCompiler
{
    /// <summary>The PTX assembly of <see cref="IlgpuEntryPoints.Launch{TKernel}"/> closed over <paramref name="kernel"/>.</summary>
    /// <param name="kernel">A closed kernel type (struct implementing <see cref="IKernel2D"/>).</param>
    /// <param name="architecture">Target, e.g. <see cref="CudaArchitecture.SM_80"/>. ILGPU emits the lowest
    /// architecture the kernel needs, capped at this one.</param>
    /// <exception cref="ArgumentException"><paramref name="kernel"/> is not a closed <see cref="IKernel2D"/> struct.</exception>
    /// <exception cref="Exception">Whatever ILGPU throws when the kernel cannot be compiled (e.g. <c>InternalCompilerException</c>).</exception>
    public static string Compile(Type kernel, CudaArchitecture architecture)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        if (!kernel.IsValueType || kernel.ContainsGenericParameters || !typeof(IKernel2D).IsAssignableFrom(kernel))
            throw new ArgumentException($"{kernel} is not a closed struct implementing IKernel2D.", nameof(kernel));
        using var context = Context.Create(b => b.EnableAlgorithms().Optimize(OptimizationLevel.O1));
        using var backend = new PTXBackend(context, architecture, CudaInstructionSet.ISA_80, nvvmAPI: null!);
        var entry = EntryPointDescription.FromImplicitlyGroupedKernel(KernelRegistry.EntryPoint(kernel));
        return ((PTXCompiledKernel)backend.Compile(entry, KernelSpecialization.Empty)).PTXAssembly;
    }
}
