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

    /// <summary>
    /// The transpose followed by one pass of a Runge–Kutta reverse sweep
    /// (<see cref="Rk4Step{TTendency}"/>): with <c>x̄ = f_x(x, θ)ᵀ t̄</c>, accumulates
    /// <c>θ̄ += f_θ(x, θ)ᵀ t̄</c> and <c>λ += x̄</c>, and writes <c>next = p·w + q·x̄</c> (the next
    /// stage's <c>t̄</c>), element by element in that order. The default runs
    /// <see cref="Adjoint"/> into <paramref name="scratch"/> (cleared first) and then the pass; a
    /// tendency may override it to apply the pass as it produces <c>x̄</c>, saving a pass over
    /// memory, with the same per-element operations.
    /// </summary>
    /// <param name="x">Linearisation point.</param>
    /// <param name="theta">Parameters.</param>
    /// <param name="tendencyBar"><c>t̄</c>; never aliases <paramref name="next"/>.</param>
    /// <param name="thetaBar">Accumulates <c>f_θᵀ t̄</c>.</param>
    /// <param name="lambda">Accumulates <c>x̄</c>.</param>
    /// <param name="w">The vector <c>w</c> of <c>next = p·w + q·x̄</c>.</param>
    /// <param name="p">Weight of <paramref name="w"/>.</param>
    /// <param name="q">Weight of <c>x̄</c>.</param>
    /// <param name="next">Receives <c>p·w + q·x̄</c>.</param>
    /// <param name="scratch">Work space of the state length for the default implementation.</param>
    void AdjointAndSweep(ReadOnlySpan<double> x, ReadOnlySpan<double> theta, ReadOnlySpan<double> tendencyBar,
        Span<double> thetaBar, Span<double> lambda, ReadOnlySpan<double> w, double p, double q, Span<double> next, Span<double> scratch)
    {
        int n = StateLength;
        scratch = scratch[..n];
        scratch.Clear();
        Adjoint(x, theta, tendencyBar, scratch, thetaBar);
        for (int i = 0; i < n; i++)
        {
            lambda[i] += scratch[i];
            next[i] = p * w[i] + q * scratch[i];
        }
    }
}
