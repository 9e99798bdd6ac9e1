using ClimateAD.Calibration.Objectives;
using ClimateAD.Calibration.Optimisers;

namespace ClimateAD.Calibration.Uncertainty;

/// <summary>
/// Laplace approximation of the posterior at the optimum φ̂ (Tarantola 2005, §3.2.3; MacKay 2003,
/// ch. 27): a Gaussian N(φ̂, Σ) with Σ the inverse Gauss–Newton Hessian in the free parameters'
/// physical units,
/// <code>
///   Σ = (GᵀR⁻¹G + B⁻¹)⁻¹,   σᵢ = √Σᵢᵢ,   ρᵢⱼ = Σᵢⱼ/(σᵢσⱼ)
/// </code>
/// with G = ∂h/∂φ from the tangent model at φ̂ (<see cref="Linearisation"/>). A derived quantity
/// q(φ) (ECS, TCR) gets σ_q = √(∇qᵀ Σ ∇q) (first-order propagation). Valid when J is close to
/// quadratic over the posterior width and the residuals are small (Gauss–Newton neglects the
/// second derivatives of h weighted by the residuals).
/// </summary>
public sealed class LaplaceApproximation
{
    private readonly double[,] _covariance;

    /// <summary>The approximation from the linearisation at the optimum.</summary>
    /// <exception cref="InvalidOperationException">The Gauss–Newton Hessian is not positive definite (a parameter is not constrained).</exception>
    public LaplaceApproximation(Linearisation optimum, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(optimum);
        ArgumentNullException.ThrowIfNull(names);
        Mean = (double[])optimum.Free.Clone();
        Names = [.. names];
        _covariance = SmallMatrix.TryInverseSpd(optimum.HessianFree)
            ?? throw new InvalidOperationException("The Gauss-Newton Hessian is not positive definite: some free parameter is not constrained by the observations or a prior.");
        int p = Mean.Length;
        StandardDeviations = new double[p];
        for (int i = 0; i < p; i++) StandardDeviations[i] = Math.Sqrt(_covariance[i, i]);
    }

    /// <summary>φ̂, the posterior mode (physical units).</summary>
    public double[] Mean { get; }

    /// <summary>Names of the free parameters.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>σᵢ, posterior standard deviations (physical units).</summary>
    public double[] StandardDeviations { get; }

    /// <summary>Σ, p × p (a copy).</summary>
    public double[,] Covariance => (double[,])_covariance.Clone();

    /// <summary>ρᵢⱼ = Σᵢⱼ/(σᵢσⱼ), p × p.</summary>
    public double[,] Correlation()
    {
        int p = Mean.Length;
        var r = new double[p, p];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++) r[i, j] = _covariance[i, j] / (StandardDeviations[i] * StandardDeviations[j]);
        return r;
    }

    /// <summary>σ_q = √(∇qᵀ Σ ∇q) for a derived quantity with gradient <paramref name="gradient"/> = ∂q/∂φ.</summary>
    public double StandardDeviationOf(ReadOnlySpan<double> gradient)
    {
        int p = Mean.Length;
        if (gradient.Length != p) throw new ArgumentException($"Expected {p} gradient entries.", nameof(gradient));
        double v = 0.0;
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++) v += gradient[i] * _covariance[i, j] * gradient[j];
        return Math.Sqrt(Math.Max(v, 0.0));
    }

    /// <summary>
    /// σ_q of a derived quantity q(φ) by first-order propagation, with ∇q from central differences
    /// of step 10⁻⁴ σᵢ (q is a cheap closed-form function such as ECS = F₄ₓ/(2λ)).
    /// </summary>
    public double StandardDeviationOf(Func<double[], double> quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        int p = Mean.Length;
        var grad = new double[p];
        for (int i = 0; i < p; i++)
        {
            double h = 1e-4 * StandardDeviations[i];
            if (h == 0) continue;
            var plus = (double[])Mean.Clone();
            var minus = (double[])Mean.Clone();
            plus[i] += h;
            minus[i] -= h;
            grad[i] = (quantity(plus) - quantity(minus)) / (2 * h);
        }
        return StandardDeviationOf(grad);
    }

    /// <summary>True when |φ̂ᵢ − truthᵢ| ≤ k σᵢ for parameter i (a k-σ interval covers the truth).</summary>
    public bool Covers(int index, double truth, double k = 2.0) => Math.Abs(Mean[index] - truth) <= k * StandardDeviations[index];
}
