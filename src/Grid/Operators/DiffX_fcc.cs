using System.Runtime.CompilerServices;
using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Grid.Operators;

/// <summary>
/// x-derivative of a centre (ccc) field onto u faces (fcc):
/// <c>∂x c ≈ m_fcc (c[i,j] − c[i−1,j]) / Δx_ccc[j]</c> (units of c per m). On the sphere
/// <c>Δx = a cos φ Δλ</c>, so this is <c>(1 / a cos φ) ∂c/∂λ</c>.
/// </summary>
/// <remarks>
/// <para>C-grid finite-volume discretisation: Arakawa &amp; Lamb (1977), Methods Comput. Phys. 17:173–265;
/// metric terms on the sphere as in Marshall et al. (1997), J. Geophys. Res. 102:5753–5766.</para>
/// <para>Transpose: <c>c̄[i,j] = (m_fcc[i,j] ū[i,j] − m_fcc[i+1,j] ū[i+1,j]) / Δx_ccc[j]</c>.</para>
/// <para>Halos: the input's halo must be filled (<see cref="HaloFill"/>) before the operator or its
/// transpose is applied; beyond walls and on land the masks close the stencil. The transpose
/// <see cref="Transpose{T, TView}"/> is the exact matrix transpose of <c>A = DiffX_fcc ∘ HaloFill</c>
/// on interior points (checked by the dot-product test <c>⟨A x, y⟩ = ⟨x, Aᵀ y⟩</c> in tests/Grid),
/// written in gather form (no atomics, bitwise reproducible).</para>
/// </remarks>
public static class DiffX_fcc
{
    /// <summary>The operator at fcc point <c>(i, j)</c> of the ccc field <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Apply<T, TView>(in GridView<T, TView> g, in TView c, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => g.Mask_fcc(i, j) * (c.At(i, j) - c.At(i - 1, j)) * g.InvDx_ccc(j);

    /// <summary>The transpose at ccc point <c>(i, j)</c> of the fcc field <paramref name="u"/> (gather form).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Transpose<T, TView>(in GridView<T, TView> g, in TView u, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => (g.Mask_fcc(i, j) * u.At(i, j) - g.Mask_fcc(i + 1, j) * u.At(i + 1, j)) * g.InvDx_ccc(j);

    /// <summary>Kernel: <c>output += DiffX_fcc(input)</c> at every interior fcc point.</summary>
    /// <param name="grid">Grid masks and metrics.</param>
    /// <param name="input">The ccc field (halo filled).</param>
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

    /// <summary>Transpose kernel: <c>output += DiffX_fccᵀ(input)</c> at every interior ccc point.</summary>
    /// <param name="grid">Grid masks and metrics.</param>
    /// <param name="input">The fcc adjoint field (halo filled).</param>
    /// <param name="output">The ccc adjoint field that accumulates the result.</param>
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
