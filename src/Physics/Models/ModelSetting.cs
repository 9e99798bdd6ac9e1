using System.Globalization;

namespace ClimateAD.Physics.Models;

/// <summary>
/// A number a scenario may set that is not a differentiable parameter: a structural setting in
/// <c>[model]</c> (e.g. the number of Lorenz-96 slow variables) or an initial-state setting in
/// <c>[initial]</c> (e.g. an initial temperature anomaly, or a spin-up length).
/// </summary>
/// <param name="Name">Key in the scenario file.</param>
/// <param name="Units">Units (UDUNITS), <c>1</c> for counts.</param>
/// <param name="Default">Value when the scenario does not set it.</param>
/// <param name="Min">Smallest accepted value.</param>
/// <param name="Max">Largest accepted value.</param>
/// <param name="IsInteger">Whether the value must be a whole number.</param>
/// <param name="Description">One sentence.</param>
public sealed record ModelSetting(string Name, string Units, double Default, double Min, double Max, bool IsInteger, string Description)
{
    /// <summary>
    /// A true/false setting (TOML <c>true</c>/<c>false</c>), stored as 1/0; <see cref="IsInteger"/>
    /// is then true and the range is [0, 1].
    /// </summary>
    public bool IsBoolean { get; init; }

    /// <summary>A true/false setting with default <paramref name="defaultValue"/>.</summary>
    public static ModelSetting Boolean(string name, bool defaultValue, string description) =>
        new(name, "1", defaultValue ? 1 : 0, 0, 1, true, description) { IsBoolean = true };

    /// <summary>Whether <paramref name="value"/> is accepted.</summary>
    public bool Admits(double value) =>
        value >= Min && value <= Max && (!IsInteger || Math.Round(value) == value);

    /// <summary>The accepted range, for messages, e.g. <c>integer in [4, 4096]</c>.</summary>
    public string RangeText => IsBoolean ? "true or false" : string.Create(CultureInfo.InvariantCulture,
        $"{(IsInteger ? "integer" : "number")} in [{Min:G6}, {Max:G6}]{(Units is "1" or "" ? "" : " " + Units)}");
}
