using ClimateAD.Calibration.Transforms;

namespace ClimateAD.Calibration.Uncertainty;

/// <summary>
/// Mean, standard deviation and correlation of an ensemble of free-parameter vectors in physical
/// units (e.g. the final ensemble of ensemble Kalman inversion, whose spread is its uncertainty
/// estimate): with members φ⁽ʲ⁾ = g(u⁽ʲ⁾), j = 1..J,
/// <code>
///   φ̄ = (1/J) Σ φ⁽ʲ⁾,   Cᵢₖ = (s²/(J − 1)) Σ (φᵢ⁽ʲ⁾ − φ̄ᵢ)(φₖ⁽ʲ⁾ − φ̄ₖ),   σᵢ = √Cᵢᵢ
/// </code>
/// with an optional inflation s (<see cref="Ensemble.EnsembleKalmanInversion.SpreadInflation"/>).
/// <code>
/// </code>
/// </summary>
public sealed class EnsembleSummary
{
    private readonly double[,] _covariance;

    /// <summary>Summarises members given in the unbounded space; σ and C are multiplied by <paramref name="inflation"/> and its square.</summary>
    public EnsembleSummary(FreeParameters free, IReadOnlyList<double[]> membersU, double inflation = 1.0)
    {
        ArgumentNullException.ThrowIfNull(free);
        ArgumentNullException.ThrowIfNull(membersU);
        if (membersU.Count < 2) throw new ArgumentException("Need at least two members.", nameof(membersU));
        Members = membersU.Select(u => free.ToParameters(u)).ToArray();
        int p = free.Count, j = Members.Count;
        Mean = new double[p];
        foreach (var m in Members)
            for (int i = 0; i < p; i++) Mean[i] += m[i] / j;
        _covariance = new double[p, p];
        foreach (var m in Members)
            for (int a = 0; a < p; a++)
                for (int b = 0; b < p; b++) _covariance[a, b] += inflation * inflation * (m[a] - Mean[a]) * (m[b] - Mean[b]) / (j - 1);
        StandardDeviations = Enumerable.Range(0, p).Select(i => Math.Sqrt(_covariance[i, i])).ToArray();
    }

    /// <summary>The members φ⁽ʲ⁾ in physical units.</summary>
    public IReadOnlyList<double[]> Members { get; }

    /// <summary>φ̄.</summary>
    public double[] Mean { get; }

    /// <summary>σᵢ.</summary>
    public double[] StandardDeviations { get; }

    /// <summary>The sample covariance (a copy).</summary>
    public double[,] Covariance => (double[,])_covariance.Clone();

    /// <summary>The sample correlation.</summary>
    public double[,] Correlation()
    {
        int p = Mean.Length;
        var r = new double[p, p];
        for (int a = 0; a < p; a++)
            for (int b = 0; b < p; b++) r[a, b] = _covariance[a, b] / (StandardDeviations[a] * StandardDeviations[b]);
        return r;
    }
}
