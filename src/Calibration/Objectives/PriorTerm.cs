using ClimateAD.Adjoint.Costs;
using ClimateAD.Calibration.Transforms;

namespace ClimateAD.Calibration.Objectives;

/// <summary>
/// The prior (background) term of a calibration over some of the free parameters, in their
/// physical units: with φ_S the free parameters listed in <see cref="FreeIndices"/>,
/// <code>
///   J_b = ½ (φ_S − θ_b)ᵀ B⁻¹ (φ_S − θ_b),   ∂J_b/∂φ_S = B⁻¹ (φ_S − θ_b)
/// </code>
/// (DESIGN.md §3; Tarantola 2005, <i>Inverse Problem Theory</i>, §3.2). θ_b and B come from an
/// <see cref="BackgroundTerm"/>; free parameters not listed have a flat prior within their bounds.
/// </summary>
public sealed class PriorTerm
{
    private readonly int[] _indices;

    /// <summary>A prior over the free parameters at <paramref name="freeIndices"/> (positions in the free vector).</summary>
    public PriorTerm(BackgroundTerm background, IReadOnlyList<int> freeIndices)
    {
        ArgumentNullException.ThrowIfNull(background);
        ArgumentNullException.ThrowIfNull(freeIndices);
        if (freeIndices.Count != background.Count)
            throw new ArgumentException($"{freeIndices.Count} indices for a background term over {background.Count} parameters.");
        Background = background;
        _indices = [.. freeIndices];
        if (_indices.Distinct().Count() != _indices.Length) throw new ArgumentException("Repeated free index.", nameof(freeIndices));
    }

    /// <summary>θ_b and B.</summary>
    public BackgroundTerm Background { get; }

    /// <summary>Positions in the free vector of the parameters the prior covers.</summary>
    public IReadOnlyList<int> FreeIndices => _indices;

    /// <summary>
    /// The independent Gaussian priors N(μ, σ²) declared in the parameter table
    /// (<see cref="ClimateAD.Physics.Parameters.ParameterSpec.Prior"/>) for the free parameters
    /// that have one, optionally overridden per name; <c>null</c> when none has a prior.
    /// </summary>
    /// <param name="free">The free parameters.</param>
    /// <param name="overrides">(mean, sd) by parameter name, replacing the table's prior or adding one.</param>
    public static PriorTerm? FromTable(FreeParameters free, IReadOnlyDictionary<string, (double Mean, double Sd)>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(free);
        var indices = new List<int>();
        var means = new List<double>();
        var variances = new List<double>();
        int j = 0;
        foreach (var spec in free.Specs)
        {
            (double Mean, double Sd)? p = overrides is not null && overrides.TryGetValue(spec.Name, out var o) ? o
                : spec.Prior is { } g ? (g.Mean, g.StandardDeviation) : null;
            if (p is { } prior)
            {
                indices.Add(j);
                means.Add(prior.Mean);
                variances.Add(prior.Sd * prior.Sd);
            }
            j++;
        }
        return indices.Count == 0 ? null : new PriorTerm(new BackgroundTerm(means, new DiagonalCovariance(variances)), indices);
    }

    /// <summary>J_b at the free vector <paramref name="free"/>; accumulates ∂J_b/∂φ into <paramref name="gradient"/> (length p) when it is not empty.</summary>
    public double Evaluate(ReadOnlySpan<double> free, Span<double> gradient)
    {
        int k = _indices.Length;
        Span<double> d = stackalloc double[k];
        Span<double> w = stackalloc double[k];
        for (int i = 0; i < k; i++) d[i] = free[_indices[i]] - Background.Mean[i];
        Background.Covariance.ApplyInverse(d, w);
        double j = 0.0;
        for (int i = 0; i < k; i++) j += 0.5 * d[i] * w[i];
        if (!gradient.IsEmpty)
            for (int i = 0; i < k; i++) gradient[_indices[i]] += w[i];
        return j;
    }

    /// <summary>Accumulates the prior precision B⁻¹ into the p × p matrix <paramref name="hessian"/> (free-vector order).</summary>
    public void AddPrecision(double[,] hessian)
    {
        ArgumentNullException.ThrowIfNull(hessian);
        int k = _indices.Length;
        var e = new double[k];
        var column = new double[k];
        for (int c = 0; c < k; c++)
        {
            Array.Clear(e);
            e[c] = 1.0;
            Background.Covariance.ApplyInverse(e, column);
            for (int r = 0; r < k; r++) hessian[_indices[r], _indices[c]] += column[r];
        }
    }
}
