using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Hybrid.Kernels;

/// <summary>
/// Per-point input VJP <c>x̄(i, j) += N_x(x(i, j))ᵀ ȳ(i, j)</c> (<see cref="PointNetwork.Adjoint"/>), one thread
/// per point; each thread writes only its own point, so there are no races.
/// </summary>
public readonly struct NetworkInputAdjointKernel<TView>(TView descriptor, TView weights, TView inputs, TView outputsBar,
    TView inputsBar, int rows) : IKernel2D
    where TView : struct, IFieldView<Real, TView>
{
    /// <inheritdoc/>
    public void Execute(int i, int j)
    {
        var s = new PointScratch();
        PointNetwork.Adjoint(ref s, descriptor, weights, inputs, outputsBar, true, inputsBar, false, inputsBar, 0, i, j, rows);
    }
}
