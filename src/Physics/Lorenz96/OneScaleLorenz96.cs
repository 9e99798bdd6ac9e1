using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.Lorenz96;

/// <summary>
/// Right-hand side of the one-scale Lorenz-96 model with a pluggable closure for the unresolved
/// fast scales (Lorenz 1996; Wilks 2005, Q. J. R. Meteorol. Soc. 131:389–407), nondimensional:
/// <code>
///   dX_k/dt = −X_{k−1}(X_{k−2} − X_{k+1}) − X_k + F + S(X_k; φ),    X_{k+K} = X_k
/// </code>
/// θ = (F, φ…) (<see cref="Lorenz96ParameterTable.OneScale"/>). A <c>null</c> subgrid term
/// switches <c>S</c> off, which makes this bit-for-bit the slow part of
/// <see cref="TwoScaleLorenz96"/> with <c>h = 0</c>.
/// </summary>
public sealed class OneScaleLorenz96 : IDifferentiableTendency
{
    /// <summary>A one-scale model with <paramref name="count"/> variables and closure <paramref name="subgrid"/>.</summary>
    /// <param name="count">K ≥ 4.</param>
    /// <param name="subgrid">The closure <c>S</c>, or <c>null</c> for none.</param>
    public OneScaleLorenz96(int count, ISubgridTerm? subgrid)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 4);
        Count = count;
        Subgrid = subgrid;
        Parameters = Lorenz96ParameterTable.OneScale(subgrid);
    }

    /// <summary>Number of variables K.</summary>
    public int Count { get; }

    /// <summary>The subgrid slot; <c>null</c> means no term.</summary>
    public ISubgridTerm? Subgrid { get; }

    /// <summary>The parameter declarations, θ = (F, φ…).</summary>
    public ParameterTable Parameters { get; }

    /// <inheritdoc />
    public int StateLength => Count;

    /// <inheritdoc />
    public int ParameterLength => Parameters.Count;

    /// <summary>Writes <c>dX_k/dt = A_k − X_k + F + S(X_k; φ)</c>.</summary>
    public void Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> theta, Span<double> tendency)
    {
        double forcing = theta[0];
        for (int k = 0; k < x.Length; k++)
            tendency[k] = CyclicAdvection.Slow(x, k) - x[k] + forcing;
        if (Subgrid is not { } s) return;
        var phi = theta[1..];
        for (int k = 0; k < x.Length; k++) tendency[k] += s.Evaluate(x[k], phi);
    }

    /// <summary>Writes <c>δA_k − δX_k + δF + S'(X_k) δX_k + (∂S/∂φ) δφ</c>.</summary>
    public void Tangent(ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> dx, ReadOnlySpan<double> dTheta, Span<double> dTendency)
    {
        double dForcing = dTheta[0];
        for (int k = 0; k < x.Length; k++)
            dTendency[k] = CyclicAdvection.SlowTangent(x, dx, k) - dx[k] + dForcing;
        if (Subgrid is not { } s) return;
        ReadOnlySpan<double> phi = theta[1..], dPhi = dTheta[1..];
        for (int k = 0; k < x.Length; k++)
            dTendency[k] += s.Derivative(x[k], phi) * dx[k] + s.ParameterTangent(x[k], phi, dPhi);
    }

    /// <summary>Accumulates <c>X̄_m += Aᵀg − g_m + S'(X_m) g_m</c>, <c>F̄ += Σ g</c>, <c>φ̄ += Σ_k g_k (∂S/∂φ)(X_k)</c>.</summary>
    public void Adjoint(ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> tendencyBar, Span<double> xBar, Span<double> thetaBar)
    {
        double forcingBar = 0;
        for (int m = 0; m < x.Length; m++)
        {
            xBar[m] += CyclicAdvection.SlowTranspose(x, tendencyBar, m) - tendencyBar[m];
            forcingBar += tendencyBar[m];
        }
        thetaBar[0] += forcingBar;
        if (Subgrid is not { } s) return;
        var phi = theta[1..];
        var phiBar = thetaBar[1..];
        for (int k = 0; k < x.Length; k++)
        {
            xBar[k] += s.Derivative(x[k], phi) * tendencyBar[k];
            s.AddParameterAdjoint(x[k], phi, tendencyBar[k], phiBar);
        }
    }
}
