using ClimateAD.Adjoint.Costs;

namespace ClimateAD.Calibration.Objectives;

/// <summary>
/// Step weights for <see cref="StepWeightOperator"/> from windows of state indices (x[k] is the
/// state at the end of step k − 1, so the steps of year Y of a model with s steps per year
/// starting at t₀ are the states k = (Y − t₀)s + 1 … (Y − t₀ + 1)s):
/// <code>
///   mean over W:             a[k] = 1/|W|                  for k ∈ W
///   anomaly against W_ref:   a = a_W − a_(W_ref)
///   cumulative sum to W:     a[k] = Δt                     for k₀ &lt; k ≤ max W   (∫ x dt from the start)
/// </code>
/// </summary>
public static class ObservationWeights
{
    /// <summary>Weights of the mean over <paramref name="window"/>, minus the mean over <paramref name="reference"/> when given.</summary>
    public static IReadOnlyList<(int Step, double Weight)> Mean(TimeWindow window, TimeWindow? reference = null)
    {
        var w = new Dictionary<int, double>();
        for (int k = window.First; k <= window.Last; k++) w[k] = w.GetValueOrDefault(k) + 1.0 / window.Length;
        if (reference is { } r)
            for (int k = r.First; k <= r.Last; k++) w[k] = w.GetValueOrDefault(k) - 1.0 / r.Length;
        return w.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)).ToArray();
    }

    /// <summary>
    /// Weights of the mean over <paramref name="window"/> of the running integral I[k] = Δt Σ_(j=1..k) x[j]
    /// (e.g. heat uptake from the TOA imbalance), scaled by <paramref name="scale"/>, minus the same
    /// for <paramref name="reference"/> when given.
    /// </summary>
    public static IReadOnlyList<(int Step, double Weight)> MeanOfIntegral(TimeWindow window, double timeStep, double scale, TimeWindow? reference = null)
    {
        var w = new Dictionary<int, double>();
        void Add(TimeWindow win, double sign)
        {
            // mean_k∈W Σ_(j≤k) x[j] = Σ_j x[j] · #{k ∈ W : k ≥ j}/|W|
            for (int j = 1; j <= win.Last; j++)
            {
                int count = win.Last - Math.Max(j, win.First) + 1;
                w[j] = w.GetValueOrDefault(j) + sign * scale * timeStep * count / win.Length;
            }
        }
        Add(window, 1.0);
        if (reference is { } r) Add(r, -1.0);
        return w.Where(kv => kv.Value != 0).OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)).ToArray();
    }
}
