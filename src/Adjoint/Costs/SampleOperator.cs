namespace ClimateAD.Adjoint.Costs;

/// <summary>
/// Samples one state component at given steps: <c>H_i = x[n_i]_c</c>, <c>i = 1 … m</c>.
/// Adjoint forcing: <c>∂J/∂x[n]_c = Σ_{i: n_i = n} w_i</c>.
/// </summary>
public sealed class SampleOperator : IObservationOperator
{
    private readonly Dictionary<int, int[]> _indicesByStep;

    /// <summary>Observes component <paramref name="component"/> at each step in <paramref name="steps"/>, in order.</summary>
    public SampleOperator(int component, IEnumerable<int> steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(component);
        ArgumentNullException.ThrowIfNull(steps);
        Component = component;
        int[] s = [.. steps];
        foreach (int n in s) ArgumentOutOfRangeException.ThrowIfNegative(n, nameof(steps));
        Steps = s;
        _indicesByStep = Enumerable.Range(0, s.Length).GroupBy(i => s[i]).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The observed state component <c>c</c>.</summary>
    public int Component { get; }

    /// <summary>The observation steps <c>n_i</c>.</summary>
    public IReadOnlyList<int> Steps { get; }

    /// <inheritdoc/>
    public int Count => Steps.Count;

    /// <inheritdoc/>
    public void Apply(int n, ReadOnlySpan<double> x, Span<double> h)
    {
        if (!_indicesByStep.TryGetValue(n, out var idx)) return;
        foreach (int i in idx) h[i] += x[Component];
    }

    /// <inheritdoc/>
    public void AdjointForcing(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> w, Span<double> xBar)
    {
        if (!_indicesByStep.TryGetValue(n, out var idx)) return;
        foreach (int i in idx) xBar[Component] += w[i];
    }
}
