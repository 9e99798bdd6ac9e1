using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Hybrid.Kernels;

/// <summary>Per-point network forward <c>y(i, j) = N(x(i, j); w)</c> (<see cref="PointNetwork.Forward"/>), one thread per point.</summary>
/// <param name="descriptor">The <see cref="NetworkDescriptor"/> at <c>(k, 0)</c>.</param>
/// <param name="weights">Flat weights at <c>(k, 0)</c>.</param>
/// <param name="inputs">Stacked inputs, feature <c>f</c> at <c>(i, j + f·rows)</c>.</param>
/// <param name="outputs">Stacked outputs (overwritten).</param>
/// <param name="rows">Rows per stacked feature (the launch's <c>ny</c>).</param>
public readonly struct NetworkForwardKernel<TView>(TView descriptor, TView weights, TView inputs, TView outputs, int rows) : IKernel2D
    where TView : struct, IFieldView<Real, TView>
{
    /// <inheritdoc/>
    public void Execute(int i, int j)
    {
        var s = new PointScratch();
        PointNetwork.Forward(ref s, descriptor, weights, inputs, outputs, i, j, rows);
    }
}
