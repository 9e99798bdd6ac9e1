using System.Runtime.CompilerServices;
using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Grid.Operators;

/// <summary>
/// y-derivative of a v-face (cfc) field onto centres (ccc):
/// <c>∂y v ≈ m_ccc (m_cfc[i,j+1] v[i,j+1] − m_cfc[i,j] v[i,j]) / Δy_ccc[j]</c> (units of v per m).
/// </summary>
/// <remarks>
/// <para>C-grid finite-volume discretisation: Arakawa &amp; Lamb (1977), Methods Comput. Phys. 17:173–265;
/// metric terms on the sphere as in Marshall et al. (1997), J. Geophys. Res. 102:5753–5766.</para>
/// <para>Transpose: <c>v̄[i,j] = m_cfc[i,j] (m_ccc[i,j−1] c̄[i,j−1] / Δy_ccc[j−1] − m_ccc[i,j] c̄[i,j] / Δy_ccc[j])</c>.</para>
/// <para>Halos: the input's halo must be filled (<see cref="HaloFill"/>) before the operator or its
/// transpose is applied; beyond walls and on land the masks close the stencil. The transpose
/// <see cref="Transpose{T, TView}"/> is the exact matrix transpose of <c>A = DiffY_ccc ∘ HaloFill</c>
/// on interior points (checked by the dot-product test <c>⟨A x, y⟩ = ⟨x, Aᵀ y⟩</c> in tests/Grid),
/// written in gather form (no atomics, bitwise reproducible).</para>
/// </remarks>
public static class DiffY_ccc
{
    /// <summary>The operator at ccc point <c>(i, j)</c> of the cfc field <paramref name="v"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Apply<T, TView>(in GridView<T, TView> g, in TView v, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => g.Mask_ccc(i, j) * (g.Mask_cfc(i, j + 1) * v.At(i, j + 1) - g.Mask_cfc(i, j) * v.At(i, j)) * g.InvDy_ccc(j);

    /// <summary>The transpose at cfc point <c>(i, j)</c> of the ccc field <paramref name="c"/> (gather form).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Transpose<T, TView>(in GridView<T, TView> g, in TView c, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => g.Mask_cfc(i, j) * (g.Mask_ccc(i, j - 1) * c.At(i, j - 1) * g.InvDy_ccc(j - 1) - g.Mask_ccc(i, j) * c.At(i, j) * g.InvDy_ccc(j));

    /// <summary>Kernel: <c>output += DiffY_ccc(input)</c> at every interior ccc point.</summary>
    /// <param name="grid">Grid masks and metrics.</param>
    /// <param name="input">The cfc field (halo filled).</param>
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

    /// <summary>Transpose kernel: <c>output += DiffY_cccᵀ(input)</c> at every interior cfc point.</summary>
    /// <param name="grid">Grid masks and metrics.</param>
    /// <param name="input">The ccc adjoint field (halo filled).</param>
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
