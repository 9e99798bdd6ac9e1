using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;
using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// Laplacian (harmonic) momentum viscosity <c>∂𝐮/∂t += ν ∇²𝐮 = ν (∇D − ∇×ζ𝐤)</c> (m s⁻²), with
/// <c>ν</c> in m² s⁻¹, through <see cref="VectorLaplacian"/>; free slip at walls.
/// </summary>
/// <remarks>
/// Munk (1950), J. Meteor. 7:79–93: lateral friction that closes the western boundary layer of width
/// <c>(ν/β)^(1/3)</c>. Linear in the state: the adjoint is <c>ν Lᵀ</c>, and <c>ν̄ = Σ L(𝐮)·Ḡ</c>.
/// Parameter: <see cref="ShallowWaterParameterNames.LaplacianViscosity"/>.
/// </remarks>
/// <param name="Viscosity">Viscosity <c>ν</c> (m² s⁻¹), ≥ 0.</param>
public readonly record struct LaplacianViscosity(double Viscosity) : IShallowWaterTerm
{
    /// <inheritdoc/>
    public string Name => "laplacian_viscosity";

    /// <inheritdoc/>
    public ParameterSpec? Parameter => new(ShallowWaterParameterNames.LaplacianViscosity, "ν", "m2 s-1", Viscosity, 0.0, 1e7,
        "Harmonic lateral momentum viscosity nu in nu laplacian(u); Munk boundary-layer width (nu/beta)^(1/3).");

    /// <inheritdoc/>
    public void AddTendency<T, TView>(ShallowWaterWorkspace<T> work, in ShallowWaterViews<T, TView> w, T theta)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
        => VectorLaplacian.Apply(work, w, w.U, w.V, theta, w.Gu, w.Gv);

    /// <inheritdoc/>
    public void AddAdjoint<T, TView>(ShallowWaterWorkspace<T> work, in ShallowWaterViews<T, TView> w, T theta, TView thetaDensity)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        ArgumentNullException.ThrowIfNull(work);
        work.Zero<TView>(work.ScratchU);
        work.Zero<TView>(work.ScratchV);
        VectorLaplacian.Apply(work, w, w.U, w.V, T.One, w.ScratchU, w.ScratchV);
        work.Launch(new ShallowWaterCore.DotKernel<T, TView>(w.ScratchU, w.Au, w.ScratchV, w.Av, T.One, thetaDensity));
        VectorLaplacian.Transpose(work, w, w.Au, w.Av, theta, w.Xu, w.Xv);
    }
}
