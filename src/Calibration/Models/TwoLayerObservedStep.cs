using ClimateAD.Adjoint;
using ClimateAD.Physics.EnergyBalance;
using ClimateAD.Physics.Forcing;

namespace ClimateAD.Calibration.Models;

/// <summary>
/// The two-layer EBM-ε step (<see cref="TwoLayerDifferentiableStep"/>) with the top-of-atmosphere
/// imbalance carried as a third state component, so that observation operators, which see only the
/// state, can observe N as well as T:
/// <code>
///   (T, T₀)[n+1] = M((T, T₀)[n], θ, n)
///   N[n+1]       = F[n] − λT[n+1] − (ε − 1)γ(T[n+1] − T₀[n+1])       (W m⁻²)
/// </code>
/// (Geoffroy et al. 2013b, J. Climate 26, 1859, Eq. 2; N at the end of step n with the forcing
/// held over it, as in <see cref="TwoLayerDiagnostics"/>). N[n] is not read by the step, so
/// M_x has a zero third column. State x = (T, T₀, N) in (K, K, W m⁻²); θ in
/// <see cref="TwoLayerParameterTable.All"/> order.
/// </summary>
/// <remarks>
/// Tangent: δN' = δF − δλ T' − λ δT' − (δε γ + (ε − 1) δγ)(T' − T₀') − (ε − 1)γ(δT' − δT₀'),
/// with (δT', δT₀') from the inner tangent. Adjoint, for a cotangent (a, b, c) of (T', T₀', N'):
/// the inner adjoint runs with (a − c(λ + (ε − 1)γ), b + c(ε − 1)γ), and
/// λ̄ −= cT', γ̄ −= c(ε − 1)(T' − T₀'), ε̄ −= cγ(T' − T₀'), θ̄[pₖ] += Gₖ[n] c (through F[n]).
/// The adjoint recomputes (T', T₀') with one inner forward step. Safe for concurrent use as far as
/// the inner step is (which it is; but concurrent calls with different θ rebuild its per-θ cache,
/// so give each thread its own instance).
/// </remarks>
public sealed class TwoLayerObservedStep : IDifferentiableStep
{
    /// <summary>Index of T in the state.</summary>
    public const int TemperatureComponent = 0;

    /// <summary>Index of T₀ in the state.</summary>
    public const int DeepTemperatureComponent = 1;

    /// <summary>Index of N in the state.</summary>
    public const int ToaImbalanceComponent = 2;

    private readonly TwoLayerDifferentiableStep _inner;

    /// <summary>A step through <paramref name="forcing"/> with <paramref name="integrator"/>.</summary>
    public TwoLayerObservedStep(ForcingBasis forcing, TwoLayerIntegrator integrator = TwoLayerIntegrator.Exact)
    {
        _inner = new TwoLayerDifferentiableStep(forcing, integrator);
    }

    /// <summary>The wrapped two-component step.</summary>
    public TwoLayerDifferentiableStep Inner => _inner;

    /// <summary>The forcing basis.</summary>
    public ForcingBasis Forcing => _inner.Forcing;

    /// <summary>3: (T, T₀, N).</summary>
    public int StateLength => 3;

    /// <summary><see cref="TwoLayerParameterTable.All"/>.Count (14).</summary>
    public int ParameterLength => _inner.ParameterLength;

    /// <summary>The initial state (T, T₀, N) for a run from (T, T₀) = <paramref name="initial"/>: N[0] is never read; set to 0.</summary>
    public static double[] InitialState(TwoLayerState initial = default) => [initial.Temperature, initial.DeepTemperature, 0.0];

    /// <inheritdoc />
    public void Forward(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, Span<double> xNext)
    {
        _inner.Forward(n, x[..2], theta, xNext[..2]);
        double f = _inner.Forcing.Evaluate(n, theta);
        xNext[2] = Imbalance(theta, f, xNext[0], xNext[1]);
    }

    /// <inheritdoc />
    public void Tangent(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> dx, ReadOnlySpan<double> dTheta, Span<double> dxNext)
    {
        Span<double> next = stackalloc double[2];
        _inner.Forward(n, x[..2], theta, next);
        _inner.Tangent(n, x[..2], theta, dx[..2], dTheta, dxNext[..2]);
        double lambda = theta[1], gamma = theta[4], eps = theta[5];
        double diff = next[0] - next[1];
        double dDiff = dxNext[0] - dxNext[1];
        double dF = ForcingTangent(n, dTheta);
        dxNext[2] = dF - dTheta[1] * next[0] - lambda * dxNext[0]
                    - (dTheta[5] * gamma + (eps - 1.0) * dTheta[4]) * diff - (eps - 1.0) * gamma * dDiff;
    }

    /// <inheritdoc />
    public void Adjoint(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> lambdaNext, Span<double> lambda, Span<double> thetaBar)
    {
        Span<double> next = stackalloc double[2];
        _inner.Forward(n, x[..2], theta, next);
        double feedback = theta[1], gamma = theta[4], eps = theta[5];
        double c = lambdaNext[2];
        double diff = next[0] - next[1];
        Span<double> bar = stackalloc double[2];
        bar[0] = lambdaNext[0] - c * (feedback + (eps - 1.0) * gamma);
        bar[1] = lambdaNext[1] + c * (eps - 1.0) * gamma;
        _inner.Adjoint(n, x[..2], theta, bar, lambda[..2], thetaBar);
        thetaBar[1] -= c * next[0];
        thetaBar[4] -= c * (eps - 1.0) * diff;
        thetaBar[5] -= c * gamma * diff;
        var g = _inner.Forcing.StepValues(n);
        var p = _inner.Forcing.ParameterIndices;
        for (int k = 0; k < g.Length; k++) thetaBar[p[k]] += g[k] * c;
    }

    private static double Imbalance(ReadOnlySpan<double> theta, double forcing, double t, double t0) =>
        forcing - theta[1] * t - (theta[5] - 1.0) * theta[4] * (t - t0);

    private double ForcingTangent(int n, ReadOnlySpan<double> dTheta)
    {
        var g = _inner.Forcing.StepValues(n);
        var p = _inner.Forcing.ParameterIndices;
        double df = 0.0;
        for (int k = 0; k < g.Length; k++) df += dTheta[p[k]] * g[k];
        return df;
    }
}
