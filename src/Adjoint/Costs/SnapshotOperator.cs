namespace ClimateAD.Adjoint.Costs;

/// <summary>
/// Samples a set of state components at each of a set of steps (snapshots of a field, e.g. sea
/// surface height at every cell on a few days): <c>H_(s·K + k) = x[n_s]_(c_k)</c> for snapshot
/// <c>s = 0 … S−1</c> and component <c>k = 0 … K−1</c>. Adjoint forcing:
/// <c>∂J/∂x[n_s]_(c_k) += w_(s·K + k)</c>. Linear in the state.
/// </summary>
public sealed class SnapshotOperator : IObservationOperator
{
    private readonly int[] _components;
    private readonly Dictionary<int, int[]> _snapshotsByStep;

    /// <summary>Observes <paramref name="components"/> at each step of <paramref name="steps"/>.</summary>
    /// <param name="components">State indices <c>c_k</c> observed in every snapshot (non-negative).</param>
    /// <param name="steps">Snapshot steps <c>n_s</c> (non-negative; a step may repeat).</param>
    public SnapshotOperator(IEnumerable<int> components, IEnumerable<int> steps)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(steps);
        _components = [.. components];
        int[] s = [.. steps];
        if (_components.Length == 0 || s.Length == 0) throw new ArgumentException("At least one component and one step are needed.");
        foreach (int c in _components) ArgumentOutOfRangeException.ThrowIfNegative(c, nameof(components));
        foreach (int n in s) ArgumentOutOfRangeException.ThrowIfNegative(n, nameof(steps));
        Steps = s;
        _snapshotsByStep = Enumerable.Range(0, s.Length).GroupBy(i => s[i]).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The observed state indices <c>c_k</c>.</summary>
    public IReadOnlyList<int> Components => _components;

    /// <summary>The snapshot steps <c>n_s</c>.</summary>
    public IReadOnlyList<int> Steps { get; }

    /// <inheritdoc/>
    public int Count => Steps.Count * _components.Length;

    /// <inheritdoc/>
    public void Apply(int n, ReadOnlySpan<double> x, Span<double> h)
    {
        if (!_snapshotsByStep.TryGetValue(n, out var snapshots)) return;
        foreach (int s in snapshots)
        {
            var row = h.Slice(s * _components.Length, _components.Length);
            for (int k = 0; k < _components.Length; k++) row[k] += x[_components[k]];
        }
    }

    /// <inheritdoc/>
    public void AdjointForcing(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> w, Span<double> xBar)
    {
        if (!_snapshotsByStep.TryGetValue(n, out var snapshots)) return;
        foreach (int s in snapshots)
        {
            var row = w.Slice(s * _components.Length, _components.Length);
            for (int k = 0; k < _components.Length; k++) xBar[_components[k]] += row[k];
        }
    }
}
