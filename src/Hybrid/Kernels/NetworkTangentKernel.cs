using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Hybrid.Kernels;

/// <summary>
/// Per-point network tangent: <c>y = N(x; w)</c> and <c>δy = N_x δx + N_w δw</c> at each point
/// (<see cref="PointNetwork.Tangent"/>), one thread per point. Views as in <see cref="NetworkForwardKernel{TView}"/>;
/// <paramref name="dWeights"/> is the weight direction <c>δw</c>, <paramref name="dInputs"/> the stacked <c>δx</c>.
/// </summary>
public readonly struct NetworkTangentKernel<TView>(TView descriptor, TView weights, TView dWeights, TView inputs, TView dInputs,
    TView outputs, TView dOutputs, int rows) : IKernel2D
    where TView : struct, IFieldView<Real, TView>
{
    /// <inheritdoc/>
    public void Execute(int i, int j)
    {
        var s = new PointScratch();
        PointNetwork.Tangent(ref s, descriptor, weights, dWeights, inputs, dInputs, outputs, dOutputs, i, j, rows);
    }
}
