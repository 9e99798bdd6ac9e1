namespace ClimateAD.IO.Netcdf;

/// <summary>
/// A named netCDF attribute. <see cref="Value"/> is one of: <see cref="string"/> (stored as
/// <c>NC_CHAR</c> text), <see cref="double"/> or <see cref="T:double[]"/> (<c>NC_DOUBLE</c>),
/// <see cref="int"/> or <see cref="T:int[]"/> (<c>NC_INT</c>), <see cref="long"/> or
/// <see cref="T:long[]"/> (<c>NC_INT64</c>). Follows the netCDF attribute model
/// (NetCDF Users Guide, "Attributes"); CF-1.8 §2.6 lists the standard global ones.
/// </summary>
public sealed record NetcdfAttribute
{
    /// <summary>Creates an attribute, checking the name and value type.</summary>
    /// <param name="name">Attribute name (letters, digits, '_', '.', '-', '+', '@'; not starting with a digit).</param>
    /// <param name="value">string, double, int, long, double[], int[] or long[] (arrays not empty).</param>
    public NetcdfAttribute(string name, object value)
    {
        NetcdfNames.ValidateAttribute(name);
        ArgumentNullException.ThrowIfNull(value);
        ValidateValue(name, value);
        Name = name;
        Value = value;
    }

    /// <summary>Attribute name.</summary>
    public string Name { get; }

    /// <summary>Attribute value (see the type summary for the allowed types).</summary>
    public object Value { get; }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="value"/> is not an allowed attribute type.</summary>
    /// <param name="name">Attribute name, for the message.</param>
    /// <param name="value">Candidate value.</param>
    public static void ValidateValue(string name, object value)
    {
        switch (value)
        {
            case string or double or int or long:
                return;
            case double[] { Length: > 0 } or int[] { Length: > 0 } or long[] { Length: > 0 }:
                return;
            case double[] or int[] or long[]:
                throw new ArgumentException($"Attribute '{name}' is an empty array; netCDF attributes hold at least one value.");
            default:
                throw new ArgumentException(
                    $"Attribute '{name}' has type {value.GetType().Name}; use string, double, int, long, double[], int[] or long[].");
        }
    }
}
