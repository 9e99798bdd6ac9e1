using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;
using ClimateAD.Grid.Operators;
using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// Coriolis force and vorticity advection as one potential-vorticity flux, Sadourny's (1975)
/// energy-conserving scheme: <c>∂u/∂t += q (h v)</c>, <c>∂v/∂t −= q (h u)</c>, discretised as
/// <code>
///   G_u[i,j] += m_u / Δx_ccc · ½ ( q[i,j+1] V̄ˣ[i,j+1] + q[i,j] V̄ˣ[i,j] ),   V̄ˣ[i,j] = ½ (V[i−1,j] + V[i,j])
///   G_v[i,j] −= m_v / Δy_cfc · ½ ( q[i+1,j] Ūʸ[i+1,j] + q[i,j] Ūʸ[i,j] ),   Ūʸ[i,j] = ½ (U[i,j−1] + U[i,j])
/// </code>
/// with <c>q = (ζ + f)/h̄ˣʸ</c> at corners (m⁻¹ s⁻¹) and <c>U, V</c> the face volume fluxes (m³ s⁻¹).
/// </summary>
/// <remarks>
/// <para>Sadourny, R. (1975), "The dynamics of finite-difference models of the shallow-water
/// equations", J. Atmos. Sci. 32:680–689, energy-conserving ("E") scheme; in curvilinear metric form as
/// in Arakawa &amp; Lamb (1981), Mon. Wea. Rev. 109:18–36. The term does no work for any <c>q</c>:
/// <c>Σ_u Δx U G_u + Σ_v Δy V G_v = Σ_corners q (V̄ˣ Ūʸ − Ūʸ V̄ˣ) = 0</c>, so with
/// <see cref="BernoulliGradient"/> and continuity the total energy is conserved in space (test:
/// ShallowWaterConservationTests). It conserves potential enstrophy only approximately.</para>
/// <para>With <see cref="IncludeRelativeVorticity"/> false, <c>q = f/h</c>: Coriolis only (no momentum
/// advection); turn off <see cref="BernoulliGradient.IncludeKineticEnergy"/> too for linear dynamics.</para>
/// <para>Adjoint (gather form): at each corner <c>P_u = ½ (m_u Ḡ_u/Δx)[i,j] + ½ (m_u Ḡ_u/Δx)[i,j−1]</c>,
/// <c>P_v = −½ (m_v Ḡ_v/Δy)[i,j] − ½ (m_v Ḡ_v/Δy)[i−1,j]</c>; then <c>q̄ = P_u V̄ˣ + P_v Ūʸ</c>,
/// <c>V̄ˣ-bar = P_u q</c>, <c>Ūʸ-bar = P_v q</c>, <c>ζ̄ = q̄/h̄ˣʸ</c>, <c>h̄ˣʸ-bar = −q̄ q/h̄ˣʸ</c>, and
/// these are gathered back to <c>u, v, h</c> through the transposes of the averages, of
/// <see cref="Curl_ffc"/> and of the fluxes.</para>
/// </remarks>
/// <param name="IncludeRelativeVorticity">Include <c>ζ</c> in <c>q</c> (momentum advection in vector-invariant form); default true.</param>
public readonly record struct PotentialVorticityFlux(bool IncludeRelativeVorticity = true) : IShallowWaterTerm
{
    /// <summary>Creates the full (Coriolis + advection) term.</summary>
    public PotentialVorticityFlux() : this(true)
    {
    }

    /// <inheritdoc/>
    public string Name => "potential_vorticity_flux";

    /// <inheritdoc/>
    public ParameterSpec? Parameter => null;

    /// <inheritdoc/>
    public void AddTendency<T, TView>(ShallowWaterWorkspace<T> work, in ShallowWaterViews<T, TView> w, T theta)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => work.Launch(new Kernel<T, TView>(w));

    /// <inheritdoc/>
    public void AddAdjoint<T, TView>(ShallowWaterWorkspace<T> work, in ShallowWaterViews<T, TView> w, T theta, TView thetaDensity)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        work.Launch(new AdjointCornerKernel<T, TView>(w, IncludeRelativeVorticity ? T.One : T.Zero));
        work.ScratchZ1.FillHalo();
        work.ScratchZ2.FillHalo();
        work.ScratchZ3.FillHalo();
        work.ScratchZ4.FillHalo();
        work.Launch(new AdjointKernel<T, TView>(w));
    }

    /// <summary>The forward kernel at u point and v point <c>(i, j)</c>.</summary>
    public readonly struct Kernel<T, TView>(ShallowWaterViews<T, TView> w) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            var g = w.G;
            T quarter = T.FromDouble(0.25);
            TView q = w.Pv, ut = w.TransportU, vt = w.TransportV;
            ref T gu = ref w.Gu.At(i, j);
            gu += quarter * g.Mask_fcc(i, j) * g.InvDx_ccc(j)
                * (q.At(i, j + 1) * (vt.At(i - 1, j + 1) + vt.At(i, j + 1)) + q.At(i, j) * (vt.At(i - 1, j) + vt.At(i, j)));
            ref T gv = ref w.Gv.At(i, j);
            gv -= quarter * g.Mask_cfc(i, j) * g.InvDy_cfc(j)
                * (q.At(i + 1, j) * (ut.At(i + 1, j - 1) + ut.At(i + 1, j)) + q.At(i, j) * (ut.At(i, j - 1) + ut.At(i, j)));
        }
    }

    /// <summary>Adjoint, first pass, at corner <c>(i, j)</c>: writes <c>P_u q</c>, <c>P_v q</c>, <c>ζ̄</c>, <c>h̄ˣʸ-bar</c> into <c>ScratchZ1…4</c>.</summary>
    public readonly struct AdjointCornerKernel<T, TView>(ShallowWaterViews<T, TView> w, T relative) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            var g = w.G;
            T half = T.FromDouble(0.5);
            T pu = half * (g.Mask_fcc(i, j) * w.Au.At(i, j) * g.InvDx_ccc(j) + g.Mask_fcc(i, j - 1) * w.Au.At(i, j - 1) * g.InvDx_ccc(j - 1));
            T pv = -half * g.InvDy_cfc(j) * (g.Mask_cfc(i, j) * w.Av.At(i, j) + g.Mask_cfc(i - 1, j) * w.Av.At(i - 1, j));
            T vx = half * (w.TransportV.At(i - 1, j) + w.TransportV.At(i, j));
            T uy = half * (w.TransportU.At(i, j - 1) + w.TransportU.At(i, j));
            T q = w.Pv.At(i, j);
            T qBar = pu * vx + pv * uy;
            w.ScratchZ1.At(i, j) = pu * q;
            w.ScratchZ2.At(i, j) = pv * q;
            T hz = ShallowWaterStencils.ThicknessZ(w, i, j);
            if (hz > T.Zero)
            {
                w.ScratchZ3.At(i, j) = relative * qBar / hz;
                w.ScratchZ4.At(i, j) = -(qBar * q / hz);
            }
            else
            {
                w.ScratchZ3.At(i, j) = T.Zero;
                w.ScratchZ4.At(i, j) = T.Zero;
            }
        }
    }

    /// <summary>Adjoint, second pass, at point <c>(i, j)</c>: gathers <c>ScratchZ1…4</c> (halo filled) into <c>Xh, Xu, Xv</c>.</summary>
    public readonly struct AdjointKernel<T, TView>(ShallowWaterViews<T, TView> w) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        private T BarU(int i, int j) => T.FromDouble(0.5) * w.G.Mask_fcc(i, j) * (w.ScratchZ2.At(i, j) + w.ScratchZ2.At(i, j + 1));

        private T BarV(int i, int j) => T.FromDouble(0.5) * w.G.Mask_cfc(i, j) * (w.ScratchZ1.At(i, j) + w.ScratchZ1.At(i + 1, j));

        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            var g = w.G;
            T half = T.FromDouble(0.5);
            T bu = BarU(i, j), bv = BarV(i, j);
            ref T xu = ref w.Xu.At(i, j);
            xu += g.Dy_ccc(j) * ShallowWaterStencils.ThicknessU(w, i, j) * bu + Curl_ffc.TransposeU(g, w.ScratchZ3, i, j);
            ref T xv = ref w.Xv.At(i, j);
            xv += g.Dx_cfc(j) * ShallowWaterStencils.ThicknessV(w, i, j) * bv + Curl_ffc.TransposeV(g, w.ScratchZ3, i, j);
            TView z4 = w.ScratchZ4, wz = w.CornerWeight;
            T corners = wz.At(i, j) * z4.At(i, j) + wz.At(i + 1, j) * z4.At(i + 1, j) + wz.At(i, j + 1) * z4.At(i, j + 1) + wz.At(i + 1, j + 1) * z4.At(i + 1, j + 1);
            ref T xh = ref w.Xh.At(i, j);
            xh += half * (g.Dy_ccc(j) * (bu * w.U.At(i, j) + BarU(i + 1, j) * w.U.At(i + 1, j))
                    + g.Dx_cfc(j) * bv * w.V.At(i, j) + g.Dx_cfc(j + 1) * BarV(i, j + 1) * w.V.At(i, j + 1))
                + g.Mask_ccc(i, j) * corners;
        }
    }
}
