using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;
using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// Relaxation of the thickness towards a target field: <c>∂h/∂t += (h* − h)/τ</c> (m s⁻¹), with the
/// relaxation time <c>τ</c> (s) and <c>h*</c> the configuration's <see cref="ShallowWaterConfiguration.RelaxationTarget"/>.
/// </summary>
/// <remarks>
/// Newtonian relaxation as a stand-in for diabatic forcing (e.g. the mass source of forced
/// shallow-water turbulence, Scott &amp; Polvani 2007, J. Atmos. Sci. 64:3158–3176). Changes the total
/// volume by <c>Σ A (h* − h)/τ</c>. Adjoint: <c>h̄ −= Ḡ_h/τ</c>, <c>τ̄ = −Σ (h* − h) Ḡ_h/τ²</c>.
/// Parameter: <see cref="ShallowWaterParameterNames.Relaxation"/>.
/// </remarks>
/// <param name="RelaxationTime">Relaxation time <c>τ</c> (s), positive.</param>
public readonly record struct HeightRelaxation(double RelaxationTime) : IShallowWaterTerm
{
    /// <inheritdoc/>
    public string Name => "thickness_relaxation";

    /// <inheritdoc/>
    public ParameterSpec? Parameter => new(ShallowWaterParameterNames.Relaxation, "τ", "s", RelaxationTime, 60.0, 1e12,
        "Time scale tau of the relaxation (h* - h)/tau of the layer thickness towards the target field h*.");

    /// <inheritdoc/>
    public void AddTendency<T, TView>(ShallowWaterWorkspace<T> work, in ShallowWaterViews<T, TView> w, T theta)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => work.Launch(new Kernel<T, TView>(w, T.One / theta));

    /// <inheritdoc/>
    public void AddAdjoint<T, TView>(ShallowWaterWorkspace<T> work, in ShallowWaterViews<T, TView> w, T theta, TView thetaDensity)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        T rate = T.One / theta;
        work.Launch(new AdjointKernel<T, TView>(w, rate, -(rate * rate), thetaDensity));
    }

    /// <summary>The forward kernel.</summary>
    public readonly struct Kernel<T, TView>(ShallowWaterViews<T, TView> w, T rate) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            ref T gh = ref w.Gh.At(i, j);
            gh += rate * w.G.Mask_ccc(i, j) * (w.HTarget.At(i, j) - w.H.At(i, j));
        }
    }

    /// <summary>The adjoint kernel.</summary>
    /// <param name="w">Views.</param>
    /// <param name="rate">Relaxation rate <c>1/τ</c>.</param>
    /// <param name="rateDerivative"><c>∂(1/τ)/∂τ = −1/τ²</c>.</param>
    /// <param name="thetaDensity">Accumulates the relaxation-time gradient density.</param>
    public readonly struct AdjointKernel<T, TView>(ShallowWaterViews<T, TView> w, T rate, T rateDerivative, TView thetaDensity) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            T a = w.G.Mask_ccc(i, j) * w.Ah.At(i, j);
            ref T xh = ref w.Xh.At(i, j);
            xh -= rate * a;
            ref T p = ref thetaDensity.At(i, j);
            p += rateDerivative * (w.HTarget.At(i, j) - w.H.At(i, j)) * a;
        }
    }
}
