using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;
using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// Pressure gradient and the gradient of kinetic energy, together the gradient of the Bernoulli
/// function <c>B = g (h + b) + K</c>: <c>∂u/∂t −= ∂B/∂x</c>, <c>∂v/∂t −= ∂B/∂y</c>, discretised as
/// <c>G_u += −m_u (B[i,j] − B[i−1,j]) / Δx_ccc</c>, <c>G_v += −m_v (B[i,j] − B[i,j−1]) / Δy_cfc</c>
/// (m s⁻²), with <c>g</c> the (reduced) gravity (m s⁻²), <c>b</c> the bottom topography (m) and
/// <c>K</c> the area-weighted mean of squared face velocities (<see cref="ShallowWaterStencils.KineticEnergy{T, TView}"/>).
/// </summary>
/// <remarks>
/// <para>Vector-invariant form (e.g. Sadourny 1975, J. Atmos. Sci. 32:680–689; Arakawa &amp; Lamb 1981,
/// Mon. Wea. Rev. 109:18–36). The pressure work cancels the change of potential energy
/// <c>Σ A_c (½ g h² + g h b)</c> and of kinetic energy exactly in space, given the continuity flux
/// <c>U = Δy h̄ˣ u</c> and <c>K</c> as defined.</para>
/// <para>Parameter: <see cref="ShallowWaterParameterNames.Gravity"/> <c>g</c>.
/// Adjoint (gather): <c>B̄[i,j] = ((m Ḡ_u)[i+1,j] − (m Ḡ_u)[i,j])/Δx + (m Ḡ_v/Δy)[i,j+1] − (m Ḡ_v/Δy)[i,j]</c>;
/// <c>h̄ += g B̄</c>; <c>ḡ += Σ (h + b) B̄</c>; <c>ū[i,j] += m_u A_u u (B̄[i−1,j] + B̄[i,j]) / (2 A_c)</c> and likewise for <c>v</c>.</para>
/// </remarks>
/// <param name="Gravity">Gravity <c>g</c> (m s⁻²); 9.80616 on Earth (Williamson et al. 1992), or a reduced gravity.</param>
/// <param name="IncludeKineticEnergy">Include <c>K</c> in <c>B</c> (momentum advection, with the relative vorticity of <see cref="PotentialVorticityFlux"/>).</param>
public readonly record struct BernoulliGradient(double Gravity = 9.80616, bool IncludeKineticEnergy = true) : IShallowWaterTerm
{
    /// <summary>Creates the term with Earth's gravity and kinetic energy included.</summary>
    public BernoulliGradient() : this(9.80616, true)
    {
    }

    /// <inheritdoc/>
    public string Name => "bernoulli_gradient";

    /// <inheritdoc/>
    public ParameterSpec? Parameter => new(ShallowWaterParameterNames.Gravity, "g", "m s-2", Gravity, 1e-4, 100.0,
        "Gravity (or reduced gravity g' for a 1.5-layer model) in the pressure gradient -g grad(h + b); gravity-wave speed sqrt(g h).");

    /// <inheritdoc/>
    public void AddTendency<T, TView>(ShallowWaterWorkspace<T> work, in ShallowWaterViews<T, TView> w, T theta)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => work.Launch(new Kernel<T, TView>(w, theta, IncludeKineticEnergy ? T.One : T.Zero));

    /// <inheritdoc/>
    public void AddAdjoint<T, TView>(ShallowWaterWorkspace<T> work, in ShallowWaterViews<T, TView> w, T theta, TView thetaDensity)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        work.Launch(new AdjointKernel<T, TView>(w, theta, thetaDensity));
        if (!IncludeKineticEnergy) return;
        work.ScratchC.FillHalo();
        work.Launch(new KineticAdjointKernel<T, TView>(w));
    }

    /// <summary><c>B = g (h + b) + k K</c> at centre <c>(i, j)</c>.</summary>
    internal static T Bernoulli<T, TView>(in ShallowWaterViews<T, TView> w, T gravity, T kinetic, int i, int j)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => gravity * (w.H.At(i, j) + w.Topography.At(i, j)) + kinetic * w.Kinetic.At(i, j);

    /// <summary>The forward kernel.</summary>
    public readonly struct Kernel<T, TView>(ShallowWaterViews<T, TView> w, T gravity, T kinetic) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            var g = w.G;
            T b = Bernoulli(w, gravity, kinetic, i, j);
            ref T gu = ref w.Gu.At(i, j);
            gu -= g.Mask_fcc(i, j) * (b - Bernoulli(w, gravity, kinetic, i - 1, j)) * g.InvDx_ccc(j);
            ref T gv = ref w.Gv.At(i, j);
            gv -= g.Mask_cfc(i, j) * (b - Bernoulli(w, gravity, kinetic, i, j - 1)) * g.InvDy_cfc(j);
        }
    }

    /// <summary>Adjoint, first pass: <c>B̄</c>; <c>h̄ += g B̄</c>; gravity density <c>(h + b) B̄</c>; <c>K̄ = B̄</c> into <c>ScratchC</c>.</summary>
    public readonly struct AdjointKernel<T, TView>(ShallowWaterViews<T, TView> w, T gravity, TView thetaDensity) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            var g = w.G;
            T bBar = (g.Mask_fcc(i + 1, j) * w.Au.At(i + 1, j) - g.Mask_fcc(i, j) * w.Au.At(i, j)) * g.InvDx_ccc(j)
                + g.Mask_cfc(i, j + 1) * w.Av.At(i, j + 1) * g.InvDy_cfc(j + 1) - g.Mask_cfc(i, j) * w.Av.At(i, j) * g.InvDy_cfc(j);
            ref T xh = ref w.Xh.At(i, j);
            xh += gravity * bBar;
            ref T p = ref thetaDensity.At(i, j);
            p += (w.H.At(i, j) + w.Topography.At(i, j)) * bBar;
            w.ScratchC.At(i, j) = bBar;
        }
    }

    /// <summary>Adjoint, second pass: <c>ū, v̄</c> from <c>K̄</c> (<c>ScratchC</c>, halo filled).</summary>
    public readonly struct KineticAdjointKernel<T, TView>(ShallowWaterViews<T, TView> w) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            var g = w.G;
            T half = T.FromDouble(0.5);
            TView k = w.ScratchC;
            ref T xu = ref w.Xu.At(i, j);
            xu += half * g.Mask_fcc(i, j) * ShallowWaterStencils.AreaU(w, j) * w.U.At(i, j) * (k.At(i - 1, j) + k.At(i, j)) * g.InvArea_ccc(j);
            ref T xv = ref w.Xv.At(i, j);
            xv += half * g.Mask_cfc(i, j) * ShallowWaterStencils.AreaV(w, j) * w.V.At(i, j) * (k.At(i, j - 1) * g.InvArea_ccc(j - 1) + k.At(i, j) * g.InvArea_ccc(j));
        }
    }
}
