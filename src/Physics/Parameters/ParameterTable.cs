using System.Collections;

namespace ClimateAD.Physics.Parameters;

/// <summary>
/// The ordered list of a model's parameters. Order is fixed: it is the order of the parameter
/// vector θ used by gradients and calibration. Names are unique.
/// </summary>
public sealed class ParameterTable : IReadOnlyList<ParameterSpec>
{
    private readonly ParameterSpec[] _specs;
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a table; throws if two parameters share a name or a default is out of bounds.</summary>
    public ParameterTable(IEnumerable<ParameterSpec> specs)
    {
        _specs = specs.ToArray();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < _specs.Length; i++)
        {
            var s = _specs[i];
            if (!_index.TryAdd(s.Name, i))
                throw new ArgumentException($"Parameter '{s.Name}' is declared twice.");
            if (!(s.Lower <= s.Upper) || !s.Admits(s.Default))
                throw new ArgumentException($"Parameter '{s.Name}': default {s.Default} is outside {s.BoundsText}.");
        }
    }

    /// <summary>Number of parameters.</summary>
    public int Count => _specs.Length;

    /// <summary>The i-th parameter in θ order.</summary>
    public ParameterSpec this[int index] => _specs[index];

    /// <summary>Index of the named parameter in θ, or -1.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out int i) ? i : -1;

    /// <summary>The named parameter, or <c>null</c>.</summary>
    public ParameterSpec? Find(string name) => _index.TryGetValue(name, out int i) ? _specs[i] : null;

    /// <summary>Vector of defaults in θ order.</summary>
    public double[] Defaults() => _specs.Select(s => s.Default).ToArray();

    /// <summary>Concatenation of two tables (e.g. physics parameters then forcing scale factors).</summary>
    public ParameterTable Concat(ParameterTable other) => new(_specs.Concat(other._specs));

    /// <inheritdoc />
    public IEnumerator<ParameterSpec> GetEnumerator() => ((IEnumerable<ParameterSpec>)_specs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
