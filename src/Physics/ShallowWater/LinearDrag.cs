using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;
using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// Linear (Rayleigh) bottom drag <c>∂𝐮/∂t += −r 𝐮</c> (m s⁻²) with the rate <c>r = 1/τ_d</c> set by the
/// damping time <c>τ_d</c> (s).
/// </summary>
/// <remarks>
/// Stommel (1948), Trans. Amer. Geophys. Union 29:202–206: bottom friction that closes the western
/// boundary layer of width <c>r/β</c>. Diagonal, self-adjoint; <c>τ̄_d = Σ (u Ḡ_u + v Ḡ_v)/τ_d²</c>.
/// Parameter: <see cref="ShallowWaterParameterNames.LinearDrag"/> (a time, so that it is O(1) or larger in SI units).
/// </remarks>
/// <param name="DampingTime">Damping time <c>τ_d = 1/r</c> (s), positive.</param>
public readonly record struct LinearDrag(double DampingTime) : IShallowWaterTerm
{
    /// <inheritdoc/>
    public string Name => "linear_drag";

    /// <inheritdoc/>
    public ParameterSpec? Parameter => new(ShallowWaterParameterNames.LinearDrag, "τ_d", "s", DampingTime, 60.0, 1e12,
        "Damping time 1/r of the linear bottom drag -u/tau_d (Stommel 1948); Stommel boundary-layer width 1/(beta tau_d).");

    /// <inheritdoc/>
    public void AddTendency<T, TView>(ShallowWaterWorkspace<T> work, in ShallowWaterViews<T, TView> w, T theta)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => work.Launch(new Kernel<T, TView>(w, T.One / theta));

    /// <inheritdoc/>
    public void AddAdjoint<T, TView>(ShallowWaterWorkspace<T> work, in ShallowWaterViews<T, TView> w, T theta, TView thetaDensity)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        T rate = T.One / theta;
        work.Launch(new AdjointKernel<T, TView>(w, rate, rate * rate, thetaDensity));
    }

    /// <summary>The forward kernel.</summary>
    public readonly struct Kernel<T, TView>(ShallowWaterViews<T, TView> w, T rate) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            ref T gu = ref w.Gu.At(i, j);
            gu -= rate * w.G.Mask_fcc(i, j) * w.U.At(i, j);
            ref T gv = ref w.Gv.At(i, j);
            gv -= rate * w.G.Mask_cfc(i, j) * w.V.At(i, j);
        }
    }

    /// <summary>The adjoint kernel.</summary>
    /// <param name="w">Views.</param>
    /// <param name="rate">Drag rate <c>r = 1/τ_d</c>.</param>
    /// <param name="rateSquared"><c>r² = −∂r/∂τ_d</c>.</param>
    /// <param name="thetaDensity">Accumulates the damping-time gradient density.</param>
    public readonly struct AdjointKernel<T, TView>(ShallowWaterViews<T, TView> w, T rate, T rateSquared, TView thetaDensity) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            T au = w.G.Mask_fcc(i, j) * w.Au.At(i, j), av = w.G.Mask_cfc(i, j) * w.Av.At(i, j);
            ref T xu = ref w.Xu.At(i, j);
            xu -= rate * au;
            ref T xv = ref w.Xv.At(i, j);
            xv -= rate * av;
            ref T p = ref thetaDensity.At(i, j);
            p += rateSquared * (au * w.U.At(i, j) + av * w.V.At(i, j));
        }
    }
}
