namespace ClimateAD.IO.Netcdf;

/// <summary>A dimension found in a file by <see cref="NetcdfReader"/>.</summary>
/// <param name="Name">Dimension name; "group/name" for a dimension declared in a sub-group.</param>
/// <param name="Length">Current length (for the UNLIMITED dimension: the number of records on disk).</param>
/// <param name="IsUnlimited">True for an UNLIMITED (extendible) dimension.</param>
/// <param name="HasCoordinate">True when a coordinate variable of the same name holds its values.</param>
public sealed record NetcdfDimensionInfo(string Name, long Length, bool IsUnlimited, bool HasCoordinate);
