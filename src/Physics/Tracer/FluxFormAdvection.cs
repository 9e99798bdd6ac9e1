using System.Runtime.CompilerServices;
using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Physics.Tracer;

/// <summary>
/// Advective tendency of a cell-centred tracer in flux form on the C-grid:
/// <code>
///   −∇·(u c) ≈ −m_ccc / A_ccc[j] · (F_x[i+1,j] − F_x[i,j] + F_y[i,j+1] − F_y[i,j]),
///   F_x[i,j] = U[i,j] c_face,   U = m_fcc u Δy_ccc[j]     (west face of cell (i, j)),
///   F_y[i,j] = V[i,j] c_face,   V = m_cfc v Δx_cfc[j]     (south face),
/// </code>
/// with the face transports <c>U</c>, <c>V</c> (m² s⁻¹, closed faces 0) precomputed and the tracer
/// <c>c</c> in any units (the tendency is in units of c per s). The centred face value is
/// <c>c_face = (c_west + c_east)/2</c>. Every flux leaves one cell and enters its neighbour, so
/// <c>Σ A (−∇·(u c)) = 0</c> over a closed or periodic domain: total tracer mass is conserved exactly up
/// to round-off.
/// </summary>
/// <remarks>
/// <para>Finite-volume flux form: LeVeque (2002), <i>Finite Volume Methods for Hyperbolic Problems</i>,
/// ch. 4 and 6; Durran (2010), <i>Numerical Methods for Fluid Dynamics</i>, 2nd ed., §5.9; C-grid
/// metrics as in Marshall et al. (1997), J. Geophys. Res. 102:5753–5766.</para>
/// <para>Transpose of the centred operator (gather form, no atomics), with
/// <c>z = m_ccc λ / A_ccc</c>:
/// <c>(Aᵀλ)[i,j] = −½ (U[i,j](z[i−1,j] − z[i,j]) + U[i+1,j](z[i,j] − z[i+1,j]) + V[i,j](z[i,j−1] − z[i,j]) + V[i,j+1](z[i,j] − z[i,j+1]))</c>,
/// the exact matrix transpose of <c>A ∘ HaloFill</c> on interior points (dot-product test in
/// tests/Physics/Tracer).</para>
/// <para>Limited face values (<see cref="AdvectionScheme.Minmod"/>, <see cref="AdvectionScheme.VanLeer"/>):
/// MUSCL <c>c_face = c_up ± ½ φ(a, b)</c>, <c>b</c> the difference across the face, <c>a</c> the
/// difference across the upwind cell's far face (0 when that face is closed), φ the limited slope.
/// Needs a halo of 2.</para>
/// <para>Halos of <c>c</c>, <c>U</c> and <c>V</c> must be filled (<see cref="HaloFill"/>) before use.</para>
/// </remarks>
public static class FluxFormAdvection
{
    /// <summary>The centred advective tendency at ccc point <c>(i, j)</c>.</summary>
    /// <param name="g">Grid masks and metrics.</param>
    /// <param name="ux">Transports <c>U</c> on u faces (m² s⁻¹).</param>
    /// <param name="vy">Transports <c>V</c> on v faces (m² s⁻¹).</param>
    /// <param name="c">Tracer (halo filled).</param>
    /// <param name="i">Column.</param>
    /// <param name="j">Row.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Apply<T, TView>(in GridView<T, TView> g, in TView ux, in TView vy, in TView c, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        T cc = c.At(i, j);
        T div = ux.At(i + 1, j) * (cc + c.At(i + 1, j)) - ux.At(i, j) * (c.At(i - 1, j) + cc)
              + (vy.At(i, j + 1) * (cc + c.At(i, j + 1)) - vy.At(i, j) * (c.At(i, j - 1) + cc));
        return g.Mask_ccc(i, j) * g.InvArea_ccc(j) * (T.FromDouble(-0.5) * div);
    }

    /// <summary>The transpose of the centred operator at ccc point <c>(i, j)</c> of the adjoint field <paramref name="lambda"/> (gather form).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Transpose<T, TView>(in GridView<T, TView> g, in TView ux, in TView vy, in TView lambda, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        T ia = g.InvArea_ccc(j);
        T zc = Z(g, lambda, i, j, ia);
        T x = ux.At(i, j) * (Z(g, lambda, i - 1, j, ia) - zc) + ux.At(i + 1, j) * (zc - Z(g, lambda, i + 1, j, ia));
        T y = vy.At(i, j) * (Z(g, lambda, i, j - 1, g.InvArea_ccc(j - 1)) - zc) + vy.At(i, j + 1) * (zc - Z(g, lambda, i, j + 1, g.InvArea_ccc(j + 1)));
        return T.FromDouble(-0.5) * (x + y);
    }

    /// <summary>The limited (MUSCL) advective tendency at ccc point <c>(i, j)</c>; <paramref name="scheme"/> is 1 (minmod) or 2 (van Leer).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ApplyLimited<T, TView>(in GridView<T, TView> g, in TView ux, in TView vy, in TView c, int i, int j, int scheme)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        T div = FluxX(g, ux, c, i + 1, j, scheme) - FluxX(g, ux, c, i, j, scheme)
              + (FluxY(g, vy, c, i, j + 1, scheme) - FluxY(g, vy, c, i, j, scheme));
        return -(g.Mask_ccc(i, j) * g.InvArea_ccc(j) * div);
    }

    /// <summary>Limited flux <c>U c_face</c> through u face <c>(f, j)</c> (between cells <c>f − 1</c> and <c>f</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T FluxX<T, TView>(in GridView<T, TView> g, in TView ux, in TView c, int f, int j, int scheme)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        T u = ux.At(f, j);
        T west = c.At(f - 1, j), east = c.At(f, j), across = east - west, half = T.FromDouble(0.5);
        if (u >= T.Zero)
            return u * (west + half * Slope(g.Mask_fcc(f - 1, j) * (west - c.At(f - 2, j)), across, scheme));
        return u * (east - half * Slope(g.Mask_fcc(f + 1, j) * (c.At(f + 1, j) - east), across, scheme));
    }

    /// <summary>Limited flux <c>V c_face</c> through v face <c>(i, f)</c> (between cells <c>f − 1</c> and <c>f</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T FluxY<T, TView>(in GridView<T, TView> g, in TView vy, in TView c, int i, int f, int scheme)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        T v = vy.At(i, f);
        T south = c.At(i, f - 1), north = c.At(i, f), across = north - south, half = T.FromDouble(0.5);
        if (v >= T.Zero)
            return v * (south + half * Slope(g.Mask_cfc(i, f - 1) * (south - c.At(i, f - 2)), across, scheme));
        return v * (north - half * Slope(g.Mask_cfc(i, f + 1) * (c.At(i, f + 1) - north), across, scheme));
    }

    /// <summary>
    /// Limited slope from the upwind difference <paramref name="a"/> and the difference across the face
    /// <paramref name="b"/>: 0 unless <c>ab &gt; 0</c>; then minmod (scheme 1) <c>a</c> or <c>b</c>, whichever is
    /// smaller in magnitude, or van Leer (scheme 2) <c>2ab/(a + b)</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Slope<T>(T a, T b, int scheme) where T : unmanaged, IScalar<T>
    {
        T ab = a * b;
        if (ab <= T.Zero) return T.Zero;
        if (scheme == 1) return T.Abs(a) < T.Abs(b) ? a : b;
        return (ab + ab) / (a + b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Z<T, TView>(in GridView<T, TView> g, in TView lambda, int i, int j, T invArea)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => g.Mask_ccc(i, j) * lambda.At(i, j) * invArea;

    /// <summary>Kernel: <c>output += −∇·(u c)</c> (centred) at every interior ccc point.</summary>
    /// <param name="grid">Grid masks and metrics.</param>
    /// <param name="ux">Transports on u faces (halo filled).</param>
    /// <param name="vy">Transports on v faces (halo filled).</param>
    /// <param name="input">Tracer (halo filled).</param>
    /// <param name="output">Accumulates the tendency.</param>
    public readonly struct Kernel<T, TView>(GridView<T, TView> grid, TView ux, TView vy, TView input, TView output) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            ref T o = ref output.At(i, j);
            o += Apply(grid, ux, vy, input, i, j);
        }
    }

    /// <summary>Transpose kernel: <c>output += Aᵀ input</c> (centred) at every interior ccc point.</summary>
    /// <param name="grid">Grid masks and metrics.</param>
    /// <param name="ux">Transports on u faces (halo filled).</param>
    /// <param name="vy">Transports on v faces (halo filled).</param>
    /// <param name="input">Adjoint field (halo filled).</param>
    /// <param name="output">Accumulates the result.</param>
    public readonly struct TransposeKernel<T, TView>(GridView<T, TView> grid, TView ux, TView vy, TView input, TView output) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            ref T o = ref output.At(i, j);
            o += Transpose(grid, ux, vy, input, i, j);
        }
    }
}
