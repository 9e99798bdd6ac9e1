namespace ClimateAD.IO.Netcdf;

/// <summary>
/// A fixed-length dimension. With <see cref="Values"/> it is a coordinate variable (a dataset of the
/// same name that is an HDF5 dimension scale, CF-1.8 §5 "coordinate variable"); without, it is a
/// dimension only (stored the way netCDF-C stores one: a scale whose NAME says it is not a variable).
/// </summary>
/// <param name="Name">Dimension name, e.g. "lat".</param>
/// <param name="Length">Number of points (at least 1).</param>
public sealed record NetcdfDimension(string Name, int Length)
{
    /// <summary>Coordinate values (length <see cref="Length"/>, strictly monotonic per CF), or null for a dimension without coordinate.</summary>
    public IReadOnlyList<double>? Values { get; init; }

    /// <summary>Units of the coordinate (UDUNITS string, e.g. "degrees_north"), or null.</summary>
    public string? Units { get; init; }

    /// <summary>Descriptive <c>long_name</c> of the coordinate, or null.</summary>
    public string? LongName { get; init; }

    /// <summary>CF <c>standard_name</c> of the coordinate (e.g. "latitude"), or null.</summary>
    public string? StandardName { get; init; }

    /// <summary>CF <c>axis</c> attribute ("X", "Y", "Z"), or null.</summary>
    public string? Axis { get; init; }

    /// <summary>Extra attributes of the coordinate variable (e.g. <c>positive</c>).</summary>
    public IReadOnlyList<NetcdfAttribute> Attributes { get; init; } = [];

    /// <summary>A dimension with a coordinate variable.</summary>
    /// <param name="name">Dimension name.</param>
    /// <param name="values">Coordinate values.</param>
    /// <param name="units">UDUNITS units.</param>
    /// <param name="longName">Descriptive name.</param>
    /// <param name="standardName">CF standard name, or null.</param>
    /// <param name="axis">CF axis ("X", "Y", "Z"), or null.</param>
    /// <returns>The dimension.</returns>
    public static NetcdfDimension Coordinate(string name, IReadOnlyList<double> values, string units, string longName,
        string? standardName = null, string? axis = null) =>
        new(name, values.Count)
        {
            Values = values,
            Units = units,
            LongName = longName,
            StandardName = standardName,
            Axis = axis,
        };
}
