namespace ClimateAD.Physics.Lorenz96;

/// <summary>
/// The right-hand side <c>dx/dt = f(x, θ)</c> of an autonomous ODE with its tangent and transpose,
/// the building block a Runge–Kutta step (<see cref="Rk4Step{TTendency}"/>) composes into an
/// <see cref="ClimateAD.Adjoint.IDifferentiableStep"/>.
/// </summary>
/// <remarks>
/// Conventions follow <see cref="ClimateAD.Adjoint.IDifferentiableStep"/>: <see cref="Evaluate"/>
/// and <see cref="Tangent"/> write their output, <see cref="Adjoint"/> accumulates into both
/// <c>x̄</c> and <c>θ̄</c>. Implementations must not allocate, must be deterministic and must
/// treat inputs as read-only.
/// </remarks>
public interface IDifferentiableTendency
{
    /// <summary>Length of the state <c>x</c>.</summary>
    int StateLength { get; }

    /// <summary>Length of the parameter vector <c>θ</c>.</summary>
    int ParameterLength { get; }

    /// <summary>Writes <c>tendency = f(x, θ)</c>.</summary>
    void Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> theta, Span<double> tendency);

    /// <summary>Writes <c>dTendency = f_x(x, θ) δx + f_θ(x, θ) δθ</c>.</summary>
    void Tangent(ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> dx, ReadOnlySpan<double> dTheta, Span<double> dTendency);

    /// <summary>Accumulates <c>x̄ += f_x(x, θ)ᵀ t̄</c> and <c>θ̄ += f_θ(x, θ)ᵀ t̄</c>, <c>t̄</c> = <paramref name="tendencyBar"/>.</summary>
    void Adjoint(ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> tendencyBar, Span<double> xBar, Span<double> thetaBar);
}
