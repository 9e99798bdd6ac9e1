namespace ClimateAD.Grid.Execution;

/// <summary>
/// A kernel: a small struct that holds views of its fields and parameters and computes one grid
/// point. The same struct runs on every backend: <see cref="CpuDevice"/> calls
/// <see cref="Execute"/> from a <c>Parallel.For</c> over rows on raw-pointer views, and
/// <see cref="IlgpuDevice"/> launches <see cref="IlgpuEntryPoints.Launch{TKernel}"/> with the struct
/// as its argument on ILGPU views (DESIGN.md §2).
/// </summary>
/// <remarks>
/// Rules for implementations (ILGPU compiles them to PTX): no classes, delegates, LINQ, exceptions
/// or allocation; no <c>T.CreateChecked</c> (use <c>IScalar&lt;T&gt;.FromDouble</c>); read inputs,
/// accumulate into outputs; each point independent of the others (no races, no atomics).
/// Every view in one kernel must come from fields of the same grid on the launching device (views
/// carry no bounds: a field of another grid would be read out of bounds).
/// </remarks>
public interface IKernel2D
{
    /// <summary>Computes interior point <c>(i, j)</c>, <c>0 ≤ i &lt; nx</c>, <c>0 ≤ j &lt; ny</c> of the launch.</summary>
    void Execute(int i, int j);
}
