namespace ClimateAD.Physics.EnergyBalance;

/// <summary>
/// Exact one-step map of the two-layer model for forcing held constant over the step:
/// <code>
///   x[n+1] = Φ x[n] + Γ F[n],   x = (T, T₀)ᵀ,   Φ = e^(AΔt),   Γ = ∫₀^Δt e^(As) ds · b = A⁻¹(Φ − I) b
///   A = [ −(λ+εγ)/C   εγ/C  ]      b = [ 1/C ]
///       [   γ/C₀     −γ/C₀  ]          [  0  ]
/// </code>
/// Closed form via the spectral projectors of A (derivation in docs/models/ebm-two-layer.md):
/// with u = A₁₁ − A₂₂, p = A₁₂A₂₁ &gt; 0, δ = √(u² + 4p), σ± = (δ ± u)/2 (so σ₊σ₋ = p),
/// the eigenvalues are real, negative and distinct, μ_f = A₁₁ − σ₊ &lt; μ_s = det A / μ_f &lt; 0, and
/// <code>
///   Φ₁₁ = (σ₊e^(μ_sΔt) + σ₋e^(μ_fΔt))/δ     Φ₁₂ = A₁₂ Δt exp[μ_sΔt, μ_fΔt]
///   Φ₂₂ = (σ₋e^(μ_sΔt) + σ₊e^(μ_fΔt))/δ     Φ₂₁ = A₂₁ Δt exp[μ_sΔt, μ_fΔt]
///   Γ₁  = (σ₊ψ_s + σ₋ψ_f)/(δC),  ψ = Δt·(e^(μΔt) − 1)/(μΔt)
///   Γ₂  = A₂₁ Δt² exp[0, μ_sΔt, μ_fΔt] / C
/// </code>
/// Every quantity is a sum of positive terms or a divided difference of exp evaluated without
/// cancellation (<see cref="ExponentialDividedDifferences"/>), so Φ and Γ are accurate to a few
/// ulp for any positive parameters and any Δt, including Δt ≪ τ_f where the textbook
/// A⁻¹(Φ − I)b would lose digits to Φ − I. Time in years; Γ in K per W m⁻².
/// References: Geoffroy et al. 2013a (J. Climate 26, 1841, Eqs. 8–12) for the modes;
/// Moler &amp; Van Loan 2003 (SIAM Review 45, 3) for exponentials of 2×2 matrices.
/// </summary>
public readonly record struct TwoLayerExactPropagator
{
    /// <summary>Builds Φ and Γ for parameters <paramref name="parameters"/> and step <paramref name="timeStep"/> (years, &gt; 0).</summary>
    public TwoLayerExactPropagator(in TwoLayerParameters parameters, double timeStep)
    {
        if (!(timeStep > 0.0 && double.IsFinite(timeStep)))
            throw new ArgumentOutOfRangeException(nameof(timeStep), timeStep, "The time step must be positive and finite.");
        double lambda = parameters.ClimateFeedback;
        double c = parameters.UpperHeatCapacity, c0 = parameters.DeepHeatCapacity;
        double gamma = parameters.HeatExchangeCoefficient, eps = parameters.DeepOceanEfficacy;

        double a11 = -(lambda + eps * gamma) / c, a12 = eps * gamma / c;
        double a21 = gamma / c0, a22 = -gamma / c0;
        double u = a11 - a22;
        double p = a12 * a21;
        double delta = Math.Sqrt(u * u + 4.0 * p);
        // σ± = (δ ± u)/2 without cancellation: the smaller one from σ₊σ₋ = p.
        double sigmaPlus, sigmaMinus;
        if (u >= 0.0)
        {
            sigmaPlus = 0.5 * (delta + u);
            sigmaMinus = p / sigmaPlus;
        }
        else
        {
            sigmaMinus = 0.5 * (delta - u);
            sigmaPlus = p / sigmaMinus;
        }
        double muFast = a11 - sigmaPlus;                      // sum of two negative terms
        double muSlow = lambda * gamma / (c * c0) / muFast;   // det A / μ_f
        double aS = muSlow * timeStep, aF = muFast * timeStep;
        double expS = Math.Exp(aS), expF = Math.Exp(aF);
        double e1 = timeStep * ExponentialDividedDifferences.First(aS, aF);
        double psiS = timeStep * ExponentialDividedDifferences.Exprel(aS);
        double psiF = timeStep * ExponentialDividedDifferences.Exprel(aF);

        TimeStep = timeStep;
        FastRate = muFast;
        SlowRate = muSlow;
        Transition11 = (sigmaPlus * expS + sigmaMinus * expF) / delta;
        Transition12 = a12 * e1;
        Transition21 = a21 * e1;
        Transition22 = (sigmaMinus * expS + sigmaPlus * expF) / delta;
        Input1 = (sigmaPlus * psiS + sigmaMinus * psiF) / (delta * c);
        Input2 = a21 * timeStep * timeStep * ExponentialDividedDifferences.SecondFromZero(aS, aF) / c;
    }

    /// <summary>Δt, years.</summary>
    public double TimeStep { get; }

    /// <summary>μ_f = −1/τ_f, the fast (more negative) eigenvalue of A, yr⁻¹.</summary>
    public double FastRate { get; }

    /// <summary>μ_s = −1/τ_s, the slow eigenvalue of A, yr⁻¹.</summary>
    public double SlowRate { get; }

    /// <summary>Φ₁₁ = ∂T[n+1]/∂T[n] (dimensionless).</summary>
    public double Transition11 { get; }

    /// <summary>Φ₁₂ = ∂T[n+1]/∂T₀[n] (dimensionless).</summary>
    public double Transition12 { get; }

    /// <summary>Φ₂₁ = ∂T₀[n+1]/∂T[n] (dimensionless).</summary>
    public double Transition21 { get; }

    /// <summary>Φ₂₂ = ∂T₀[n+1]/∂T₀[n] (dimensionless).</summary>
    public double Transition22 { get; }

    /// <summary>Γ₁ = ∂T[n+1]/∂F[n], K per W m⁻².</summary>
    public double Input1 { get; }

    /// <summary>Γ₂ = ∂T₀[n+1]/∂F[n], K per W m⁻².</summary>
    public double Input2 { get; }

    /// <summary>x[n+1] = Φ x[n] + Γ F with F (W m⁻²) constant over the step.</summary>
    public TwoLayerState Apply(TwoLayerState state, double forcing) => new(
        Transition11 * state.Temperature + Transition12 * state.DeepTemperature + Input1 * forcing,
        Transition21 * state.Temperature + Transition22 * state.DeepTemperature + Input2 * forcing);
}
