namespace ClimateAD.Adjoint.Costs;

/// <summary>
/// Time means of a weighted sum of state components over windows of steps:
/// <c>H_i = (1/|W_i|) Σ_{n∈W_i} Σ_k a_k x[n]_k</c> (e.g. an annual mean of global-mean
/// temperature; a single component is <c>a = e_c</c>). Adjoint forcing:
/// <c>∂J/∂x[n]_k = a_k Σ_{i: n∈W_i} w_i / |W_i|</c>.
/// </summary>
public sealed class TimeMeanOperator : IObservationOperator
{
    private readonly int[] _components;
    private readonly double[] _weights;
    private readonly TimeWindow[] _windows;

    /// <summary>Means of <c>Σ_k a_k x_k</c> (<paramref name="weights"/> = <c>a</c>, length = state length) over each window.</summary>
    public TimeMeanOperator(IReadOnlyList<double> weights, IEnumerable<TimeWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(windows);
        _components = [.. Enumerable.Range(0, weights.Count).Where(k => weights[k] != 0)];
        _weights = [.. _components.Select(k => weights[k])];
        _windows = [.. windows];
        foreach (var w in _windows)
            if (w.First < 0 || w.Last < w.First) throw new ArgumentOutOfRangeException(nameof(windows), $"Invalid window {w}.");
    }

    /// <summary>Means of the single component <paramref name="component"/> of a state of length <paramref name="stateLength"/>.</summary>
    public static TimeMeanOperator OfComponent(int component, int stateLength, IEnumerable<TimeWindow> windows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(component);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(component, stateLength);
        var a = new double[stateLength];
        a[component] = 1;
        return new TimeMeanOperator(a, windows);
    }

    /// <summary>The averaging windows.</summary>
    public IReadOnlyList<TimeWindow> Windows => _windows;

    /// <inheritdoc/>
    public int Count => _windows.Length;

    /// <inheritdoc/>
    public void Apply(int n, ReadOnlySpan<double> x, Span<double> h)
    {
        double sum = 0;
        bool evaluated = false;
        for (int i = 0; i < _windows.Length; i++)
        {
            if (!_windows[i].Contains(n)) continue;
            if (!evaluated) (sum, evaluated) = (WeightedSum(x), true);
            h[i] += sum / _windows[i].Length;
        }
    }

    /// <inheritdoc/>
    public void AdjointForcing(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> w, Span<double> xBar)
    {
        double coefficient = 0;
        for (int i = 0; i < _windows.Length; i++)
            if (_windows[i].Contains(n)) coefficient += w[i] / _windows[i].Length;
        if (coefficient == 0) return;
        for (int j = 0; j < _components.Length; j++) xBar[_components[j]] += _weights[j] * coefficient;
    }

    private double WeightedSum(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int j = 0; j < _components.Length; j++) sum += _weights[j] * x[_components[j]];
        return sum;
    }
}
