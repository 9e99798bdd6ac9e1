using System.Runtime.CompilerServices;
using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Grid.Operators;

/// <summary>
/// Two-point average of a u-face (fcc) field onto centres (ccc):
/// <c>u_ccc = m_ccc (m_fcc[i,j] u[i,j] + m_fcc[i+1,j] u[i+1,j]) / 2</c> (units of u).
/// </summary>
/// <remarks>
/// <para>C-grid finite-volume discretisation: Arakawa &amp; Lamb (1977), Methods Comput. Phys. 17:173–265;
/// metric terms on the sphere as in Marshall et al. (1997), J. Geophys. Res. 102:5753–5766.</para>
/// <para>Transpose: <c>ū[i,j] = m_fcc[i,j] (m_ccc[i−1,j] c̄[i−1,j] + m_ccc[i,j] c̄[i,j]) / 2</c>.</para>
/// <para>Halos: the input's halo must be filled (<see cref="HaloFill"/>) before the operator or its
/// transpose is applied; beyond walls and on land the masks close the stencil. The transpose
/// <see cref="Transpose{T, TView}"/> is the exact matrix transpose of <c>A = InterpX_ccc ∘ HaloFill</c>
/// on interior points (checked by the dot-product test <c>⟨A x, y⟩ = ⟨x, Aᵀ y⟩</c> in tests/Grid),
/// written in gather form (no atomics, bitwise reproducible).</para>
/// </remarks>
public static class InterpX_ccc
{
    /// <summary>The operator at ccc point <c>(i, j)</c> of the fcc field <paramref name="u"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Apply<T, TView>(in GridView<T, TView> g, in TView u, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => T.FromDouble(0.5) * g.Mask_ccc(i, j) * (g.Mask_fcc(i, j) * u.At(i, j) + g.Mask_fcc(i + 1, j) * u.At(i + 1, j));

    /// <summary>The transpose at fcc point <c>(i, j)</c> of the ccc field <paramref name="c"/> (gather form).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Transpose<T, TView>(in GridView<T, TView> g, in TView c, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => T.FromDouble(0.5) * g.Mask_fcc(i, j) * (g.Mask_ccc(i - 1, j) * c.At(i - 1, j) + g.Mask_ccc(i, j) * c.At(i, j));

    /// <summary>Kernel: <c>output += InterpX_ccc(input)</c> at every interior ccc point.</summary>
    /// <param name="grid">Grid masks and metrics.</param>
    /// <param name="input">The fcc field (halo filled).</param>
    /// <param name="output">The ccc field that accumulates the result.</param>
    public readonly struct Kernel<T, TView>(GridView<T, TView> grid, TView input, TView output) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            ref T o = ref output.At(i, j);
            o += Apply(grid, input, i, j);
        }
    }

    /// <summary>Transpose kernel: <c>output += InterpX_cccᵀ(input)</c> at every interior fcc point.</summary>
    /// <param name="grid">Grid masks and metrics.</param>
    /// <param name="input">The ccc adjoint field (halo filled).</param>
    /// <param name="output">The fcc adjoint field that accumulates the result.</param>
    public readonly struct TransposeKernel<T, TView>(GridView<T, TView> grid, TView input, TView output) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            ref T o = ref output.At(i, j);
            o += Transpose(grid, input, i, j);
        }
    }
}
