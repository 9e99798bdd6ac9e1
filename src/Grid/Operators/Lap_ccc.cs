using System.Runtime.CompilerServices;
using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Grid.Operators;

/// <summary>
/// Laplacian of a centre (ccc) field at centres, as the divergence of the masked gradient
/// (five-point, flux form):
/// <c>∇²c ≈ m_ccc / A_ccc[j] · (W_x[i+1,j](c[i+1,j] − c[i,j]) − W_x[i,j](c[i,j] − c[i−1,j]) + W_y[i,j+1](c[i,j+1] − c[i,j]) − W_y[i,j](c[i,j] − c[i,j−1]))</c>
/// with face weights <c>W_x = m_fcc Δy_ccc / Δx_ccc</c>, <c>W_y = m_cfc Δx_cfc / Δy_cfc</c> (units of c
/// per m²). On the sphere this is <c>(1 / a² cos² φ) ∂²c/∂λ² + (1 / a² cos φ) ∂(cos φ ∂c/∂φ)/∂φ</c>.
/// Closed faces (land, walls) carry no flux: zero-flux (Neumann) boundaries.
/// </summary>
/// <remarks>
/// <para>Equals <see cref="Div_ccc"/> applied to (<see cref="DiffX_fcc"/>, <see cref="DiffY_cfc"/>)
/// of <c>c</c>, fused. Second-order accurate on the sphere away from the poles (test in
/// tests/Grid). C-grid finite volumes: Arakawa &amp; Lamb (1977), Methods Comput. Phys.
/// 17:173–265; spherical metrics as in Marshall et al. (1997), J. Geophys. Res. 102:5753–5766.</para>
/// <para>Transpose: with the symmetric stencil <c>S</c> above, <c>∇² = diag(m/A) S</c>, so
/// <c>(∇²)ᵀ c̄ = S z</c> with <c>z = m_ccc c̄ / A_ccc</c>: the same stencil applied to <c>z</c>
/// (gather form). The input's halo must be filled (<see cref="HaloFill"/>) first.</para>
/// </remarks>
public static class Lap_ccc
{
    /// <summary>The Laplacian at ccc point <c>(i, j)</c> of the ccc field <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Apply<T, TView>(in GridView<T, TView> g, in TView c, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        T cc = c.At(i, j);
        return g.Mask_ccc(i, j) * g.InvArea_ccc(j) * Stencil(g, c, cc, i, j);
    }

    /// <summary>The transpose at ccc point <c>(i, j)</c> of the ccc adjoint field <paramref name="c"/> (gather form).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Transpose<T, TView>(in GridView<T, TView> g, in TView c, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        T ze = Z(g, c, i + 1, j), zw = Z(g, c, i - 1, j), zn = Z(g, c, i, j + 1), zs = Z(g, c, i, j - 1), zc = Z(g, c, i, j);
        return WeightX(g, i + 1, j) * (ze - zc) - WeightX(g, i, j) * (zc - zw)
             + WeightY(g, i, j + 1) * (zn - zc) - WeightY(g, i, j) * (zc - zs);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Stencil<T, TView>(in GridView<T, TView> g, in TView c, T cc, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => WeightX(g, i + 1, j) * (c.At(i + 1, j) - cc) - WeightX(g, i, j) * (cc - c.At(i - 1, j))
         + WeightY(g, i, j + 1) * (c.At(i, j + 1) - cc) - WeightY(g, i, j) * (cc - c.At(i, j - 1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Z<T, TView>(in GridView<T, TView> g, in TView c, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => g.Mask_ccc(i, j) * c.At(i, j) * g.InvArea_ccc(j);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T WeightX<T, TView>(in GridView<T, TView> g, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => g.Mask_fcc(i, j) * g.Dy_ccc(j) * g.InvDx_ccc(j);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T WeightY<T, TView>(in GridView<T, TView> g, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => g.Mask_cfc(i, j) * g.Dx_cfc(j) * g.InvDy_cfc(j);

    /// <summary>Kernel: <c>output += ∇²(input)</c> at every interior ccc point.</summary>
    /// <param name="grid">Grid masks and metrics.</param>
    /// <param name="input">The ccc field (halo filled).</param>
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

    /// <summary>Transpose kernel: <c>output += (∇²)ᵀ(input)</c> at every interior ccc point.</summary>
    /// <param name="grid">Grid masks and metrics.</param>
    /// <param name="input">The ccc adjoint field (halo filled).</param>
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
