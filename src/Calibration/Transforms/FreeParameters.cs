using ClimateAD.Physics.Parameters;

namespace ClimateAD.Calibration.Transforms;

/// <summary>
/// Which parameters of a model's θ a calibration moves (the free ones, in the order given) and
/// which stay fixed at a base value, with a bound-respecting transform per free parameter:
/// <code>
///   θ = expand(φ):  θ[iⱼ] = φⱼ for the free indices iⱼ,  θ[k] = θ_base[k] otherwise
///   φⱼ = gⱼ(uⱼ),    dφⱼ/duⱼ = gⱼ′(uⱼ)                     (gⱼ: <see cref="ParameterTransform"/>)
/// </code>
/// φ is the free vector in physical units, u the unbounded vector optimisers move. Immutable.
/// </summary>
public sealed class FreeParameters
{
    private readonly int[] _indices;
    private readonly string[] _names;
    private readonly ParameterTransform[] _transforms;
    private readonly double[] _base;

    /// <summary>Selects the free parameters.</summary>
    /// <param name="table">The model's parameter table (θ order).</param>
    /// <param name="names">Names of the free parameters, each once; the free vector follows this order.</param>
    /// <param name="baseTheta">Full θ giving the values of the fixed parameters (copied).</param>
    /// <param name="kinds">A transform kind per free parameter; <c>null</c> for <see cref="ParameterTransform.DefaultKind"/>.</param>
    /// <exception cref="ArgumentException">Unknown or repeated name, wrong lengths, or a base value outside the bounds.</exception>
    public FreeParameters(ParameterTable table, IReadOnlyList<string> names, ReadOnlySpan<double> baseTheta,
        IReadOnlyList<TransformKind>? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0) throw new ArgumentException("At least one parameter must be free.", nameof(names));
        if (baseTheta.Length != table.Count)
            throw new ArgumentException($"θ_base has {baseTheta.Length} values; the table has {table.Count}.", nameof(baseTheta));
        if (kinds is not null && kinds.Count != names.Count)
            throw new ArgumentException($"{kinds.Count} transforms for {names.Count} free parameters.", nameof(kinds));
        Table = table;
        _names = [.. names];
        _indices = new int[_names.Length];
        _transforms = new ParameterTransform[_names.Length];
        for (int j = 0; j < _names.Length; j++)
        {
            int i = table.IndexOf(_names[j]);
            if (i < 0) throw new ArgumentException($"Unknown parameter '{_names[j]}'.", nameof(names));
            if (Array.IndexOf(_indices, i, 0, j) >= 0) throw new ArgumentException($"Parameter '{_names[j]}' is listed twice.", nameof(names));
            _indices[j] = i;
            var kind = kinds?[j] ?? ParameterTransform.DefaultKind(table[i]);
            _transforms[j] = ParameterTransform.Create(kind, table[i]);
        }
        _base = baseTheta.ToArray();
        for (int i = 0; i < _base.Length; i++)
            if (!table[i].Admits(_base[i]))
                throw new ArgumentException($"Base value {_base[i]} of '{table[i].Name}' is outside {table[i].BoundsText}.", nameof(baseTheta));
    }

    /// <summary>The model's parameter table.</summary>
    public ParameterTable Table { get; }

    /// <summary>Number of free parameters p.</summary>
    public int Count => _indices.Length;

    /// <summary>Index in θ of each free parameter.</summary>
    public IReadOnlyList<int> Indices => _indices;

    /// <summary>Names of the free parameters, in free-vector order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The declaration of each free parameter.</summary>
    public IEnumerable<ParameterSpec> Specs => _indices.Select(i => Table[i]);

    /// <summary>The transform of each free parameter.</summary>
    public IReadOnlyList<ParameterTransform> Transforms => _transforms;

    /// <summary>The base θ (values of the fixed parameters; the free entries are overwritten by <see cref="Expand(ReadOnlySpan{double})"/>).</summary>
    public ReadOnlySpan<double> BaseTheta => _base;

    /// <summary>Full θ with the free entries set to <paramref name="free"/> (physical units).</summary>
    public double[] Expand(ReadOnlySpan<double> free)
    {
        var theta = (double[])_base.Clone();
        Expand(free, theta);
        return theta;
    }

    /// <summary>Overwrites the free entries of <paramref name="theta"/> with <paramref name="free"/>.</summary>
    public void Expand(ReadOnlySpan<double> free, Span<double> theta)
    {
        CheckLength(free, nameof(free));
        for (int j = 0; j < _indices.Length; j++) theta[_indices[j]] = free[j];
    }

    /// <summary>The free entries of a full θ.</summary>
    public double[] Extract(ReadOnlySpan<double> theta)
    {
        var free = new double[Count];
        for (int j = 0; j < free.Length; j++) free[j] = theta[_indices[j]];
        return free;
    }

    /// <summary>u = g⁻¹(φ); throws when a value is outside its transform's range.</summary>
    public double[] ToUnbounded(ReadOnlySpan<double> free)
    {
        CheckLength(free, nameof(free));
        var u = new double[Count];
        for (int j = 0; j < u.Length; j++)
        {
            if (!_transforms[j].Admits(free[j]))
                throw new ArgumentOutOfRangeException(nameof(free), free[j],
                    $"'{_names[j]}' = {free[j]} is on or outside the range of its {_transforms[j].Name} transform.");
            u[j] = _transforms[j].ToUnbounded(free[j]);
        }
        return u;
    }

    /// <summary>φ = g(u), in physical units.</summary>
    public double[] ToParameters(ReadOnlySpan<double> u)
    {
        CheckLength(u, nameof(u));
        var free = new double[Count];
        for (int j = 0; j < free.Length; j++) free[j] = _transforms[j].ToParameter(u[j]);
        return free;
    }

    /// <summary>Full θ from u: <c>Expand(ToParameters(u))</c>.</summary>
    public double[] ThetaFromUnbounded(ReadOnlySpan<double> u) => Expand(ToParameters(u));

    /// <summary>The diagonal Jacobian dφⱼ/duⱼ = gⱼ′(uⱼ).</summary>
    public double[] Jacobian(ReadOnlySpan<double> u)
    {
        CheckLength(u, nameof(u));
        var d = new double[Count];
        for (int j = 0; j < d.Length; j++) d[j] = _transforms[j].Derivative(u[j]);
        return d;
    }

    /// <summary>
    /// Moves values that sit on a bound (where g⁻¹ is infinite) inside by 10⁻⁶ of the range, so a
    /// first guess on a bound can be transformed. Values strictly inside are returned unchanged.
    /// </summary>
    public double[] Interior(ReadOnlySpan<double> free)
    {
        CheckLength(free, nameof(free));
        var r = free.ToArray();
        for (int j = 0; j < r.Length; j++)
        {
            var s = Table[_indices[j]];
            double margin = 1e-6 * (double.IsFinite(s.Upper - s.Lower) ? s.Upper - s.Lower : Math.Max(1.0, Math.Abs(r[j])));
            if (_transforms[j].Kind != TransformKind.Identity && r[j] <= s.Lower) r[j] = s.Lower + margin;
            if (_transforms[j].Kind == TransformKind.Logit && r[j] >= s.Upper) r[j] = s.Upper - margin;
        }
        return r;
    }

    /// <summary>The same selection with another base θ.</summary>
    public FreeParameters WithBase(ReadOnlySpan<double> baseTheta) =>
        new(Table, _names, baseTheta, _transforms.Select(t => t.Kind).ToArray());

    private void CheckLength(ReadOnlySpan<double> v, string name)
    {
        if (v.Length != Count) throw new ArgumentException($"Expected {Count} free values, got {v.Length}.", name);
    }
}
