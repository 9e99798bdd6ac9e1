using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.Lorenz96;

/// <summary>
/// A point-wise closure <c>S(X_k; φ)</c> for the unresolved fast scales of the one-scale
/// Lorenz-96 model, <c>dX_k/dt = −X_{k−1}(X_{k−2} − X_{k+1}) − X_k + F + S(X_k; φ)</c>
/// (Wilks 2005, Q. J. R. Meteorol. Soc. 131:389–407). <c>S</c> depends on the local slow variable
/// only. A classical polynomial (<see cref="CubicSubgridTerm"/>) and a learned network implement
/// the same interface; <c>null</c> in the model's slot means no term.
/// </summary>
/// <remarks>
/// Besides the value, a term supplies <c>∂S/∂X</c> (used by both the tangent and the adjoint of the
/// model), the directional derivative along <c>δφ</c> (tangent) and the transpose
/// <c>φ̄ += s̄ (∂S/∂φ)ᵀ</c> (adjoint). Implementations must not allocate, must be deterministic
/// and must treat all inputs as read-only.
/// </remarks>
public interface ISubgridTerm
{
    /// <summary>Declarations of <c>φ</c>, in order; appended after F in the one-scale model's θ.</summary>
    ParameterTable Parameters { get; }

    /// <summary><c>S(x; φ)</c>.</summary>
    double Evaluate(double x, ReadOnlySpan<double> phi);

    /// <summary><c>∂S/∂x (x; φ)</c>.</summary>
    double Derivative(double x, ReadOnlySpan<double> phi);

    /// <summary><c>(∂S/∂φ)(x; φ) · δφ</c>.</summary>
    double ParameterTangent(double x, ReadOnlySpan<double> phi, ReadOnlySpan<double> dPhi);

    /// <summary>Accumulates <c>φ̄ += s̄ (∂S/∂φ)(x; φ)ᵀ</c>.</summary>
    void AddParameterAdjoint(double x, ReadOnlySpan<double> phi, double sBar, Span<double> phiBar);
}
