namespace ClimateAD.IO.Scenarios;

/// <summary>
/// <c>[sensitivity]</c>: after the run, compute the gradient of a scalar diagnostic J with respect
/// to every model parameter and to the forcing time series with the model's adjoint, and write it
/// to the output file's <c>sensitivity</c> group.
/// <code>
/// [sensitivity]
/// diagnostic = "mean_tas"     # mean upper-layer temperature anomaly over the period (K)
/// period = [2081, 2100]       # first and last year, inclusive, inside the simulated years
/// </code>
/// </summary>
/// <param name="Diagnostic">Name of the diagnostic, one of <see cref="Diagnostics"/>.</param>
/// <param name="FirstYear">First year of the averaging period.</param>
/// <param name="LastYear">Last year of the averaging period, inclusive.</param>
public sealed record SensitivitySpec(string Diagnostic, int FirstYear, int LastYear)
{
    /// <summary>Diagnostics J that can be differentiated.</summary>
    public static IReadOnlyList<string> Diagnostics { get; } = ["mean_tas"];
}
