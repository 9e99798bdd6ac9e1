using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;
using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// Biharmonic momentum viscosity <c>∂𝐮/∂t += −ν₄ ∇⁴𝐮 = −ν₄ L(L(𝐮))</c> (m s⁻²), <c>ν₄</c> in m⁴ s⁻¹,
/// with <c>L</c> the <see cref="VectorLaplacian"/> applied twice (free slip).
/// </summary>
/// <remarks>
/// Scale-selective dissipation of grid-scale enstrophy (e.g. Griffies &amp; Hallberg 2000, Mon. Wea.
/// Rev. 128:2935–2946). Linear: adjoint <c>−ν₄ Lᵀ Lᵀ</c>, <c>ν̄₄ = −Σ L(𝐮)·Lᵀ Ḡ</c>.
/// Parameter: <see cref="ShallowWaterParameterNames.BiharmonicViscosity"/>, <c>ν₄</c> in units of 10¹² m⁴ s⁻¹ (so that
/// typical values are O(1)–O(100) and the gradient checks difference it at a sensible scale).
/// </remarks>
/// <param name="Viscosity">Biharmonic viscosity <c>ν₄</c> (m⁴ s⁻¹), ≥ 0.</param>
public readonly record struct BiharmonicViscosity(double Viscosity) : IShallowWaterTerm
{
    /// <inheritdoc/>
    public string Name => "biharmonic_viscosity";

    /// <inheritdoc/>
    public ParameterSpec? Parameter => new(ShallowWaterParameterNames.BiharmonicViscosity, "ν₄", "1e12 m4 s-1", Viscosity / Scale, 0.0, 1e4,
        "Biharmonic lateral momentum viscosity nu4 in -nu4 laplacian^2(u), in units of 1e12 m4 s-1: scale-selective grid-scale dissipation.");

    /// <summary>The unit of the parameter, 10¹² m⁴ s⁻¹: <c>ν₄ = θ × 10¹²</c>.</summary>
    public const double Scale = 1e12;

    /// <inheritdoc/>
    public void AddTendency<T, TView>(ShallowWaterWorkspace<T> work, in ShallowWaterViews<T, TView> w, T theta)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        ArgumentNullException.ThrowIfNull(work);
        work.Zero<TView>(work.ScratchU2);
        work.Zero<TView>(work.ScratchV2);
        VectorLaplacian.Apply(work, w, w.U, w.V, T.One, w.ScratchU2, w.ScratchV2);
        work.ScratchU2.FillHalo();
        work.ScratchV2.FillHalo();
        VectorLaplacian.Apply(work, w, w.ScratchU2, w.ScratchV2, -(theta * T.FromDouble(Scale)), w.Gu, w.Gv);
    }

    /// <inheritdoc/>
    public void AddAdjoint<T, TView>(ShallowWaterWorkspace<T> work, in ShallowWaterViews<T, TView> w, T theta, TView thetaDensity)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        ArgumentNullException.ThrowIfNull(work);
        work.Zero<TView>(work.ScratchU);
        work.Zero<TView>(work.ScratchV);
        VectorLaplacian.Transpose(work, w, w.Au, w.Av, T.One, w.ScratchU, w.ScratchV);
        work.ScratchU.FillHalo();
        work.ScratchV.FillHalo();
        VectorLaplacian.Transpose(work, w, w.ScratchU, w.ScratchV, -(theta * T.FromDouble(Scale)), w.Xu, w.Xv);
        work.Zero<TView>(work.ScratchU2);
        work.Zero<TView>(work.ScratchV2);
        VectorLaplacian.Apply(work, w, w.U, w.V, T.One, w.ScratchU2, w.ScratchV2);
        work.Launch(new ShallowWaterCore.DotKernel<T, TView>(w.ScratchU2, w.ScratchU, w.ScratchV2, w.ScratchV, -T.FromDouble(Scale), thetaDensity));
    }
}
