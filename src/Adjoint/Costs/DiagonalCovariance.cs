namespace ClimateAD.Adjoint.Costs;

/// <summary>Uncorrelated errors: <c>C = diag(σ₁², …, σ_m²)</c>, <c>(C⁻¹ d)_i = d_i / σ_i²</c>.</summary>
public sealed class DiagonalCovariance : IErrorCovariance
{
    private readonly double[] _variances;

    /// <summary>A diagonal covariance from the variances <c>σ_i²</c> (each finite and &gt; 0).</summary>
    public DiagonalCovariance(IEnumerable<double> variances)
    {
        ArgumentNullException.ThrowIfNull(variances);
        _variances = [.. variances];
        foreach (double v in _variances)
            if (!(v > 0) || !double.IsFinite(v)) throw new ArgumentOutOfRangeException(nameof(variances), "Variances must be finite and positive.");
    }

    /// <summary><c>m</c> equal variances <c>σ²</c>.</summary>
    public static DiagonalCovariance Uniform(int dimension, double variance) => new(Enumerable.Repeat(variance, dimension));

    /// <inheritdoc/>
    public int Dimension => _variances.Length;

    /// <summary>The variances <c>σ_i²</c>.</summary>
    public IReadOnlyList<double> Variances => _variances;

    /// <inheritdoc/>
    public void ApplyInverse(ReadOnlySpan<double> d, Span<double> w)
    {
        for (int i = 0; i < _variances.Length; i++) w[i] = d[i] / _variances[i];
    }
}
