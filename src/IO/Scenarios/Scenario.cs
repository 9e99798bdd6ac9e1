using ClimateAD.Physics.Models;
using ClimateAD.Physics.Parameters;

namespace ClimateAD.IO.Scenarios;

/// <summary>
/// A validated scenario: everything the runner needs, typed and resolved, produced by
/// <see cref="ScenarioLoader"/> from a TOML file. All checks are done before this object exists,
/// so a run never starts from a half-valid scenario.
/// <para>Schema (every key is checked; unknown keys are errors with a suggestion):</para>
/// <code>
/// # comment header saying what the scenario shows (by convention)
/// [scenario]
/// name = "quickstart"          # required; letters, digits, _ . + -
/// description = "..."          # optional
/// [model]
/// name = "ebm-two-layer"       # required; one of ModelCatalog.Names
/// integrator = "exact"         # optional; one of the model's integrators, default the first
/// device = "auto"              # optional: auto | cpu | cuda (default auto)
///                              # plus the model's structural settings (ModelDescriptor.Settings),
///                              # e.g. lorenz96-two-scale: slow_variables = 36, fast_per_slow = 10
/// [parameters]                 # optional overrides, any parameter of the model, within its bounds
/// climate_feedback = 1.2
/// [time]
/// start = 1850                 # required integer: first simulated year (calendar, or model year 1)
/// end = 2100                   # required integer: last simulated year, inclusive, ≥ start
/// step = 1.0                   # optional, years (default 1); 1/step must be a whole number
///                              # (models with their own time unit count in it: Lorenz-96 in MTU)
/// [forcing]                    # required when the model uses forcing, an error otherwise
/// type = "erf"                 # required: erf | abrupt-co2 | ramp-co2
/// [[forcing.source]]           # erf only, one or more, spliced in order, no gaps or overlaps
/// file = "../data/igcc2024-erf/ERF_best_aggregates_1750-2024.csv"  # relative to this file's folder
/// last_year = 2024             # optional first_year / last_year (defaults: after the previous
///                              # source / the file's last year); together they must cover start..end
/// # abrupt-co2: co2_multiple = 4.0           (> 0, default 4; F = F4x ln(m)/ln 4 from the start)
/// # ramp-co2:   rate_percent_per_year = 1.0  (> 0, ≤ 100, default 1; C = C0 (1+r)^t)
/// [initial]                    # optional: the model's InitialSettings (defaults apply)
/// tas = 0.0                    # ebm-two-layer: tas, tas_deep (K); lorenz96-two-scale: spinup (MTU), seed
/// [ensemble]                   # optional
/// members = 1000               # required in [ensemble], ≥ 1
/// seed = 1                     # optional, default 1
/// sample = ["climate_feedback"]  # optional; parameters with a prior, drawn from it truncated to bounds
/// [output]
/// file = "output/quickstart.nc"  # optional (default output/&lt;name&gt;.nc), relative to the current directory
/// variables = ["tas", "erf"]   # required, non-empty, from the model's variables
/// interval = 1.0               # optional (default 1), years between records, a multiple of step;
///                              # each record is the mean over the interval
/// [[plot]]                     # optional, zero or more
/// file = "output/quickstart.png" # required, .png, relative to the current directory
/// variable = "tas"             # required, one of output.variables
/// title = "..."                # optional
/// reference_period = [1850, 1900]  # optional, inside start..end (and the observations)
/// [plot.observations]          # optional
/// file = "../data/hadcrut5/HadCRUT.5.0.2.0.analysis.summary_series.global.annual.csv"
/// kind = "hadcrut5"            # hadcrut5 | igcc-gmst | ohc-ar6 | ohc-igcc; units must match the variable
/// label = "HadCRUT5"           # optional
/// first_year = 1850            # optional first_year / last_year: use only these years
/// layer = "Full-depth"         # ohc kinds only: 0-700m | 700-2000m | >2000m | Full-depth
/// </code>
/// Input paths are resolved against the scenario file's folder; output paths against the current
/// directory (the CLI may override them).
/// </summary>
/// <param name="File">Absolute path of the scenario file.</param>
/// <param name="DisplayFile">The scenario file as the user named it (used in messages).</param>
/// <param name="Text">Full text of the scenario file, for the output file's attributes.</param>
/// <param name="Name">scenario.name.</param>
/// <param name="Description">scenario.description, or <c>null</c>.</param>
/// <param name="Model">The model.</param>
/// <param name="Integrator">model.integrator (after the default).</param>
/// <param name="Device">model.device.</param>
/// <param name="Parameters">All parameter values, defaults with the overrides applied. Mutable: clone before changing.</param>
/// <param name="Overrides">The values set in [parameters], by name.</param>
/// <param name="Time">Simulated period and step.</param>
/// <param name="Forcing">The resolved forcing.</param>
/// <param name="Initial">Initial value of every state variable of the model (0 unless set in [initial]).</param>
/// <param name="Ensemble">Ensemble specification (<see cref="EnsembleSpec.Single"/> when absent).</param>
/// <param name="Output">Output specification.</param>
/// <remarks>An optional <c>[sensitivity]</c> section (see <see cref="SensitivitySpec"/>) asks for the
/// adjoint gradient of a diagnostic, written to the output file.</remarks>
/// <param name="Plots">Plots, in file order.</param>
public sealed record Scenario(
    string File,
    string DisplayFile,
    string Text,
    string Name,
    string? Description,
    ModelDescriptor Model,
    string Integrator,
    DevicePreference Device,
    ParameterValues Parameters,
    IReadOnlyDictionary<string, double> Overrides,
    SimulationTime Time,
    ScenarioForcing Forcing,
    IReadOnlyDictionary<string, double> Initial,
    EnsembleSpec Ensemble,
    OutputSpec Output,
    IReadOnlyList<PlotSpec> Plots)
{
    /// <summary>The <c>[sensitivity]</c> request, or <c>null</c> when the scenario has none.</summary>
    public SensitivitySpec? Sensitivity { get; init; }

    /// <summary>The <c>[sweep]</c>, or <c>null</c> for a time integration (then <see cref="Time"/> is the run's).</summary>
    public SweepSpec? Sweep { get; init; }

    /// <summary>Every structural setting of the model (<c>[model]</c> keys besides name, integrator, device), defaults applied.</summary>
    public IReadOnlyDictionary<string, double> Settings { get; init; } = new Dictionary<string, double>();

    /// <summary>The model's file settings given in <c>[model]</c> (<see cref="ModelDescriptor.FileSettings"/>), as full paths; absent ones are missing.</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();
}
