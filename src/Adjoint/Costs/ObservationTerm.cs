namespace ClimateAD.Adjoint.Costs;

/// <summary>
/// One observation term of a cost: <c>J_o = ½ (H(x[0..L]) − y)ᵀ R⁻¹ (H(x[0..L]) − y)</c>.
/// </summary>
public sealed class ObservationTerm
{
    private readonly double[] _observations;

    /// <summary>A term with operator <paramref name="op"/>, observations <paramref name="observations"/> and error covariance <paramref name="covariance"/>.</summary>
    /// <exception cref="ArgumentException">Dimensions of <c>H</c>, <c>y</c> and <c>R</c> differ.</exception>
    public ObservationTerm(IObservationOperator op, IEnumerable<double> observations, IErrorCovariance covariance)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(covariance);
        _observations = [.. observations];
        if (_observations.Length != op.Count || covariance.Dimension != op.Count)
            throw new ArgumentException($"H gives {op.Count} values, y has {_observations.Length}, R has dimension {covariance.Dimension}.");
        Operator = op;
        Covariance = covariance;
    }

    /// <summary>The observation operator <c>H</c>.</summary>
    public IObservationOperator Operator { get; }

    /// <summary>The observations <c>y</c>.</summary>
    public IReadOnlyList<double> Observations => _observations;

    /// <summary>The observation error covariance <c>R</c>.</summary>
    public IErrorCovariance Covariance { get; }

    /// <summary>Number of observed values <c>m</c>.</summary>
    public int Count => _observations.Length;
}
