namespace ClimateAD.IO.Netcdf;

/// <summary>
/// Everything a netCDF-4/CF output file declares up front: global attributes, the optional time axis
/// (the UNLIMITED record dimension), fixed dimensions and variables. Checked by <see cref="Validate"/>
/// (also called by <see cref="NetcdfWriter.Create"/>).
/// </summary>
public sealed record NetcdfSchema
{
    /// <summary>Global attributes (e.g. <c>title</c>, <c>source</c>, the scenario text, code version).
    /// <c>Conventions = "CF-1.8"</c> is added when absent.</summary>
    public IReadOnlyList<NetcdfAttribute> GlobalAttributes { get; init; } = [];

    /// <summary>The time axis, or null for a file without records.</summary>
    public NetcdfTimeAxis? Time { get; init; }

    /// <summary>Fixed-length dimensions, in the order they should be declared.</summary>
    public IReadOnlyList<NetcdfDimension> Dimensions { get; init; } = [];

    /// <summary>Data variables, in the order they should be declared.</summary>
    public IReadOnlyList<NetcdfVariable> Variables { get; init; } = [];

    /// <summary>Throws <see cref="ArgumentException"/> naming the first problem found.</summary>
    public void Validate()
    {
        var dimensions = new HashSet<string>(StringComparer.Ordinal);
        if (Time is not null)
        {
            NetcdfNames.Validate(Time.Name, "Time dimension");
            dimensions.Add(Time.Name);
            if (Time.BoundsName is not null)
            {
                NetcdfNames.Validate(Time.BoundsName, "Time bounds variable");
                NetcdfNames.Validate(Time.BoundsDimension, "Time bounds dimension");
            }
        }
        foreach (var dimension in Dimensions)
        {
            NetcdfNames.Validate(dimension.Name, "Dimension");
            if (!dimensions.Add(dimension.Name))
            {
                throw new ArgumentException($"Dimension '{dimension.Name}' is declared twice.");
            }
            if (dimension.Length < 1)
            {
                throw new ArgumentException($"Dimension '{dimension.Name}' has length {dimension.Length}; fixed dimensions need at least 1 point.");
            }
            if (dimension.Values is not null && dimension.Values.Count != dimension.Length)
            {
                throw new ArgumentException(
                    $"Dimension '{dimension.Name}' has length {dimension.Length} but {dimension.Values.Count} coordinate values.");
            }
        }
        if (Time?.BoundsName is { } bounds)
        {
            var declared = Dimensions.FirstOrDefault(d => d.Name == Time.BoundsDimension);
            if (declared is not null && declared.Length != 2)
            {
                throw new ArgumentException(
                    $"Time bounds dimension '{Time.BoundsDimension}' is declared with length {declared.Length}; it must be 2.");
            }
            dimensions.Add(Time.BoundsDimension);
            if (Dimensions.Any(d => d.Name == bounds))
            {
                throw new ArgumentException($"Time bounds variable '{bounds}' has the name of a dimension.");
            }
        }
        var variables = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variable in Variables)
        {
            NetcdfNames.ValidateVariablePath(variable.Name);
            if (!variables.Add(variable.Name))
            {
                throw new ArgumentException($"Variable '{variable.Name}' is declared twice.");
            }
            if (dimensions.Contains(variable.Name) || variable.Name == Time?.BoundsName)
            {
                throw new ArgumentException(
                    $"Variable '{variable.Name}' has the name of a dimension or of the time bounds; coordinate variables are declared as dimensions.");
            }
            for (var i = 0; i < variable.Dimensions.Count; i++)
            {
                var name = variable.Dimensions[i];
                if (!dimensions.Contains(name))
                {
                    throw new ArgumentException(
                        $"Variable '{variable.Name}' uses dimension '{name}', which is not declared (declared: {string.Join(", ", dimensions)}).");
                }
                if (Time is not null && name == Time.Name && i != 0)
                {
                    throw new ArgumentException(
                        $"Variable '{variable.Name}' has '{name}' at position {i}; the UNLIMITED time dimension must come first.");
                }
                if (variable.Dimensions.Take(i).Contains(name))
                {
                    throw new ArgumentException($"Variable '{variable.Name}' uses dimension '{name}' twice.");
                }
            }
        }
        var groups = Variables.Where(v => v.Name.Contains('/')).Select(v => v.Name.Split('/')[0]);
        foreach (var group in groups)
        {
            if (dimensions.Contains(group) || variables.Contains(group))
            {
                throw new ArgumentException($"Group '{group}' has the name of a dimension or variable in the root group.");
            }
        }
    }
}
