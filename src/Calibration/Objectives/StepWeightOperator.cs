using ClimateAD.Adjoint.Costs;

namespace ClimateAD.Calibration.Objectives;

/// <summary>
/// A linear observation operator on one state component with explicit step weights:
/// <code>
///   H_i = Σ_n a_i[n] x[n]_c,    ∂J/∂x[n]_c = Σ_i a_i[n] w_i      (adjoint forcing)
/// </code>
/// Time means over windows, period means, anomalies relative to a reference period
/// (a_i = window weights − reference weights), subsamples and cumulative sums are all of this
/// form (<see cref="ObservationWeights"/> builds them). Only the nonzero weights are stored, indexed
/// by step, so applying it costs O(nonzeros) over a run.
/// </summary>
public sealed class StepWeightOperator : IObservationOperator
{
    private readonly Dictionary<int, (int Index, double Weight)[]> _byStep;

    /// <summary>An operator on component <paramref name="component"/> with the weights of each observation as (step, weight) pairs.</summary>
    public StepWeightOperator(int component, IReadOnlyList<IReadOnlyList<(int Step, double Weight)>> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(component);
        ArgumentNullException.ThrowIfNull(weights);
        Component = component;
        Count = weights.Count;
        var byStep = new Dictionary<int, List<(int, double)>>();
        for (int i = 0; i < weights.Count; i++)
            foreach (var (step, w) in weights[i])
            {
                if (step < 0) throw new ArgumentOutOfRangeException(nameof(weights), step, "Steps must be non-negative.");
                if (w == 0) continue;
                if (!byStep.TryGetValue(step, out var list)) byStep[step] = list = [];
                list.Add((i, w));
            }
        _byStep = byStep.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
        LastStep = _byStep.Count == 0 ? -1 : _byStep.Keys.Max();
    }

    /// <summary>The observed state component c.</summary>
    public int Component { get; }

    /// <summary>The latest step with a nonzero weight (−1 when none).</summary>
    public int LastStep { get; }

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    public void Apply(int n, ReadOnlySpan<double> x, Span<double> h)
    {
        if (!_byStep.TryGetValue(n, out var list)) return;
        double v = x[Component];
        foreach (var (i, w) in list) h[i] += w * v;
    }

    /// <inheritdoc/>
    public void AdjointForcing(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> w, Span<double> xBar)
    {
        if (!_byStep.TryGetValue(n, out var list)) return;
        double s = 0.0;
        foreach (var (i, a) in list) s += a * w[i];
        xBar[Component] += s;
    }
}
