namespace ClimateAD.Adjoint.Costs;

/// <summary>
/// A mask or weighted sum over state components at given steps: <c>H_i = Σ_k a_k x[n_i]_k</c>
/// (a 0/1 mask, area weights for a regional mean, …). Adjoint forcing:
/// <c>∂J/∂x[n]_k = a_k Σ_{i: n_i = n} w_i</c>.
/// </summary>
public sealed class WeightedSumOperator : IObservationOperator
{
    private readonly int[] _components;
    private readonly double[] _weights;
    private readonly Dictionary<int, int[]> _indicesByStep;

    /// <summary>Weighted sum with weights <paramref name="weights"/> (length = state length; zeros are skipped) at each of <paramref name="steps"/>.</summary>
    public WeightedSumOperator(IReadOnlyList<double> weights, IEnumerable<int> steps)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(steps);
        _components = [.. Enumerable.Range(0, weights.Count).Where(k => weights[k] != 0)];
        _weights = [.. _components.Select(k => weights[k])];
        int[] s = [.. steps];
        foreach (int n in s) ArgumentOutOfRangeException.ThrowIfNegative(n, nameof(steps));
        Steps = s;
        _indicesByStep = Enumerable.Range(0, s.Length).GroupBy(i => s[i]).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The observation steps <c>n_i</c>.</summary>
    public IReadOnlyList<int> Steps { get; }

    /// <inheritdoc/>
    public int Count => Steps.Count;

    /// <inheritdoc/>
    public void Apply(int n, ReadOnlySpan<double> x, Span<double> h)
    {
        if (!_indicesByStep.TryGetValue(n, out var idx)) return;
        double sum = 0;
        for (int j = 0; j < _components.Length; j++) sum += _weights[j] * x[_components[j]];
        foreach (int i in idx) h[i] += sum;
    }

    /// <inheritdoc/>
    public void AdjointForcing(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> w, Span<double> xBar)
    {
        if (!_indicesByStep.TryGetValue(n, out var idx)) return;
        double wSum = 0;
        foreach (int i in idx) wSum += w[i];
        for (int j = 0; j < _components.Length; j++) xBar[_components[j]] += _weights[j] * wSum;
    }
}
