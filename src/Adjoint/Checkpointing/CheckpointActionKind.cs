namespace ClimateAD.Adjoint.Checkpointing;

/// <summary>What a <see cref="CheckpointAction"/> does.</summary>
public enum CheckpointActionKind
{
    /// <summary>Run the forward map from step <c>Step</c> to step <c>EndStep</c> (<c>EndStep − Step</c> forward steps).</summary>
    Advance,

    /// <summary>Copy the current state <c>x[Step]</c> into snapshot slot <c>Slot</c> of level <c>Level</c>.</summary>
    Store,

    /// <summary>Copy snapshot slot <c>Slot</c> of level <c>Level</c>, which holds <c>x[Step]</c>, into the current state.</summary>
    Restore,

    /// <summary>
    /// Reverse step <c>Step</c>: <c>λ[n] = M_xᵀ λ[n+1] + ∂J/∂x[n]</c>, <c>θ̄ += M_θᵀ λ[n+1]</c> at the
    /// current state <c>x[n]</c>; from the tape in tape slot <c>Slot</c> when <c>Slot ≥ 0</c>, else
    /// re-evaluating the step (Revolve's taping evaluation).
    /// </summary>
    ReverseStep,

    /// <summary>
    /// Run the one forward step <c>Step</c> from the current state <c>x[Step]</c> while recording its tape
    /// (<see cref="ITapedStep"/>) in RAM tape slot <c>Slot</c>; <c>x[Step + 1]</c> becomes current.
    /// </summary>
    Tape,
}
