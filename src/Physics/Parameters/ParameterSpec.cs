namespace ClimateAD.Physics.Parameters;

/// <summary>
/// One model parameter, declared once: its name as written in scenario files, the symbol used in
/// the equations, SI-style units, default value, hard bounds, an optional Gaussian prior and a
/// sentence saying what it is. The parameter table printed by <c>climatead describe</c>, the
/// overrides in scenario files and the free parameters of a calibration all come from these.
/// </summary>
/// <param name="Name">Key in scenario files and output attributes, snake_case, e.g. <c>climate_feedback</c>.</param>
/// <param name="Symbol">Symbol in the model's equations, e.g. <c>λ</c>.</param>
/// <param name="Units">Units as a UDUNITS-compatible string, e.g. <c>W m-2 K-1</c>; <c>1</c> for dimensionless.</param>
/// <param name="Default">Default value, inside <paramref name="Lower"/>..<paramref name="Upper"/>.</param>
/// <param name="Lower">Smallest admissible value (inclusive).</param>
/// <param name="Upper">Largest admissible value (inclusive).</param>
/// <param name="Description">One sentence, with the reference the default comes from.</param>
/// <param name="Prior">Optional Gaussian prior used by calibration; <c>null</c> means flat within the bounds.</param>
public sealed record ParameterSpec(
    string Name,
    string Symbol,
    string Units,
    double Default,
    double Lower,
    double Upper,
    string Description,
    GaussianPrior? Prior = null)
{
    /// <summary>True when <paramref name="value"/> is finite and within the bounds.</summary>
    public bool Admits(double value) => double.IsFinite(value) && value >= Lower && value <= Upper;

    /// <summary>The bounds as text with units, e.g. <c>[0.3, 3] W m-2 K-1</c>, for messages and tables.</summary>
    public string BoundsText =>
        FormattableString.Invariant($"[{Lower:G6}, {Upper:G6}]") + (Units == "1" ? "" : " " + Units);
}

/// <summary>Gaussian prior N(mean, sd²) on a parameter, in the parameter's own units.</summary>
/// <param name="Mean">Prior mean.</param>
/// <param name="StandardDeviation">Prior standard deviation, strictly positive.</param>
public sealed record GaussianPrior(double Mean, double StandardDeviation);
