using System.Runtime.CompilerServices;
using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Grid.Operators;

/// <summary>
/// Divergence of a C-grid vector (u at fcc, v at cfc) at cell centres, in flux form:
/// <c>∇·u ≈ m_ccc / A_ccc[j] · (Δy_ccc[j] (m_fcc u)[i+1,j] − Δy_ccc[j] (m_fcc u)[i,j] + Δx_cfc[j+1] (m_cfc v)[i,j+1] − Δx_cfc[j] (m_cfc v)[i,j])</c>
/// (units of u per m). On the sphere this is <c>(1 / a cos φ)(∂u/∂λ + ∂(v cos φ)/∂φ)</c>; the
/// area-weighted sum over a closed or periodic domain vanishes (discrete divergence theorem).
/// </summary>
/// <remarks>
/// <para>C-grid finite-volume discretisation: Arakawa &amp; Lamb (1977), Methods Comput. Phys. 17:173–265;
/// metric terms on the sphere as in Marshall et al. (1997), J. Geophys. Res. 102:5753–5766.</para>
/// <para>Transpose: <c>ū[i,j] = m_fcc Δy_ccc[j] (m_ccc c̄)[i−1,j] / A_ccc[j] − m_fcc Δy_ccc[j] (m_ccc c̄)[i,j] / A_ccc[j]</c>,
/// <c>v̄[i,j] = m_cfc Δx_cfc[j] ((m_ccc c̄)[i,j−1] / A_ccc[j−1] − (m_ccc c̄)[i,j] / A_ccc[j])</c>: minus the
/// (area-weighted) gradient.</para>
/// <para>Halos: the inputs' halos must be filled (<see cref="HaloFill"/>) before the operator or its
/// transpose is applied; beyond walls and on land the masks close the stencil. The transposes
/// <see cref="TransposeU{T, TView}"/> and <see cref="TransposeV{T, TView}"/> are the exact matrix
/// transpose of <c>A = Div_ccc ∘ HaloFill</c> on interior points (dot-product test in tests/Grid),
/// in gather form (no atomics, bitwise reproducible).</para>
/// </remarks>
public static class Div_ccc
{
    /// <summary>The operator at ccc point <c>(i, j)</c> of the fcc field <paramref name="u"/> and the cfc field <paramref name="v"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Apply<T, TView>(in GridView<T, TView> g, in TView u, in TView v, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => g.Mask_ccc(i, j) * g.InvArea_ccc(j) * (g.Dy_ccc(j) * (g.Mask_fcc(i + 1, j) * u.At(i + 1, j) - g.Mask_fcc(i, j) * u.At(i, j))
            + g.Dx_cfc(j + 1) * g.Mask_cfc(i, j + 1) * v.At(i, j + 1) - g.Dx_cfc(j) * g.Mask_cfc(i, j) * v.At(i, j));

    /// <summary>The u part of the transpose at fcc point <c>(i, j)</c> of the ccc field <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TransposeU<T, TView>(in GridView<T, TView> g, in TView c, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => g.Mask_fcc(i, j) * g.Dy_ccc(j) * (g.Mask_ccc(i - 1, j) * c.At(i - 1, j) - g.Mask_ccc(i, j) * c.At(i, j)) * g.InvArea_ccc(j);

    /// <summary>The v part of the transpose at cfc point <c>(i, j)</c> of the ccc field <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TransposeV<T, TView>(in GridView<T, TView> g, in TView c, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => g.Mask_cfc(i, j) * g.Dx_cfc(j) * (g.Mask_ccc(i, j - 1) * c.At(i, j - 1) * g.InvArea_ccc(j - 1) - g.Mask_ccc(i, j) * c.At(i, j) * g.InvArea_ccc(j));

    /// <summary>Kernel: <c>output += Div_ccc(u, v)</c> at every interior ccc point.</summary>
    /// <param name="grid">Grid masks and metrics.</param>
    /// <param name="u">The fcc field (halo filled).</param>
    /// <param name="v">The cfc field (halo filled).</param>
    /// <param name="output">The ccc field that accumulates the result.</param>
    public readonly struct Kernel<T, TView>(GridView<T, TView> grid, TView u, TView v, TView output) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            ref T o = ref output.At(i, j);
            o += Apply(grid, u, v, i, j);
        }
    }

    /// <summary>Transpose kernel: <c>(uBar, vBar) += Div_cccᵀ(input)</c> at every interior point.</summary>
    /// <param name="grid">Grid masks and metrics.</param>
    /// <param name="input">The ccc adjoint field (halo filled).</param>
    /// <param name="uBar">The fcc adjoint field that accumulates the u part.</param>
    /// <param name="vBar">The cfc adjoint field that accumulates the v part.</param>
    public readonly struct TransposeKernel<T, TView>(GridView<T, TView> grid, TView input, TView uBar, TView vBar) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            ref T ou = ref uBar.At(i, j);
            ou += TransposeU(grid, input, i, j);
            ref T ov = ref vBar.At(i, j);
            ov += TransposeV(grid, input, i, j);
        }
    }
}
