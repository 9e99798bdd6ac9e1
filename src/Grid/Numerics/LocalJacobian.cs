using System.Runtime.InteropServices;

namespace ClimateAD.Grid.Numerics;

/// <summary>
/// Tangent, Jacobian and adjoint of an <see cref="IPointwiseFunction"/> from one generic body:
/// the tangent <c>δy = J δx</c> by one <see cref="Dual{T}"/> pass, the Jacobian
/// <c>J_ij = ∂f_i/∂x_j</c> by one <see cref="MultiDual{T}"/> pass with every input seeded, and the
/// adjoint <c>x̄ += Jᵀ ȳ</c> from that Jacobian. This is how point-wise terms derive their adjoint
/// instead of writing it by hand (DESIGN.md §3); the result is exact to round-off, not a finite
/// difference.
/// </summary>
public static class LocalJacobian
{
    /// <summary>Writes <c>y = f(x)</c> in double precision.</summary>
    public static void Evaluate<TF>(in TF f, ReadOnlySpan<double> x, Span<double> y) where TF : IPointwiseFunction
    {
        Check(f, x.Length, y.Length);
        f.Evaluate(MemoryMarshal.Cast<double, Real>(x), MemoryMarshal.Cast<double, Real>(y));
    }

    /// <summary>Writes <c>y = f(x)</c> and the tangent <c>δy = J(x) δx</c> (one dual-number pass).</summary>
    public static void Tangent<TF>(in TF f, ReadOnlySpan<double> x, ReadOnlySpan<double> dx,
        Span<double> y, Span<double> dy) where TF : IPointwiseFunction
    {
        Check(f, x.Length, y.Length);
        if (dx.Length != x.Length || dy.Length != y.Length)
            throw new ArgumentException("tangent lengths must match the input and output lengths");
        Span<Dual<Real>> input = stackalloc Dual<Real>[x.Length];
        Span<Dual<Real>> output = stackalloc Dual<Real>[y.Length];
        for (int j = 0; j < x.Length; j++) input[j] = new Dual<Real>(x[j], dx[j]);
        f.Evaluate<Dual<Real>>(input, output);
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = output[i].V;
            dy[i] = output[i].D;
        }
    }

    /// <summary>
    /// Writes <c>y = f(x)</c> and the Jacobian <c>J</c>, row-major (<c>jacobian[i·n + j] = ∂y_i/∂x_j</c>,
    /// <c>n</c> = input count), in one multi-seed pass.
    /// </summary>
    public static void Jacobian<TF>(in TF f, ReadOnlySpan<double> x, Span<double> y, Span<double> jacobian)
        where TF : IPointwiseFunction
    {
        Check(f, x.Length, y.Length);
        int n = x.Length, m = y.Length;
        if (n > MultiDual<Real>.MaxSeeds)
            throw new ArgumentException($"a point-wise function with {n} inputs exceeds the {MultiDual<Real>.MaxSeeds} seeds of MultiDual");
        if (jacobian.Length != n * m) throw new ArgumentException($"jacobian needs {n * m} entries, got {jacobian.Length}");
        Span<MultiDual<Real>> input = stackalloc MultiDual<Real>[n];
        Span<MultiDual<Real>> output = stackalloc MultiDual<Real>[m];
        for (int j = 0; j < n; j++) input[j] = MultiDual<Real>.Seeded(x[j], j);
        f.Evaluate<MultiDual<Real>>(input, output);
        for (int i = 0; i < m; i++)
        {
            y[i] = output[i].V;
            for (int j = 0; j < n; j++) jacobian[i * n + j] = output[i].D[j];
        }
    }

    /// <summary>Accumulates the adjoint <c>x̄ += J(x)ᵀ ȳ</c> (Jacobian from one multi-seed pass).</summary>
    public static void Adjoint<TF>(in TF f, ReadOnlySpan<double> x, ReadOnlySpan<double> yBar, Span<double> xBar)
        where TF : IPointwiseFunction
    {
        int n = x.Length, m = yBar.Length;
        if (xBar.Length != n) throw new ArgumentException("x̄ must have the input length");
        Span<double> y = stackalloc double[m];
        Span<double> jacobian = stackalloc double[n * m];
        Jacobian(f, x, y, jacobian);
        for (int i = 0; i < m; i++)
        {
            double b = yBar[i];
            for (int j = 0; j < n; j++) xBar[j] += jacobian[i * n + j] * b;
        }
    }

    private static void Check<TF>(in TF f, int inputs, int outputs) where TF : IPointwiseFunction
    {
        if (inputs != f.InputCount || outputs != f.OutputCount)
            throw new ArgumentException(
                $"{typeof(TF).Name} maps {f.InputCount} inputs to {f.OutputCount} outputs; got {inputs} and {outputs}");
    }
}
