namespace ClimateAD.IO.Netcdf;

/// <summary>
/// Name rules and reserved names: netCDF names (NetCDF Users Guide, "Object Names"), restricted to
/// the portable ASCII subset, and the attributes the writer manages itself.
/// </summary>
internal static class NetcdfNames
{
    /// <summary>Global attribute holding "incomplete" until <see cref="NetcdfWriter.Complete"/>, then "complete".</summary>
    public const string RunStatus = "run_status";

    /// <summary>Global attribute holding the number of records on disk as of the last flush.</summary>
    public const string RecordsWritten = "records_written";

    /// <summary>NAME given to dimensions that have no coordinate variable, exactly as netCDF-C writes it.</summary>
    public const string DimensionWithoutVariable = "This is a netCDF dimension but not a netCDF variable.";

    /// <summary>Attributes netCDF-C hides from users (HDF5 dimension-scale bookkeeping and netCDF internals).</summary>
    public static bool IsHidden(string attribute) =>
        attribute is "CLASS" or "NAME" or "REFERENCE_LIST" or "DIMENSION_LIST" or "_NCProperties" or "_nc3_strict"
        || attribute.StartsWith("_Netcdf4", StringComparison.Ordinal);

    /// <summary>Throws when <paramref name="name"/> is not a portable netCDF name.</summary>
    public static void Validate(string name, string what)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException(
                $"{what} name '{name}' is not a valid netCDF name: use ASCII letters, digits and '_', '.', '-', '+', '@', starting with a letter or '_'.");
        }
    }

    /// <summary>Throws when <paramref name="name"/> is not a valid attribute name.</summary>
    public static void ValidateAttribute(string name) => Validate(name, "Attribute");

    /// <summary>
    /// Throws when a variable path is not "name" or "group/name" with valid parts.
    /// </summary>
    public static void ValidateVariablePath(string path)
    {
        var parts = path.Split('/');
        if (parts.Length > 2)
        {
            throw new ArgumentException($"Variable name '{path}' has more than one '/'; one sub-group level is supported (\"group/name\").");
        }
        foreach (var part in parts)
        {
            Validate(part, "Variable");
        }
    }

    private static bool IsValid(string name)
    {
        if (string.IsNullOrEmpty(name) || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '+' or '@'))
            {
                return false;
            }
        }
        return true;
    }
}
