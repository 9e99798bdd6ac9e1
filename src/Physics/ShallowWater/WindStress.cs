using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;
using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// Wind-stress forcing as a body force over the layer: <c>∂u/∂t += τ₀ P_x / (ρ₀ h)</c>,
/// <c>∂v/∂t += τ₀ P_y / (ρ₀ h)</c> (m s⁻²), with <c>τ₀</c> the amplitude (N m⁻²), <c>(P_x, P_y)</c> the
/// dimensionless pattern fields of the configuration and <c>ρ₀</c> the reference density (kg m⁻³).
/// </summary>
/// <remarks>
/// The wind-driven gyre forcing of Stommel (1948) and Munk (1950), e.g. the double gyre
/// <c>P_x = −cos(2π y/L)</c> (<see cref="ShallowWaterSetups.DoubleGyre"/>). Adjoint (single pass, gather):
/// <c>h̄ += −½ Σ_faces τ₀ P Ḡ / (ρ₀ h²)</c>, <c>τ̄₀ = Σ P Ḡ / (ρ₀ h)</c>.
/// Parameter: <see cref="ShallowWaterParameterNames.WindStress"/>.
/// </remarks>
/// <param name="Amplitude">Amplitude <c>τ₀</c> (N m⁻²).</param>
/// <param name="ReferenceDensity">Reference density <c>ρ₀</c> (kg m⁻³), positive.</param>
public readonly record struct WindStress(double Amplitude, double ReferenceDensity = 1000.0) : IShallowWaterTerm
{
    /// <inheritdoc/>
    public string Name => "wind_stress";

    /// <inheritdoc/>
    public ParameterSpec? Parameter => new(ShallowWaterParameterNames.WindStress, "τ₀", "N m-2", Amplitude, -10.0, 10.0,
        "Amplitude of the surface wind stress tau0 (pattern fields set the shape), applied as tau0 P / (rho0 h).");

    /// <inheritdoc/>
    public void AddTendency<T, TView>(ShallowWaterWorkspace<T> work, in ShallowWaterViews<T, TView> w, T theta)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => work.Launch(new Kernel<T, TView>(w, theta, T.FromDouble(1 / ReferenceDensity)));

    /// <inheritdoc/>
    public void AddAdjoint<T, TView>(ShallowWaterWorkspace<T> work, in ShallowWaterViews<T, TView> w, T theta, TView thetaDensity)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => work.Launch(new AdjointKernel<T, TView>(w, theta, T.FromDouble(1 / ReferenceDensity), thetaDensity));

    /// <summary>The forward kernel.</summary>
    public readonly struct Kernel<T, TView>(ShallowWaterViews<T, TView> w, T amplitude, T inverseDensity) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            var g = w.G;
            ref T gu = ref w.Gu.At(i, j);
            gu += amplitude * inverseDensity * g.Mask_fcc(i, j) * w.WindX.At(i, j) / ShallowWaterStencils.SafeThicknessU(w, i, j);
            ref T gv = ref w.Gv.At(i, j);
            gv += amplitude * inverseDensity * g.Mask_cfc(i, j) * w.WindY.At(i, j) / ShallowWaterStencils.SafeThicknessV(w, i, j);
        }
    }

    /// <summary>The adjoint kernel.</summary>
    public readonly struct AdjointKernel<T, TView>(ShallowWaterViews<T, TView> w, T amplitude, T inverseDensity, TView thetaDensity) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        // ∂G_u/∂h̄ˣ · Ḡ_u at face (i, j): −τ₀ P m Ḡ / (ρ h²).
        private T DhU(int i, int j)
        {
            T h = ShallowWaterStencils.SafeThicknessU(w, i, j);
            return -(amplitude * inverseDensity * w.G.Mask_fcc(i, j) * w.WindX.At(i, j) * w.Au.At(i, j) / (h * h));
        }

        private T DhV(int i, int j)
        {
            T h = ShallowWaterStencils.SafeThicknessV(w, i, j);
            return -(amplitude * inverseDensity * w.G.Mask_cfc(i, j) * w.WindY.At(i, j) * w.Av.At(i, j) / (h * h));
        }

        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            var g = w.G;
            T half = T.FromDouble(0.5);
            ref T xh = ref w.Xh.At(i, j);
            xh += half * (g.Mask_fcc(i, j) * DhU(i, j) + g.Mask_fcc(i + 1, j) * DhU(i + 1, j) + g.Mask_cfc(i, j) * DhV(i, j) + g.Mask_cfc(i, j + 1) * DhV(i, j + 1));
            ref T p = ref thetaDensity.At(i, j);
            p += inverseDensity * (g.Mask_fcc(i, j) * w.WindX.At(i, j) * w.Au.At(i, j) / ShallowWaterStencils.SafeThicknessU(w, i, j)
                + g.Mask_cfc(i, j) * w.WindY.At(i, j) * w.Av.At(i, j) / ShallowWaterStencils.SafeThicknessV(w, i, j));
        }
    }
}
