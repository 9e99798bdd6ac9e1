namespace ClimateAD.Physics.Models;

/// <summary>
/// Metadata of a variable a model can write: the name used in scenario <c>[output]</c> lists and
/// in the output file, its units, a CF <c>long_name</c> and, where the CF standard-name table has
/// one, a <c>standard_name</c>.
/// </summary>
/// <param name="Name">Variable name in scenario files and output files.</param>
/// <param name="Units">UDUNITS units string.</param>
/// <param name="LongName">Human-readable CF <c>long_name</c>.</param>
/// <param name="StandardName">CF standard name, or <c>null</c> where none exists.</param>
public sealed record OutputVariable(string Name, string Units, string LongName, string? StandardName = null)
{
    /// <summary>
    /// Names of the model's spatial axes this variable varies along (e.g. <c>["k"]</c> for the
    /// Lorenz-96 slow variables); empty for a scalar (global) diagnostic. The run supplies each axis's
    /// length and coordinates; the output file has dimensions <c>time</c> [, <c>member</c>], then these.
    /// </summary>
    public IReadOnlyList<string> Axes { get; init; } = [];

    /// <summary>Whether the variable is one number per time and member.</summary>
    public bool IsScalar => Axes.Count == 0;
}
