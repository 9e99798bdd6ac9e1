using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.Models;

/// <summary>
/// What the scenario layer and <c>climatead describe</c> need to know about a model before
/// running it: its name in scenario files, a one-line summary, its documentation page, its
/// parameter table, the time integrators it offers and the variables it can write.
/// </summary>
/// <param name="Name">Value of <c>model.name</c> in scenario files, e.g. <c>ebm-two-layer</c>.</param>
/// <param name="Summary">One line saying what the model is, with its reference.</param>
/// <param name="DocPage">Path of the model's page under <c>docs/models/</c>.</param>
/// <param name="Parameters">Parameter table (θ order).</param>
/// <param name="Integrators">Names accepted by <c>model.integrator</c>; the first is the default.</param>
/// <param name="Variables">Variables accepted in <c>output.variables</c>.</param>
public sealed record ModelDescriptor(
    string Name,
    string Summary,
    string DocPage,
    ParameterTable Parameters,
    IReadOnlyList<string> Integrators,
    IReadOnlyList<OutputVariable> Variables)
{
    /// <summary>What <c>[time]</c> counts in; <see cref="ModelTimeUnit.Year"/> unless the model says otherwise.</summary>
    public ModelTimeUnit TimeUnit { get; init; } = ModelTimeUnit.Year;

    /// <summary>Whether the model takes an external forcing (<c>[forcing]</c> required); otherwise <c>[forcing]</c> is an error.</summary>
    public bool UsesForcing { get; init; } = true;

    /// <summary>Whether <c>[ensemble]</c> is supported.</summary>
    public bool SupportsEnsemble { get; init; } = true;

    /// <summary>Structural settings accepted in <c>[model]</c> besides name, integrator and device.</summary>
    public IReadOnlyList<ModelSetting> Settings { get; init; } = [];

    /// <summary>Settings accepted in <c>[initial]</c>.</summary>
    public IReadOnlyList<ModelSetting> InitialSettings { get; init; } = [];

    /// <summary>
    /// Optional input files named in <c>[model]</c> (name → what the file is), e.g. a trained closure
    /// network; relative to the scenario's folder, checked to exist when the scenario is loaded.
    /// </summary>
    public IReadOnlyDictionary<string, string> FileSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Diagnostics accepted in <c>[sensitivity] diagnostic</c>; empty when the model offers none.</summary>
    public IReadOnlyList<string> SensitivityDiagnostics { get; init; } = [];

    /// <summary>
    /// Whether the sensitivity runs through the checkpointed trajectory runner, so that
    /// <c>[sensitivity]</c> may set <c>memory_budget_mb</c> and <c>disk_snapshots</c>.
    /// </summary>
    public bool CheckpointedSensitivity { get; init; }

    /// <summary>
    /// Whether the model runs on an NVIDIA GPU (grid models through ILGPU's CUDA backend); otherwise
    /// it runs on the CPU only, <c>device = "cuda"</c> is an error and <c>auto</c> means the CPU.
    /// </summary>
    public bool SupportsCuda { get; init; }

    /// <summary>Parameters a <c>[sweep]</c> may follow equilibria in; empty when the model has no equilibrium sweep.</summary>
    public IReadOnlyList<string> SweepParameters { get; init; } = [];
}
