namespace ClimateAD.IO.Scenarios;

/// <summary>
/// <c>[sensitivity]</c>: after the run, compute the gradient of a scalar diagnostic J with respect
/// to every model parameter and to the forcing time series with the model's adjoint, and write it
/// to the output file's <c>sensitivity</c> group.
/// <code>
/// [sensitivity]
/// diagnostic = "mean_tas"     # mean upper-layer temperature anomaly over the period (K)
/// period = [2081, 2100]       # first and last year, inclusive, inside the simulated years
/// memory_budget_mb = 64       # optional, checkpointed models only: snapshot memory for the reverse run
/// disk_snapshots = 0          # optional, checkpointed models only: extra HDF5 snapshot slots on disk
/// </code>
/// </summary>
/// <param name="Diagnostic">Name of the diagnostic, one of the model's <c>SensitivityDiagnostics</c>
/// (ebm-two-layer: <c>mean_tas</c>; lorenz96-two-scale: <c>mean_x</c>, the mean of X over k and the steps).</param>
/// <param name="FirstYear">First year of the averaging period.</param>
/// <param name="LastYear">Last year of the averaging period, inclusive.</param>
public sealed record SensitivitySpec(string Diagnostic, int FirstYear, int LastYear)
{
    /// <summary>
    /// <c>memory_budget_mb</c> (models with a checkpointed adjoint): the snapshot memory the reverse run
    /// may use, bytes; <c>null</c> = store every state.
    /// </summary>
    public long? MemoryBudgetBytes { get; init; }

    /// <summary><c>disk_snapshots</c>: extra snapshot slots on disk (HDF5) when the budget is tight; default 0.</summary>
    public int DiskSnapshots { get; init; }
}
