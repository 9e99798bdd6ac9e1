using System.Runtime.CompilerServices;
using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Grid.Operators;

/// <summary>
/// Four-point average of a v-face (cfc) field onto u faces (fcc), e.g. for the Coriolis term <c>f v</c>
/// in the u equation:
/// <c>v_fcc = m_fcc [i,j] ((m_cfc v)[i−1,j] + (m_cfc v)[i,j] + (m_cfc v)[i−1,j+1] + (m_cfc v)[i,j+1]) / 4</c> (units of v).
/// </summary>
/// <remarks>
/// <para>C-grid finite-volume discretisation: Arakawa &amp; Lamb (1977), Methods Comput. Phys. 17:173–265;
/// metric terms on the sphere as in Marshall et al. (1997), J. Geophys. Res. 102:5753–5766.</para>
/// <para>An arithmetic (not area-weighted) average. Transpose:
/// <c>v̄[i,j] = m_cfc[i,j] ((m_fcc ū)[i,j] + (m_fcc ū)[i+1,j] + (m_fcc ū)[i,j−1] + (m_fcc ū)[i+1,j−1]) / 4</c>.</para>
/// <para>Halos: the input's halo must be filled (<see cref="HaloFill"/>) before the operator or its
/// transpose is applied; beyond walls and on land the masks close the stencil. The transpose
/// <see cref="Transpose{T, TView}"/> is the exact matrix transpose of <c>A = InterpXY_fcc ∘ HaloFill</c>
/// on interior points (checked by the dot-product test <c>⟨A x, y⟩ = ⟨x, Aᵀ y⟩</c> in tests/Grid),
/// written in gather form (no atomics, bitwise reproducible).</para>
/// </remarks>
public static class InterpXY_fcc
{
    /// <summary>The operator at fcc point <c>(i, j)</c> of the cfc field <paramref name="v"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Apply<T, TView>(in GridView<T, TView> g, in TView v, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => T.FromDouble(0.25) * g.Mask_fcc(i, j) * (g.Mask_cfc(i - 1, j) * v.At(i - 1, j) + g.Mask_cfc(i, j) * v.At(i, j)
            + g.Mask_cfc(i - 1, j + 1) * v.At(i - 1, j + 1) + g.Mask_cfc(i, j + 1) * v.At(i, j + 1));

    /// <summary>The transpose at cfc point <c>(i, j)</c> of the fcc field <paramref name="u"/> (gather form).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Transpose<T, TView>(in GridView<T, TView> g, in TView u, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => T.FromDouble(0.25) * g.Mask_cfc(i, j) * (g.Mask_fcc(i, j) * u.At(i, j) + g.Mask_fcc(i + 1, j) * u.At(i + 1, j)
            + g.Mask_fcc(i, j - 1) * u.At(i, j - 1) + g.Mask_fcc(i + 1, j - 1) * u.At(i + 1, j - 1));

    /// <summary>Kernel: <c>output += InterpXY_fcc(input)</c> at every interior fcc point.</summary>
    /// <param name="grid">Grid masks and metrics.</param>
    /// <param name="input">The cfc field (halo filled).</param>
    /// <param name="output">The fcc field that accumulates the result.</param>
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

    /// <summary>Transpose kernel: <c>output += InterpXY_fccᵀ(input)</c> at every interior cfc point.</summary>
    /// <param name="grid">Grid masks and metrics.</param>
    /// <param name="input">The fcc adjoint field (halo filled).</param>
    /// <param name="output">The cfc adjoint field that accumulates the result.</param>
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
