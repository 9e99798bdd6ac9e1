namespace ClimateAD.Adjoint.Costs;

/// <summary>
/// The background (prior) term on the parameters: <c>J_b = ½ (θ − θ_b)ᵀ B⁻¹ (θ − θ_b)</c>, with
/// gradient <c>∂J_b/∂θ = B⁻¹ (θ − θ_b)</c>.
/// </summary>
public sealed class BackgroundTerm
{
    private readonly double[] _mean;

    /// <summary>A background term with prior mean <paramref name="mean"/> <c>= θ_b</c> and covariance <paramref name="covariance"/> <c>= B</c>.</summary>
    public BackgroundTerm(IEnumerable<double> mean, IErrorCovariance covariance)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(covariance);
        _mean = [.. mean];
        if (covariance.Dimension != _mean.Length)
            throw new ArgumentException($"θ_b has {_mean.Length} values, B has dimension {covariance.Dimension}.");
        Covariance = covariance;
    }

    /// <summary>The prior mean <c>θ_b</c>.</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>The background error covariance <c>B</c>.</summary>
    public IErrorCovariance Covariance { get; }

    /// <summary>Number of parameters covered.</summary>
    public int Count => _mean.Length;
}
