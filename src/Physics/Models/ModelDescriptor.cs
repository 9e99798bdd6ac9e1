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
    IReadOnlyList<OutputVariable> Variables);
