using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;
using ClimateAD.Grid.Operators;

namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// The vector Laplacian of a C-grid velocity in vector-invariant form,
/// <c>∇²𝐮 = ∇(∇·𝐮) − ∇×(ζ 𝐤)</c>, i.e. <c>L_u = ∂x D − ∂y ζ</c>, <c>L_v = ∂y D + ∂x ζ</c> with
/// <c>D = </c><see cref="Div_ccc"/> and <c>ζ = </c><see cref="Curl_ffc"/> (s⁻¹; <c>L</c> in m⁻¹ s⁻¹):
/// <code>
///   L_u[i,j] = DiffX_fcc(D) − m_u (ζ[i,j+1] − ζ[i,j]) / Δy_ccc[j]
///   L_v[i,j] = DiffY_cfc(D) + m_v (ζ[i+1,j] − ζ[i,j]) / Δx_cfc[j]
/// </code>
/// Closed corners carry <c>ζ = 0</c> (free slip) and closed faces no divergence flux.
/// </summary>
/// <remarks>
/// The form used by MITgcm's vector-invariant momentum (Marshall et al. 1997, J. Geophys. Res.
/// 102:5753–5766) and Sadourny-type C-grid models; on the sphere the metric terms come with
/// <see cref="Div_ccc"/> and <see cref="Curl_ffc"/>. The transpose composes the operators' transposes:
/// <c>D̄ = DiffX_fccᵀ ū + DiffY_cfcᵀ v̄</c>, <c>ζ̄[i,j] = (m ū/Δy)[i,j] − (m ū/Δy)[i,j−1] + (m v̄)[i−1,j]/Δx − (m v̄)[i,j]/Δx</c>,
/// then <c>(ū, v̄) += Div_cccᵀ D̄ + Curl_ffcᵀ ζ̄</c> (gather form).
/// </remarks>
public static class VectorLaplacian
{
    /// <summary><c>(outU, outV) += c · L(inU, inV)</c>; the inputs' halos must be filled. Uses the workspace's divergence and vorticity scratch.</summary>
    public static void Apply<T, TView>(ShallowWaterWorkspace<T> work, in ShallowWaterViews<T, TView> w, TView inU, TView inV, T c, TView outU, TView outV)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        ArgumentNullException.ThrowIfNull(work);
        work.Launch(new DivCurlKernel<T, TView>(w.G, inU, inV, w.Divergence, w.Vorticity));
        work.Divergence.FillHalo();
        work.Vorticity.FillHalo();
        work.Launch(new GradientKernel<T, TView>(w.G, w.InvDxCfc, w.Divergence, w.Vorticity, c, outU, outV));
    }

    /// <summary><c>(outU, outV) += c · Lᵀ(inU, inV)</c>; the inputs' halos must be filled. Uses the workspace's divergence and vorticity scratch.</summary>
    public static void Transpose<T, TView>(ShallowWaterWorkspace<T> work, in ShallowWaterViews<T, TView> w, TView inU, TView inV, T c, TView outU, TView outV)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        ArgumentNullException.ThrowIfNull(work);
        work.Launch(new GradientTransposeKernel<T, TView>(w.G, w.InvDxCfc, inU, inV, w.Divergence, w.Vorticity));
        work.Divergence.FillHalo();
        work.Vorticity.FillHalo();
        work.Launch(new DivCurlTransposeKernel<T, TView>(w.G, w.Divergence, w.Vorticity, c, outU, outV));
    }

    /// <summary>Writes <c>D = Div_ccc(u, v)</c> and <c>ζ = Curl_ffc(u, v)</c> at <c>(i, j)</c>.</summary>
    public readonly struct DivCurlKernel<T, TView>(GridView<T, TView> g, TView u, TView v, TView divergence, TView vorticity) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            divergence.At(i, j) = Div_ccc.Apply(g, u, v, i, j);
            vorticity.At(i, j) = Curl_ffc.Apply(g, u, v, i, j);
        }
    }

    /// <summary><c>(outU, outV) += c (∂x D − ∂y ζ, ∂y D + ∂x ζ)</c> at <c>(i, j)</c> (D, ζ halos filled).</summary>
    public readonly struct GradientKernel<T, TView>(GridView<T, TView> g, TView invDxCfc, TView divergence, TView vorticity, T c, TView outU, TView outV) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            T z = vorticity.At(i, j);
            ref T ou = ref outU.At(i, j);
            ou += c * (DiffX_fcc.Apply(g, divergence, i, j) - g.Mask_fcc(i, j) * (vorticity.At(i, j + 1) - z) * g.InvDy_ccc(j));
            ref T ov = ref outV.At(i, j);
            ov += c * (DiffY_cfc.Apply(g, divergence, i, j) + g.Mask_cfc(i, j) * (vorticity.At(i + 1, j) - z) * invDxCfc.At(0, j));
        }
    }

    /// <summary>Writes <c>D̄</c> and <c>ζ̄</c> at <c>(i, j)</c> from <c>(ū, v̄)</c> (halos filled).</summary>
    public readonly struct GradientTransposeKernel<T, TView>(GridView<T, TView> g, TView invDxCfc, TView u, TView v, TView divergence, TView vorticity) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            divergence.At(i, j) = DiffX_fcc.Transpose(g, u, i, j) + DiffY_cfc.Transpose(g, v, i, j);
            vorticity.At(i, j) = g.Mask_fcc(i, j) * u.At(i, j) * g.InvDy_ccc(j) - g.Mask_fcc(i, j - 1) * u.At(i, j - 1) * g.InvDy_ccc(j - 1)
                + (g.Mask_cfc(i - 1, j) * v.At(i - 1, j) - g.Mask_cfc(i, j) * v.At(i, j)) * invDxCfc.At(0, j);
        }
    }

    /// <summary><c>(outU, outV) += c (Div_cccᵀ D̄ + Curl_ffcᵀ ζ̄)</c> at <c>(i, j)</c> (halos filled).</summary>
    public readonly struct DivCurlTransposeKernel<T, TView>(GridView<T, TView> g, TView divergence, TView vorticity, T c, TView outU, TView outV) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            ref T ou = ref outU.At(i, j);
            ou += c * (Div_ccc.TransposeU(g, divergence, i, j) + Curl_ffc.TransposeU(g, vorticity, i, j));
            ref T ov = ref outV.At(i, j);
            ov += c * (Div_ccc.TransposeV(g, divergence, i, j) + Curl_ffc.TransposeV(g, vorticity, i, j));
        }
    }
}
