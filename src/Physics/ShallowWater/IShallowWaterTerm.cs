using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;
using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// One term of the shallow-water tendency <c>∂(h, u, v)/∂t = Σ terms</c>: a small immutable struct that
/// launches kernels accumulating its contribution into <c>Gh, Gu, Gv</c>, and the adjoint of that
/// contribution into <c>Xh, Xu, Xv</c> (gather form, no atomics). A term owns at most one
/// parameter <c>θ</c> (its coefficient), whose gradient density it accumulates point by point.
/// </summary>
/// <remarks>
/// Contract (DESIGN.md §3): the tendency is generic over the scalar, so running it on
/// <see cref="Dual{T}"/> gives its tangent; <see cref="AddAdjoint{T, TView}"/> is the exact transpose of
/// that tangent at the same state. Before either call the state's halos are filled and the shared
/// diagnostics (<c>TransportU, TransportV, Pv, Kinetic</c>) are current; before the adjoint the halos
/// of <c>Ah, Au, Av</c> are filled too.
/// </remarks>
public interface IShallowWaterTerm
{
    /// <summary>Short name of the term (the slot), e.g. <c>laplacian_viscosity</c>.</summary>
    string Name { get; }

    /// <summary>The term's parameter, with its default from the term's value; <c>null</c> when it has none.</summary>
    ParameterSpec? Parameter { get; }

    /// <summary>Accumulates the term's tendency into <c>Gh, Gu, Gv</c>.</summary>
    /// <param name="work">Workspace (device, scratch fields).</param>
    /// <param name="w">Views.</param>
    /// <param name="theta">The parameter value (ignored without a parameter).</param>
    void AddTendency<T, TView>(ShallowWaterWorkspace<T> work, in ShallowWaterViews<T, TView> w, T theta)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>;

    /// <summary>
    /// Accumulates the transpose of the term's Jacobian applied to <c>(Ah, Au, Av)</c> into <c>Xh, Xu, Xv</c>,
    /// and the point-wise density of <c>∂J/∂θ = Σ (∂G/∂θ)·Ḡ</c> into <paramref name="thetaDensity"/> (ccc storage).
    /// </summary>
    void AddAdjoint<T, TView>(ShallowWaterWorkspace<T> work, in ShallowWaterViews<T, TView> w, T theta, TView thetaDensity)
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>;
}
