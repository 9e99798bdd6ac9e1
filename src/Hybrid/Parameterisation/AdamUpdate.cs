namespace ClimateAD.Hybrid.Parameterisation;

/// <summary>
/// One Adam update (Kingma &amp; Ba 2015, ICLR), β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸:
/// <code>
///   m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,  w ← w − η m̂/(√v̂ + ε),  m̂ = m/(1−β₁ᵗ),  v̂ = v/(1−β₂ᵗ)
/// </code>
/// </summary>
public static class AdamUpdate
{
    /// <summary>Applies iteration <paramref name="t"/> (1-based) in place.</summary>
    public static void Apply(int t, double learningRate, ReadOnlySpan<double> g, Span<double> m, Span<double> v, Span<double> w)
    {
        const double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        double c1 = 1 - Math.Pow(beta1, t), c2 = 1 - Math.Pow(beta2, t);
        for (int j = 0; j < w.Length; j++)
        {
            m[j] = beta1 * m[j] + (1 - beta1) * g[j];
            v[j] = beta2 * v[j] + (1 - beta2) * g[j] * g[j];
            w[j] -= learningRate * (m[j] / c1) / (Math.Sqrt(v[j] / c2) + eps);
        }
    }
}
