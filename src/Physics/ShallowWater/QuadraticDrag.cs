using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;
using ClimateAD.Grid.Operators;
using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// Quadratic bottom drag <c>∂𝐮/∂t += −C_d |𝐮| 𝐮 / h</c> (m s⁻²), with <c>|𝐮| = √(u² + v̄² + c²)</c>
/// at each face (<c>v̄</c> the 4-point average of the other component, <c>c</c> a small background speed
/// that keeps the drag differentiable at rest) and <c>h</c> the face thickness.
/// </summary>
/// <remarks>
/// The standard bulk bottom-stress law <c>τ_b = ρ C_d |𝐮| 𝐮</c> (e.g. Vallis 2017, <i>Atmospheric and
/// Oceanic Fluid Dynamics</i>, 2nd ed., §5.7; C_d ≈ 2.5×10⁻³). Adjoint from hand-derived local
/// derivatives: <c>∂G/∂u = −C_d (s + u²/s)/h</c>, <c>∂G/∂v̄ = −C_d u v̄/(s h)</c>, <c>∂G/∂h = C_d s u/h²</c>, scattered
/// back by the transposes of <see cref="InterpXY_fcc"/>, <see cref="InterpXY_cfc"/>, <see cref="InterpX_fcc"/> and
/// <see cref="InterpY_cfc"/> (two passes, gather form). Parameter: <see cref="ShallowWaterParameterNames.QuadraticDrag"/>,
/// <c>C_d</c> in units of 10⁻³ (so that its value is O(1): 2.5 for <c>C_d = 2.5×10⁻³</c>).
/// </remarks>
/// <param name="Coefficient">Drag coefficient <c>C_d</c> (1), ≥ 0.</param>
/// <param name="BackgroundSpeed">Background speed <c>c</c> (m s⁻¹), &gt; 0.</param>
public readonly record struct QuadraticDrag(double Coefficient, double BackgroundSpeed = 1e-3) : IShallowWaterTerm
{
    /// <inheritdoc/>
    public string Name => "quadratic_drag";

    /// <inheritdoc/>
    public ParameterSpec? Parameter => new(ShallowWaterParameterNames.QuadraticDrag, "C_d", "1e-3", Coefficient / Scale, 0.0, 100.0,
        "Quadratic bottom drag coefficient in -C_d |u| u / h, in units of 1e-3 (bulk law, typically 2.5).");

    /// <summary>The unit of the parameter, 10⁻³: <c>C_d = θ × 10⁻³</c>.</summary>
    public const double Scale = 1e-3;

    /// <inheritdoc/>
    public void AddTendency<T, TView>(ShallowWaterWorkspace<T> work, in ShallowWaterViews<T, TView> w, T theta)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => work.Launch(new Kernel<T, TView>(w, theta * T.FromDouble(Scale), T.FromDouble(BackgroundSpeed * BackgroundSpeed)));

    /// <inheritdoc/>
    public void AddAdjoint<T, TView>(ShallowWaterWorkspace<T> work, in ShallowWaterViews<T, TView> w, T theta, TView thetaDensity)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        ArgumentNullException.ThrowIfNull(work);
        work.Launch(new AdjointLocalKernel<T, TView>(w, theta * T.FromDouble(Scale), T.FromDouble(BackgroundSpeed * BackgroundSpeed), T.FromDouble(Scale), thetaDensity));
        work.ScratchU.FillHalo();
        work.ScratchV.FillHalo();
        work.ScratchU2.FillHalo();
        work.ScratchV2.FillHalo();
        work.Launch(new AdjointGatherKernel<T, TView>(w));
    }

    /// <summary>The forward kernel.</summary>
    public readonly struct Kernel<T, TView>(ShallowWaterViews<T, TView> w, T coefficient, T background2) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            var g = w.G;
            T u = w.U.At(i, j), vu = InterpXY_fcc.Apply(g, w.V, i, j);
            ref T gu = ref w.Gu.At(i, j);
            gu -= coefficient * g.Mask_fcc(i, j) * T.Sqrt(u * u + vu * vu + background2) * u / ShallowWaterStencils.SafeThicknessU(w, i, j);
            T v = w.V.At(i, j), uv = InterpXY_cfc.Apply(g, w.U, i, j);
            ref T gv = ref w.Gv.At(i, j);
            gv -= coefficient * g.Mask_cfc(i, j) * T.Sqrt(v * v + uv * uv + background2) * v / ShallowWaterStencils.SafeThicknessV(w, i, j);
        }
    }

    /// <summary>Adjoint, first pass: local derivatives; <c>ū, v̄</c> direct parts; cross-velocity and thickness parts into <c>ScratchU/V</c> and <c>ScratchU2/V2</c>.</summary>
    /// <param name="w">Views.</param>
    /// <param name="coefficient"><c>C_d</c>.</param>
    /// <param name="background2">Squared background speed <c>c²</c>.</param>
    /// <param name="scale"><c>∂C_d/∂θ</c> (10⁻³).</param>
    /// <param name="thetaDensity">Accumulates the parameter-gradient density.</param>
    public readonly struct AdjointLocalKernel<T, TView>(ShallowWaterViews<T, TView> w, T coefficient, T background2, T scale, TView thetaDensity) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            var g = w.G;
            T u = w.U.At(i, j), vu = InterpXY_fcc.Apply(g, w.V, i, j), hu = ShallowWaterStencils.SafeThicknessU(w, i, j);
            T su = T.Sqrt(u * u + vu * vu + background2);
            T au = g.Mask_fcc(i, j) * w.Au.At(i, j);
            T v = w.V.At(i, j), uv = InterpXY_cfc.Apply(g, w.U, i, j), hv = ShallowWaterStencils.SafeThicknessV(w, i, j);
            T sv = T.Sqrt(v * v + uv * uv + background2);
            T av = g.Mask_cfc(i, j) * w.Av.At(i, j);
            ref T xu = ref w.Xu.At(i, j);
            xu -= coefficient * (su + u * u / su) / hu * au;
            ref T xv = ref w.Xv.At(i, j);
            xv -= coefficient * (sv + v * v / sv) / hv * av;
            w.ScratchU.At(i, j) = -(coefficient * u * vu / (su * hu) * au);
            w.ScratchV.At(i, j) = -(coefficient * v * uv / (sv * hv) * av);
            w.ScratchU2.At(i, j) = coefficient * su * u / (hu * hu) * au;
            w.ScratchV2.At(i, j) = coefficient * sv * v / (hv * hv) * av;
            ref T p = ref thetaDensity.At(i, j);
            p -= scale * (su * u / hu * au + sv * v / hv * av);
        }
    }

    /// <summary>Adjoint, second pass: gathers the cross-velocity and thickness parts (halos filled).</summary>
    public readonly struct AdjointGatherKernel<T, TView>(ShallowWaterViews<T, TView> w) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            var g = w.G;
            ref T xu = ref w.Xu.At(i, j);
            xu += InterpXY_cfc.Transpose(g, w.ScratchV, i, j);
            ref T xv = ref w.Xv.At(i, j);
            xv += InterpXY_fcc.Transpose(g, w.ScratchU, i, j);
            ref T xh = ref w.Xh.At(i, j);
            xh += InterpX_fcc.Transpose(g, w.ScratchU2, i, j) + InterpY_cfc.Transpose(g, w.ScratchV2, i, j);
        }
    }
}
