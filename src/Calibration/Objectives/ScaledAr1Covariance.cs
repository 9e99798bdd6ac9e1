using ClimateAD.Adjoint.Costs;

namespace ClimateAD.Calibration.Objectives;

/// <summary>
/// Observation errors with per-point standard deviations σᵢ and AR(1) correlation ρ between
/// neighbours (e.g. annual temperature errors of a data set that states its own σ per year):
/// <code>
///   R = D C D,   D = diag(σ),   Cᵢⱼ = ρ^|i−j|,
///   C⁻¹ = (1/(1 − ρ²)) tridiag(−ρ; 1, 1 + ρ², …, 1 + ρ², 1; −ρ)
/// </code>
/// so R⁻¹d = D⁻¹C⁻¹D⁻¹d in O(m) (the AR(1) precision is tridiagonal; e.g. Rasmussen &amp;
/// Williams 2006, App. B). ρ = 0 gives the diagonal covariance.
/// </summary>
public sealed class ScaledAr1Covariance : IErrorCovariance
{
    private readonly double[] _sigma;

    /// <summary>Creates R from σᵢ &gt; 0 and −1 &lt; ρ &lt; 1.</summary>
    public ScaledAr1Covariance(IReadOnlyList<double> sigma, double correlation)
    {
        ArgumentNullException.ThrowIfNull(sigma);
        if (sigma.Count == 0) throw new ArgumentException("Need at least one σ.", nameof(sigma));
        foreach (var s in sigma)
            if (!(s > 0 && double.IsFinite(s))) throw new ArgumentOutOfRangeException(nameof(sigma), s, "σ must be positive and finite.");
        if (!(correlation > -1 && correlation < 1)) throw new ArgumentOutOfRangeException(nameof(correlation), correlation, "ρ must be in (−1, 1).");
        _sigma = [.. sigma];
        Correlation = correlation;
    }

    /// <summary>σᵢ.</summary>
    public IReadOnlyList<double> StandardDeviations => _sigma;

    /// <summary>ρ.</summary>
    public double Correlation { get; }

    /// <inheritdoc/>
    public int Dimension => _sigma.Length;

    /// <inheritdoc/>
    public void ApplyInverse(ReadOnlySpan<double> d, Span<double> w)
    {
        int m = _sigma.Length;
        if (d.Length != m || w.Length != m) throw new ArgumentException($"Expected {m} values.");
        double rho = Correlation, f = 1.0 / (1.0 - rho * rho);
        Span<double> e = m <= 1024 ? stackalloc double[m] : new double[m];
        for (int i = 0; i < m; i++) e[i] = d[i] / _sigma[i];
        for (int i = 0; i < m; i++)
        {
            double diag = (i == 0 || i == m - 1) ? 1.0 : 1.0 + rho * rho;
            if (m == 1) diag = 1.0 - rho * rho; // a single point: C = 1
            double v = diag * e[i];
            if (i > 0) v -= rho * e[i - 1];
            if (i < m - 1) v -= rho * e[i + 1];
            w[i] = f * v / _sigma[i];
        }
    }

    /// <summary>One draw e = D z with z the stationary unit AR(1) process.</summary>
    public void Sample(Random random, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(random);
        double rho = Correlation, innovation = Math.Sqrt(1 - rho * rho);
        double z = Ensemble.CovarianceSampler.StandardNormal(random);
        destination[0] = _sigma[0] * z;
        for (int i = 1; i < destination.Length; i++)
        {
            z = rho * z + innovation * Ensemble.CovarianceSampler.StandardNormal(random);
            destination[i] = _sigma[i] * z;
        }
    }
}
