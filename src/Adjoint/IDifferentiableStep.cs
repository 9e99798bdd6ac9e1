namespace ClimateAD.Adjoint;

/// <summary>
/// One time step of a discrete model, <c>x[n+1] = M(x[n], θ, n)</c>, with its tangent (JVP) and
/// adjoint (VJP). This is the only thing the adjoint core knows about a model: state and
/// parameters are flat <see cref="double"/> vectors, and the step index <c>n</c> carries any
/// time-dependent forcing <c>f[n]</c>.
/// </summary>
/// <remarks>
/// <para>Tangent: <c>δx[n+1] = M_x δx[n] + M_θ δθ</c>. Adjoint: <c>λ[n] = M_xᵀ λ[n+1]</c>,
/// <c>θ̄ += M_θᵀ λ[n+1]</c> (DESIGN.md §3; Griewank &amp; Walther, <i>Evaluating Derivatives</i>,
/// 2nd ed., SIAM 2008, ch. 3). The dot-product identity
/// <c>⟨M_x δx + M_θ δθ, λ⟩ = ⟨δx, M_xᵀ λ⟩ + ⟨δθ, M_θᵀ λ⟩</c> is checked for every registered step by
/// <see cref="Verification.GradientChecker"/>.</para>
/// <para>Output conventions (the usual AD convention, e.g. Tapenade): <see cref="Forward"/> and
/// <see cref="Tangent"/> <em>write</em> their output; <see cref="Adjoint"/> <em>accumulates</em>
/// into both <c>λ</c> and <c>θ̄</c>, so adjoints of terms that are summed can simply be summed.
/// Callers that want <c>λ = M_xᵀ λ[n+1]</c> pass a zeroed <c>λ</c> (the runner does). The harness
/// pre-fills outputs to detect implementations that break these conventions.</para>
/// <para>Checkpointing copies the state vector and nothing else, so everything the step needs to
/// continue must be in <c>x</c>. A model with history (leapfrog's <c>x[n−1]</c>, Adams–Bashforth
/// tendencies, a sea-ice mask that is not a function of the current fields) exposes it as extra
/// components of an augmented state vector, included in <see cref="StateLength"/>; its tangent
/// and adjoint then cover those components like any other. Quantities that are pure functions of
/// <c>(x[n], θ, n)</c> (diagnostics, intermediate stages) are recomputed, not stored.</para>
/// <para>Implementations must not allocate per call, must be deterministic (bit-for-bit the same
/// result for the same inputs: no floating-point atomics), and must treat all inputs as
/// read-only. Each call linearises at the <c>x</c> passed; <see cref="Adjoint"/> recomputes any
/// intermediate values of the step it needs from <c>x[n]</c>, which is the "taping" forward
/// evaluation of Revolve's reverse step. A step that can instead record those intermediates in the
/// forward sweep implements <see cref="ITapedStep"/>, for schedules with tape slots.</para>
/// </remarks>
public interface IDifferentiableStep
{
    /// <summary>Length of the state vector <c>x</c>, including any augmented history components.</summary>
    int StateLength { get; }

    /// <summary>Length of the parameter vector <c>θ</c> (may be zero).</summary>
    int ParameterLength { get; }

    /// <summary>Forward map: writes <c>xNext = M(x, θ, n)</c>.</summary>
    /// <param name="n">Step index, <c>0 ≤ n</c>; selects the forcing <c>f[n]</c>.</param>
    /// <param name="x">State <c>x[n]</c> (read-only).</param>
    /// <param name="theta">Parameters <c>θ</c> (read-only).</param>
    /// <param name="xNext">Receives <c>x[n+1]</c>; never aliases <paramref name="x"/>.</param>
    void Forward(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, Span<double> xNext);

    /// <summary>Tangent (JVP): writes <c>δxNext = M_x(x, θ, n) δx + M_θ(x, θ, n) δθ</c>.</summary>
    /// <param name="n">Step index.</param>
    /// <param name="x">Linearisation point <c>x[n]</c>.</param>
    /// <param name="theta">Parameters <c>θ</c>.</param>
    /// <param name="dx">State perturbation <c>δx[n]</c>.</param>
    /// <param name="dTheta">Parameter perturbation <c>δθ</c>.</param>
    /// <param name="dxNext">Receives <c>δx[n+1]</c> (written, not accumulated).</param>
    void Tangent(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> dx, ReadOnlySpan<double> dTheta, Span<double> dxNext);

    /// <summary>
    /// Adjoint (VJP): accumulates <c>λ += M_x(x, θ, n)ᵀ λNext</c> and <c>θ̄ += M_θ(x, θ, n)ᵀ λNext</c>.
    /// </summary>
    /// <param name="n">Step index.</param>
    /// <param name="x">Linearisation point <c>x[n]</c>.</param>
    /// <param name="theta">Parameters <c>θ</c>.</param>
    /// <param name="lambdaNext">Adjoint state <c>λ[n+1]</c> (read-only).</param>
    /// <param name="lambda">Accumulates <c>M_xᵀ λ[n+1]</c>; never aliases <paramref name="lambdaNext"/>.</param>
    /// <param name="thetaBar">Accumulates <c>M_θᵀ λ[n+1]</c>.</param>
    void Adjoint(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> lambdaNext, Span<double> lambda, Span<double> thetaBar);
}
