using ILGPU;

namespace ClimateAD.Grid.Execution;

/// <summary>
/// The one ILGPU entry point every kernel goes through: a generic implicitly grouped kernel that
/// calls <see cref="IKernel2D.Execute"/> at its 2-D index (the struct-generic pattern of ILGPU's
/// own algorithms; see the project's measured ILGPU notes).
/// </summary>
public static class IlgpuEntryPoints
{
    /// <summary>Runs <paramref name="kernel"/> at <c>(i, j) = (index.X, index.Y)</c>.</summary>
    /// <typeparam name="TKernel">The kernel struct, closed over its scalar and device view types.</typeparam>
    /// <param name="index">Launch index; X runs along rows (coalesced), Y across them.</param>
    /// <param name="kernel">The kernel, passed by value.</param>
    public static void Launch<TKernel>(Index2D index, TKernel kernel) where TKernel : struct, IKernel2D
        => kernel.Execute(index.X, index.Y);
}
