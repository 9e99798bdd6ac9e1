using System.Runtime.CompilerServices;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;
using ClimateAD.Grid.Operators;

namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// Point-wise pieces of the C-grid shallow-water discretisation shared by the terms, each a one-line
/// function of <see cref="ShallowWaterViews{T, TView}"/> at a point (Sadourny 1975, J. Atmos. Sci.
/// 32:680–689; Arakawa &amp; Lamb 1981, Mon. Wea. Rev. 109:18–36).
/// </summary>
/// <remarks>
/// Area weights: <c>A_c</c> the cell area (<c>Area_ccc</c>), <c>A_u = Δx_ccc Δy_ccc</c> and
/// <c>A_v = Δx_cfc Δy_cfc</c> the areas of the u and v control volumes. With these choices the
/// semi-discrete energy <see cref="ShallowWaterDiagnostics.Energy"/> is conserved exactly by the
/// inviscid unforced equations (the Coriolis term does no work and the pressure work cancels the
/// change of potential and kinetic energy; see docs/models/shallow-water.md).
/// </remarks>
public static class ShallowWaterStencils
{
    /// <summary>Thickness at a u face, <c>h̄ˣ = (h[i−1,j] + h[i,j])/2</c> (m), unmasked.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ThicknessU<T, TView>(in ShallowWaterViews<T, TView> w, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => T.FromDouble(0.5) * (w.H.At(i - 1, j) + w.H.At(i, j));

    /// <summary>Thickness at a v face, <c>h̄ʸ = (h[i,j−1] + h[i,j])/2</c> (m), unmasked.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ThicknessV<T, TView>(in ShallowWaterViews<T, TView> w, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => T.FromDouble(0.5) * (w.H.At(i, j - 1) + w.H.At(i, j));

    /// <summary><c>m_u h̄ˣ + (1 − m_u)</c>: the face thickness on open faces, 1 m on closed ones (a safe divisor).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SafeThicknessU<T, TView>(in ShallowWaterViews<T, TView> w, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        T m = w.G.Mask_fcc(i, j);
        return m * ThicknessU(w, i, j) + (T.One - m);
    }

    /// <summary><c>m_v h̄ʸ + (1 − m_v)</c>: the face thickness on open faces, 1 m on closed ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SafeThicknessV<T, TView>(in ShallowWaterViews<T, TView> w, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        T m = w.G.Mask_cfc(i, j);
        return m * ThicknessV(w, i, j) + (T.One - m);
    }

    /// <summary>Volume flux through a u face, <c>U = m_u Δy_ccc h̄ˣ u</c> (m³ s⁻¹).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T FluxU<T, TView>(in ShallowWaterViews<T, TView> w, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => w.G.Mask_fcc(i, j) * w.G.Dy_ccc(j) * ThicknessU(w, i, j) * w.U.At(i, j);

    /// <summary>Volume flux through a v face, <c>V = m_v Δx_cfc h̄ʸ v</c> (m³ s⁻¹).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T FluxV<T, TView>(in ShallowWaterViews<T, TView> w, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => w.G.Mask_cfc(i, j) * w.G.Dx_cfc(j) * ThicknessV(w, i, j) * w.V.At(i, j);

    /// <summary>
    /// Thickness at a corner, the mean over the wet cells around it:
    /// <c>h̄ˣʸ = (Σ m_c h)/n</c> over cells <c>(i−1, j−1), (i, j−1), (i−1, j), (i, j)</c> (m); 0 where no cell is wet.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ThicknessZ<T, TView>(in ShallowWaterViews<T, TView> w, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => w.CornerWeight.At(i, j) * (w.G.Mask_ccc(i - 1, j - 1) * w.H.At(i - 1, j - 1) + w.G.Mask_ccc(i, j - 1) * w.H.At(i, j - 1)
            + w.G.Mask_ccc(i - 1, j) * w.H.At(i - 1, j) + w.G.Mask_ccc(i, j) * w.H.At(i, j));

    /// <summary>Area of the u control volume on centre row <paramref name="j"/>, <c>A_u = Δx_ccc Δy_ccc</c> (m²).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T AreaU<T, TView>(in ShallowWaterViews<T, TView> w, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => w.G.Dx_ccc(j) * w.G.Dy_ccc(j);

    /// <summary>Area of the v control volume on face row <paramref name="j"/>, <c>A_v = Δx_cfc Δy_cfc</c> (m²).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T AreaV<T, TView>(in ShallowWaterViews<T, TView> w, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => w.G.Dx_cfc(j) * w.G.Dy_cfc(j);

    /// <summary>
    /// Kinetic energy per unit mass at a centre, the area-weighted mean of the squared face velocities:
    /// <c>K = (A_u (m u²)[i] + A_u (m u²)[i+1] + A_v[j] (m v²)[j] + A_v[j+1] (m v²)[j+1]) / (4 A_c)</c> (m² s⁻²).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T KineticEnergy<T, TView>(in ShallowWaterViews<T, TView> w, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        var g = w.G;
        T u0 = w.U.At(i, j), u1 = w.U.At(i + 1, j), v0 = w.V.At(i, j), v1 = w.V.At(i, j + 1);
        T su = AreaU(w, j) * (g.Mask_fcc(i, j) * u0 * u0 + g.Mask_fcc(i + 1, j) * u1 * u1);
        T sv = AreaV(w, j) * g.Mask_cfc(i, j) * v0 * v0 + AreaV(w, j + 1) * g.Mask_cfc(i, j + 1) * v1 * v1;
        return T.FromDouble(0.25) * g.InvArea_ccc(j) * (su + sv);
    }

    /// <summary>
    /// Potential vorticity at a corner, <c>q = (r ζ + f)/h̄ˣʸ</c> (m⁻¹ s⁻¹), with <c>ζ</c> from
    /// <see cref="Curl_ffc"/> (free slip: 0 at closed corners), <c>r</c> 1 or 0 (relative vorticity on or
    /// off); 0 where no cell around the corner is wet.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T PotentialVorticity<T, TView>(in ShallowWaterViews<T, TView> w, T relative, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        T hz = ThicknessZ(w, i, j);
        if (!(hz > T.Zero)) return T.Zero;
        return (relative * Curl_ffc.Apply(w.G, w.U, w.V, i, j) + w.G.Coriolis_ffc(j)) / hz;
    }
}
