using System.Runtime.CompilerServices;
using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Grid.Operators;

/// <summary>
/// Two-point average of a centre (ccc) field onto v faces (cfc):
/// <c>c_cfc = m_cfc (c[i,j−1] + c[i,j]) / 2</c> (units of c).
/// </summary>
/// <remarks>
/// <para>C-grid finite-volume discretisation: Arakawa &amp; Lamb (1977), Methods Comput. Phys. 17:173–265;
/// metric terms on the sphere as in Marshall et al. (1997), J. Geophys. Res. 102:5753–5766.</para>
/// <para>Transpose: <c>c̄[i,j] = (m_cfc[i,j] v̄[i,j] + m_cfc[i,j+1] v̄[i,j+1]) / 2</c>.</para>
/// <para>Halos: the input's halo must be filled (<see cref="HaloFill"/>) before the operator or its
/// transpose is applied; beyond walls and on land the masks close the stencil. The transpose
/// <see cref="Transpose{T, TView}"/> is the exact matrix transpose of <c>A = InterpY_cfc ∘ HaloFill</c>
/// on interior points (checked by the dot-product test <c>⟨A x, y⟩ = ⟨x, Aᵀ y⟩</c> in tests/Grid),
/// written in gather form (no atomics, bitwise reproducible).</para>
/// </remarks>
public static class InterpY_cfc
{
    /// <summary>The operator at cfc point <c>(i, j)</c> of the ccc field <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Apply<T, TView>(in GridView<T, TView> g, in TView c, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => T.FromDouble(0.5) * g.Mask_cfc(i, j) * (c.At(i, j - 1) + c.At(i, j));

    /// <summary>The transpose at ccc point <c>(i, j)</c> of the cfc field <paramref name="v"/> (gather form).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Transpose<T, TView>(in GridView<T, TView> g, in TView v, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => T.FromDouble(0.5) * (g.Mask_cfc(i, j) * v.At(i, j) + g.Mask_cfc(i, j + 1) * v.At(i, j + 1));

    /// <summary>Kernel: <c>output += InterpY_cfc(input)</c> at every interior cfc point.</summary>
    /// <param name="grid">Grid masks and metrics.</param>
    /// <param name="input">The ccc field (halo filled).</param>
    /// <param name="output">The cfc field that accumulates the result.</param>
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

    /// <summary>Transpose kernel: <c>output += InterpY_cfcᵀ(input)</c> at every interior ccc point.</summary>
    /// <param name="grid">Grid masks and metrics.</param>
    /// <param name="input">The cfc adjoint field (halo filled).</param>
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
