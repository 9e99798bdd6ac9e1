namespace ClimateAD.IO.Netcdf;

/// <summary>A variable found in a file by <see cref="NetcdfReader"/> (coordinate variables included).</summary>
/// <param name="Name">Variable name; "group/name" inside a sub-group.</param>
/// <param name="Dimensions">Names of its dimensions, slowest-varying first.</param>
/// <param name="Shape">Current length along each dimension.</param>
public sealed record NetcdfVariableInfo(string Name, IReadOnlyList<string> Dimensions, IReadOnlyList<long> Shape);
