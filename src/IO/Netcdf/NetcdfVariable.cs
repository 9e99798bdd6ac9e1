namespace ClimateAD.IO.Netcdf;

/// <summary>
/// A double-precision (<c>NC_DOUBLE</c>) data variable with CF metadata (CF-1.8 §3 "Description of the Data").
/// A variable whose first dimension is the time axis is time-dependent and is written record by record;
/// the others are written once with <see cref="NetcdfWriter.WriteStatic"/>.
/// </summary>
/// <param name="Name">Variable name, or "group/name" to place it in a netCDF-4 sub-group (one level).</param>
/// <param name="Dimensions">Dimension names, slowest-varying first; the time dimension, if used, first. Empty for a scalar.</param>
/// <param name="Units">UDUNITS units, e.g. "K", "W m-2", "1".</param>
/// <param name="LongName">Descriptive name.</param>
public sealed record NetcdfVariable(string Name, IReadOnlyList<string> Dimensions, string Units, string LongName)
{
    /// <summary>CF <c>standard_name</c> from the CF standard-name table (e.g. "air_temperature"), or null.</summary>
    public string? StandardName { get; init; }

    /// <summary>
    /// <c>_FillValue</c>: what unwritten elements hold and what readers mask. Null writes no attribute
    /// and fills with the netCDF default for doubles, 9.969209968386869e36, as netCDF-C does.
    /// </summary>
    public double? FillValue { get; init; }

    /// <summary>Extra attributes (e.g. <c>cell_methods</c>, <c>comment</c>).</summary>
    public IReadOnlyList<NetcdfAttribute> Attributes { get; init; } = [];
}
