namespace ClimateAD.Physics.Parameters;

/// <summary>
/// Values for every parameter of a <see cref="ParameterTable"/>, in θ order, starting from the
/// defaults. Setting a value outside the declared bounds throws <see cref="ArgumentOutOfRangeException"/>.
/// </summary>
public sealed class ParameterValues
{
    private readonly double[] _values;

    /// <summary>Starts from the table's defaults.</summary>
    public ParameterValues(ParameterTable table)
    {
        Table = table;
        _values = table.Defaults();
    }

    /// <summary>The table these values belong to.</summary>
    public ParameterTable Table { get; }

    /// <summary>Value by name; throws <see cref="KeyNotFoundException"/> for an unknown name.</summary>
    public double this[string name]
    {
        get => _values[IndexOrThrow(name)];
        set
        {
            int i = IndexOrThrow(name);
            var spec = Table[i];
            if (!spec.Admits(value))
                throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be within {spec.BoundsText}.");
            _values[i] = value;
        }
    }

    /// <summary>A copy of the values in θ order.</summary>
    public double[] ToArray() => (double[])_values.Clone();

    /// <summary>A deep copy.</summary>
    public ParameterValues Clone()
    {
        var c = new ParameterValues(Table);
        _values.CopyTo(c._values, 0);
        return c;
    }

    private int IndexOrThrow(string name)
    {
        int i = Table.IndexOf(name);
        if (i < 0) throw new KeyNotFoundException($"Unknown parameter '{name}'.");
        return i;
    }
}
