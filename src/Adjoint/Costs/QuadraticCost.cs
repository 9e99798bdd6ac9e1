namespace ClimateAD.Adjoint.Costs;

/// <summary>
/// The variational cost of DESIGN.md §3 (4D-Var form, e.g. Talagrand &amp; Courtier 1987, Q. J. R.
/// Meteorol. Soc. 113:1311–1328):
/// <c>J = ½ Σ_k (H_k(x[0..L]) − y_k)ᵀ R_k⁻¹ (H_k(x[0..L]) − y_k) + ½ (θ − θ_b)ᵀ B⁻¹ (θ − θ_b)</c>,
/// one term <c>k</c> per <see cref="ObservationTerm"/>.
/// </summary>
/// <remarks>
/// Forcing: <c>∂J/∂x[n] = Σ_k (∂h_{k,n}/∂x)ᵀ w_k</c> with <c>w_k = R_k⁻¹ (H_k − y_k)</c>; parameter
/// gradient of the background: <c>B⁻¹ (θ − θ_b)</c>. Workspace layout per term:
/// <c>[H | d = H − y | w]</c>, then <c>[θ − θ_b | B⁻¹(θ − θ_b)]</c>.
/// </remarks>
public sealed class QuadraticCost : ITrajectoryCost
{
    private readonly ObservationTerm[] _terms;
    private readonly int[] _offsets;
    private readonly int _backgroundOffset;

    /// <summary>A cost from observation terms and an optional background term.</summary>
    public QuadraticCost(IEnumerable<ObservationTerm> observations, BackgroundTerm? background = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        _terms = [.. observations];
        _offsets = new int[_terms.Length];
        int offset = 0;
        for (int k = 0; k < _terms.Length; k++)
        {
            _offsets[k] = offset;
            offset += 3 * _terms[k].Count;
        }
        _backgroundOffset = offset;
        Background = background;
        WorkspaceLength = offset + 2 * (background?.Count ?? 0);
    }

    /// <summary>The observation terms.</summary>
    public IReadOnlyList<ObservationTerm> Observations => _terms;

    /// <summary>The background term, or <c>null</c> for none.</summary>
    public BackgroundTerm? Background { get; }

    /// <inheritdoc/>
    public int WorkspaceLength { get; }

    /// <inheritdoc/>
    public void Observe(int n, ReadOnlySpan<double> x, Span<double> workspace)
    {
        for (int k = 0; k < _terms.Length; k++)
            _terms[k].Operator.Apply(n, x, workspace.Slice(_offsets[k], _terms[k].Count));
    }

    /// <inheritdoc/>
    public double Complete(ReadOnlySpan<double> theta, Span<double> workspace)
    {
        double j = 0;
        for (int k = 0; k < _terms.Length; k++)
        {
            var term = _terms[k];
            int m = term.Count;
            var h = workspace.Slice(_offsets[k], m);
            var d = workspace.Slice(_offsets[k] + m, m);
            var w = workspace.Slice(_offsets[k] + 2 * m, m);
            for (int i = 0; i < m; i++) d[i] = h[i] - term.Observations[i];
            term.Covariance.ApplyInverse(d, w);
            j += 0.5 * Dot(d, w);
        }
        if (Background is { } b)
        {
            if (theta.Length < b.Count) throw new ArgumentException($"θ has {theta.Length} values, the background term {b.Count}.");
            var d = workspace.Slice(_backgroundOffset, b.Count);
            var w = workspace.Slice(_backgroundOffset + b.Count, b.Count);
            for (int i = 0; i < b.Count; i++) d[i] = theta[i] - b.Mean[i];
            b.Covariance.ApplyInverse(d, w);
            j += 0.5 * Dot(d, w);
        }
        return j;
    }

    /// <inheritdoc/>
    public void AddStateForcing(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> workspace, Span<double> xBar)
    {
        for (int k = 0; k < _terms.Length; k++)
        {
            int m = _terms[k].Count;
            _terms[k].Operator.AdjointForcing(n, x, workspace.Slice(_offsets[k] + 2 * m, m), xBar);
        }
    }

    /// <inheritdoc/>
    public void AddParameterGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> workspace, Span<double> thetaBar)
    {
        if (Background is not { } b) return;
        var w = workspace.Slice(_backgroundOffset + b.Count, b.Count);
        for (int i = 0; i < b.Count; i++) thetaBar[i] += w[i];
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
