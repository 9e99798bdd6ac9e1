namespace ClimateAD.IO.Netcdf;

/// <summary>
/// The CF time coordinate, stored as the file's UNLIMITED dimension (one entry per record) and its
/// coordinate variable (CF-1.8 §4.4 "Time Coordinate"; netCDF-4 unlimited dimensions).
/// </summary>
/// <param name="Units">CF time units, e.g. "days since 1850-01-01 00:00:00".</param>
/// <param name="Calendar">CF calendar, e.g. "noleap", "365_day", "360_day", "standard", "proleptic_gregorian".</param>
public sealed record NetcdfTimeAxis(string Units, string Calendar)
{
    /// <summary>Name of the dimension and its coordinate variable (default "time").</summary>
    public string Name { get; init; } = "time";

    /// <summary>Value of <c>long_name</c> (default "time").</summary>
    public string LongName { get; init; } = "time";

    /// <summary>Value of <c>standard_name</c> (default "time").</summary>
    public string StandardName { get; init; } = "time";

    /// <summary>
    /// Name of the CF cell-bounds variable (CF-1.8 §7.1), e.g. "time_bnds", or null for none. When set,
    /// every <see cref="NetcdfWriter.BeginRecord"/> must give the lower and upper bound.
    /// </summary>
    public string? BoundsName { get; init; }

    /// <summary>Name of the length-2 dimension of the bounds variable (default "nv"; "bnds" is also common).</summary>
    public string BoundsDimension { get; init; } = "nv";

    /// <summary>Extra attributes of the time coordinate variable.</summary>
    public IReadOnlyList<NetcdfAttribute> Attributes { get; init; } = [];
}
