namespace ClimateAD.Adjoint.Costs;

/// <summary>
/// First-order autoregressive (AR(1)) errors of a scalar time series with <c>m</c> values:
/// <c>C_ij = σ² ρ^|i−j|</c>, <c>|ρ| &lt; 1</c>.
/// </summary>
/// <remarks>
/// The inverse is tridiagonal: <c>C⁻¹ = T / (σ²(1 − ρ²))</c> with <c>T_11 = T_mm = 1</c>,
/// <c>T_ii = 1 + ρ²</c> for <c>1 &lt; i &lt; m</c> and <c>T_{i,i±1} = −ρ</c>; for <c>m = 1</c>,
/// <c>C⁻¹ = 1/σ²</c>. See e.g. Brockwell &amp; Davis, <i>Time Series: Theory and Methods</i>, 2nd
/// ed. (1991), §8.7, or Rasmussen &amp; Williams (2006) for the Ornstein–Uhlenbeck (Markov) case.
/// </remarks>
public sealed class Ar1Covariance : IErrorCovariance
{
    /// <summary>AR(1) covariance of <paramref name="dimension"/> values.</summary>
    /// <param name="dimension">Number of values <c>m ≥ 1</c>.</param>
    /// <param name="standardDeviation">Marginal standard deviation <c>σ &gt; 0</c>.</param>
    /// <param name="correlation">Lag-one correlation <c>ρ</c>, <c>−1 &lt; ρ &lt; 1</c>.</param>
    public Ar1Covariance(int dimension, double standardDeviation, double correlation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (!(standardDeviation > 0) || !double.IsFinite(standardDeviation))
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), "σ must be finite and positive.");
        if (!(Math.Abs(correlation) < 1)) throw new ArgumentOutOfRangeException(nameof(correlation), "|ρ| must be < 1.");
        Dimension = dimension;
        StandardDeviation = standardDeviation;
        Correlation = correlation;
    }

    /// <inheritdoc/>
    public int Dimension { get; }

    /// <summary>Marginal standard deviation <c>σ</c>.</summary>
    public double StandardDeviation { get; }

    /// <summary>Lag-one correlation <c>ρ</c>.</summary>
    public double Correlation { get; }

    /// <inheritdoc/>
    public void ApplyInverse(ReadOnlySpan<double> d, Span<double> w)
    {
        int m = Dimension;
        double s2 = StandardDeviation * StandardDeviation, rho = Correlation;
        if (m == 1)
        {
            w[0] = d[0] / s2;
            return;
        }
        double scale = 1.0 / (s2 * (1 - rho * rho));
        w[0] = scale * (d[0] - rho * d[1]);
        for (int i = 1; i < m - 1; i++)
            w[i] = scale * ((1 + rho * rho) * d[i] - rho * (d[i - 1] + d[i + 1]));
        w[m - 1] = scale * (d[m - 1] - rho * d[m - 2]);
    }
}
