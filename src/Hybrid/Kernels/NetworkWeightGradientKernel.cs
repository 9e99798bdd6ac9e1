using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Hybrid.Kernels;

/// <summary>
/// Per-row partial of the weight VJP (and, when <paramref name="withInputs"/>, the per-point input VJP
/// <c>x̄(i, j) += N_xᵀ ȳ(i, j)</c> of the same pass, saving a second forward/backward sweep): thread <c>(0, j)</c> sets row <c>j</c> of
/// <paramref name="partials"/> to <c>Σ_{i=0}^{nx−1} N_w(x(i, j))ᵀ ȳ(i, j)</c>, summing points in
/// increasing <c>i</c>; threads with <c>i &gt; 0</c> do nothing. The host then adds the rows in
/// increasing <c>j</c> (<see cref="GridNetwork.Adjoint"/>), so <c>w̄</c> is bitwise independent of thread
/// count and scheduling and no floating-point atomics are used (DESIGN.md §3).
/// </summary>
/// <remarks>
/// Launched over the whole <c>nx × ny</c> grid (not <c>1 × ny</c>) so that the CPU backend, which runs
/// small launches serially, parallelises over rows. Parallelism is <c>ny</c> threads; partials take
/// <c>ny·P</c> doubles.
/// </remarks>
/// <param name="descriptor">The <see cref="NetworkDescriptor"/> at <c>(k, 0)</c>.</param>
/// <param name="weights">Flat weights at <c>(k, 0)</c>.</param>
/// <param name="inputs">Stacked inputs, feature <c>f</c> at <c>(i, j + f·rows)</c>.</param>
/// <param name="outputsBar">Stacked output cotangents <c>ȳ</c>.</param>
/// <param name="partials">Row <c>j</c>'s partial gradient at <c>(k, j)</c>, <c>k &lt; P</c> (overwritten).</param>
/// <param name="withInputs">1: also accumulate <c>x̄</c> into <paramref name="inputsBar"/>; 0: not. An <c>int</c>, because ILGPU
/// compiles a <c>bool</c> kernel field to PTX but refuses it at launch ("Not supported kernel-parameter type").</param>
/// <param name="inputsBar">Stacked input cotangents (accumulated; ignored unless <paramref name="withInputs"/>).</param>
/// <param name="parameterCount"><c>P</c>, the number of weights.</param>
/// <param name="nx">Points per row.</param>
/// <param name="rows">Rows per stacked feature (the launch's <c>ny</c>).</param>
public readonly struct NetworkWeightGradientKernel<TView>(TView descriptor, TView weights, TView inputs, TView outputsBar,
    TView partials, int withInputs, TView inputsBar, int parameterCount, int nx, int rows) : IKernel2D
    where TView : struct, IFieldView<Real, TView>
{
    /// <inheritdoc/>
    public void Execute(int i, int j)
    {
        if (i != 0) return;
        for (int k = 0; k < parameterCount; k++) partials.At(k, j) = new Real(0.0);
        var s = new PointScratch();
        for (int p = 0; p < nx; p++)
            PointNetwork.Adjoint(ref s, descriptor, weights, inputs, outputsBar, withInputs != 0, inputsBar, true, partials, j, p, j, rows);
    }
}
