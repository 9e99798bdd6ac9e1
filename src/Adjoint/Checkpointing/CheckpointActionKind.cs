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

    /// <summary>Reverse step <c>Step</c>: <c>λ[n] = M_xᵀ λ[n+1] + ∂J/∂x[n]</c>, <c>θ̄ += M_θᵀ λ[n+1]</c> at the current state <c>x[n]</c>.</summary>
    ReverseStep,
}
