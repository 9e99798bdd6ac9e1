namespace ClimateAD.Adjoint;

/// <summary>
/// An <see cref="IDifferentiableStep"/> that can record, while it runs the forward map, the
/// intermediate values its adjoint needs (its "tape": stage states of a Runge–Kutta step, say),
/// and run the adjoint from that record instead of recomputing them. A checkpointing schedule
/// with tape slots (<see cref="Checkpointing.StoreAllSchedule.CreateTaped"/>) then needs no
/// taping evaluation in the reverse sweep: memory traded for the re-evaluation of the step
/// (Griewank &amp; Walther, <i>Evaluating Derivatives</i>, 2nd ed., SIAM 2008, §12.2).
/// </summary>
/// <remarks>
/// Contract, on top of <see cref="IDifferentiableStep"/>'s: <see cref="ForwardTaped"/> writes
/// bit-for-bit the same <c>x[n+1]</c> as <see cref="IDifferentiableStep.Forward"/>, and
/// <see cref="AdjointTaped"/> given a tape recorded at the same <c>(n, x, θ)</c> accumulates
/// bit-for-bit what <see cref="IDifferentiableStep.Adjoint"/> accumulates. So gradients do not
/// depend on whether a schedule tapes or recomputes; <see cref="Verification.GradientChecker"/>
/// checks both identities for every registered step that implements this interface.
/// The tape is opaque to the caller: <see cref="TapeLength"/> doubles it stores and hands back
/// unchanged.
/// </remarks>
public interface ITapedStep : IDifferentiableStep
{
    /// <summary>Doubles of tape one step records (&gt; 0).</summary>
    int TapeLength { get; }

    /// <summary>Forward map that also records the step's tape: writes <c>xNext = M(x, θ, n)</c> and <paramref name="tape"/>.</summary>
    /// <param name="n">Step index.</param>
    /// <param name="x">State <c>x[n]</c> (read-only).</param>
    /// <param name="theta">Parameters <c>θ</c> (read-only).</param>
    /// <param name="xNext">Receives <c>x[n+1]</c>; never aliases <paramref name="x"/>.</param>
    /// <param name="tape">Receives the tape (length <see cref="TapeLength"/>).</param>
    void ForwardTaped(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, Span<double> xNext, Span<double> tape);

    /// <summary>
    /// Adjoint from a recorded tape: accumulates <c>λ += M_xᵀ λNext</c>, <c>θ̄ += M_θᵀ λNext</c> at
    /// <c>x[n]</c> without re-running the forward map.
    /// </summary>
    /// <param name="n">Step index.</param>
    /// <param name="x">Linearisation point <c>x[n]</c>, the state the tape was recorded from.</param>
    /// <param name="theta">Parameters <c>θ</c>, those the tape was recorded with.</param>
    /// <param name="tape">The tape <see cref="ForwardTaped"/> wrote for <c>(n, x, θ)</c>.</param>
    /// <param name="lambdaNext">Adjoint state <c>λ[n+1]</c> (read-only).</param>
    /// <param name="lambda">Accumulates <c>M_xᵀ λ[n+1]</c>.</param>
    /// <param name="thetaBar">Accumulates <c>M_θᵀ λ[n+1]</c>.</param>
    void AdjointTaped(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, ReadOnlySpan<double> tape,
        ReadOnlySpan<double> lambdaNext, Span<double> lambda, Span<double> thetaBar);
}
