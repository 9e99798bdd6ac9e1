using ClimateAD.Adjoint;
using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Grids;

namespace ClimateAD.Grid.Tests.Operators;

/// <summary>
/// A staggered operator <c>A</c> seen by the gradient harness as a linear step on the state
/// <c>(x_in, x_out)</c>: <c>(x_in, x_out) ↦ (0, A x_in)</c>. Its tangent is itself and its adjoint
/// accumulates <c>λ_in += Aᵀ λ_out</c>, so the harness's dot-product test checks the hand-written transpose.
/// </summary>
public sealed class LinearOperatorStep(OperatorCase op, Grid2D grid) : IDifferentiableStep
{
    private readonly int _n = grid.Nx * grid.Ny;

    public int StateLength => _n * (op.Inputs.Length + op.Outputs.Length);

    public int ParameterLength => 0;

    public void Forward(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, Span<double> xNext) => Apply(x, xNext);

    public void Tangent(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, ReadOnlySpan<double> dx, ReadOnlySpan<double> dTheta, Span<double> dxNext)
        => Apply(dx, dxNext);

    public void Adjoint(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, ReadOnlySpan<double> lambdaNext, Span<double> lambda, Span<double> thetaBar)
    {
        int nin = op.Inputs.Length;
        var y = Split(lambdaNext, nin, op.Outputs.Length);
        using var device = new CpuDevice(1);
        var aty = OperatorHarness.Apply(device, grid, op, y, transpose: true);
        for (int k = 0; k < nin; k++)
            for (int m = 0; m < _n; m++)
                lambda[k * _n + m] += aty[k][m];
    }

    private void Apply(ReadOnlySpan<double> x, Span<double> xNext)
    {
        int nin = op.Inputs.Length;
        var inputs = Split(x, 0, nin);
        using var device = new CpuDevice(1);
        var ax = OperatorHarness.Apply(device, grid, op, inputs);
        xNext[..(nin * _n)].Clear();
        for (int k = 0; k < ax.Length; k++)
            ax[k].CopyTo(xNext.Slice((nin + k) * _n, _n));
    }

    private double[][] Split(ReadOnlySpan<double> v, int first, int count)
    {
        var parts = new double[count][];
        for (int k = 0; k < count; k++) parts[k] = v.Slice((first + k) * _n, _n).ToArray();
        return parts;
    }
}
