using System.Runtime.CompilerServices;
using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Grid.Operators;

/// <summary>
/// Vertical component of the curl (relative vorticity) of a C-grid vector at cell corners (ffc), as
/// circulation over area (Stokes):
/// <c>ζ ≈ m_ffc / A_ffc[j] · (Δy_cfc[j] ((m_cfc v)[i,j] − (m_cfc v)[i−1,j]) − Δx_ccc[j] (m_fcc u)[i,j] + Δx_ccc[j−1] (m_fcc u)[i,j−1])</c>
/// (s⁻¹ for velocities in m s⁻¹). On the sphere this is <c>(1 / a cos φ)(∂v/∂λ − ∂(u cos φ)/∂φ)</c>.
/// Corners next to land or walls are closed (free-slip: ζ = 0 there).
/// </summary>
/// <remarks>
/// <para>C-grid finite-volume discretisation: Arakawa &amp; Lamb (1977), Methods Comput. Phys. 17:173–265;
/// metric terms on the sphere as in Marshall et al. (1997), J. Geophys. Res. 102:5753–5766.</para>
/// <para>Transpose: <c>ū[i,j] = m_fcc Δx_ccc[j] ((m_ffc ζ̄)[i,j+1] / A_ffc[j+1] − (m_ffc ζ̄)[i,j] / A_ffc[j])</c>,
/// <c>v̄[i,j] = m_cfc Δy_cfc[j] ((m_ffc ζ̄)[i,j] − (m_ffc ζ̄)[i+1,j]) / A_ffc[j]</c>.</para>
/// <para>Halos: the inputs' halos must be filled (<see cref="HaloFill"/>) before the operator or its
/// transpose is applied; beyond walls and on land the masks close the stencil. The transposes
/// <see cref="TransposeU{T, TView}"/> and <see cref="TransposeV{T, TView}"/> are the exact matrix
/// transpose of <c>A = Curl_ffc ∘ HaloFill</c> on interior points (dot-product test in tests/Grid),
/// in gather form (no atomics, bitwise reproducible).</para>
/// </remarks>
public static class Curl_ffc
{
    /// <summary>The operator at ffc point <c>(i, j)</c> of the fcc field <paramref name="u"/> and the cfc field <paramref name="v"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Apply<T, TView>(in GridView<T, TView> g, in TView u, in TView v, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => g.Mask_ffc(i, j) * g.InvArea_ffc(j) * (g.Dy_cfc(j) * (g.Mask_cfc(i, j) * v.At(i, j) - g.Mask_cfc(i - 1, j) * v.At(i - 1, j))
            - g.Dx_ccc(j) * g.Mask_fcc(i, j) * u.At(i, j) + g.Dx_ccc(j - 1) * g.Mask_fcc(i, j - 1) * u.At(i, j - 1));

    /// <summary>The u part of the transpose at fcc point <c>(i, j)</c> of the ffc field <paramref name="z"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TransposeU<T, TView>(in GridView<T, TView> g, in TView z, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => g.Mask_fcc(i, j) * g.Dx_ccc(j) * (g.Mask_ffc(i, j + 1) * z.At(i, j + 1) * g.InvArea_ffc(j + 1) - g.Mask_ffc(i, j) * z.At(i, j) * g.InvArea_ffc(j));

    /// <summary>The v part of the transpose at cfc point <c>(i, j)</c> of the ffc field <paramref name="z"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TransposeV<T, TView>(in GridView<T, TView> g, in TView z, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => g.Mask_cfc(i, j) * g.Dy_cfc(j) * (g.Mask_ffc(i, j) * z.At(i, j) - g.Mask_ffc(i + 1, j) * z.At(i + 1, j)) * g.InvArea_ffc(j);

    /// <summary>Kernel: <c>output += Curl_ffc(u, v)</c> at every interior ffc point.</summary>
    /// <param name="grid">Grid masks and metrics.</param>
    /// <param name="u">The fcc field (halo filled).</param>
    /// <param name="v">The cfc field (halo filled).</param>
    /// <param name="output">The ffc field that accumulates the result.</param>
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

    /// <summary>Transpose kernel: <c>(uBar, vBar) += Curl_ffcᵀ(input)</c> at every interior point.</summary>
    /// <param name="grid">Grid masks and metrics.</param>
    /// <param name="input">The ffc adjoint field (halo filled).</param>
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
