namespace ClimateAD.Physics.EnergyBalance;

/// <summary>
/// Analytic solution of the two-layer model started from rest, in continuous time
/// (Geoffroy et al. 2013a, J. Climate 26, 1841–1857, Eqs. 10–17; with efficacy, Geoffroy et al.
/// 2013b, J. Climate 26, 1859–1876, §2b: the ε-model is the ε = 1 model with γ' = εγ and
/// C₀' = εC₀, since C₀ dT₀/dt = γ(T − T₀) ⇔ εC₀ dT₀/dt = εγ(T − T₀)).
/// With
/// <code>
///   b  = (λ + γ')/C + γ'/C₀'      b* = (λ + γ')/C − γ'/C₀'      δ = b² − 4λγ'/(CC₀')
///   τ_f = CC₀'(b − √δ)/(2λγ')     τ_s = CC₀'(b + √δ)/(2λγ')
///   φ_f = C(b* − √δ)/(2γ')        φ_s = C(b* + √δ)/(2γ')
///   a_f = φ_s τ_f λ/(C(φ_s − φ_f))  a_s = −φ_f τ_s λ/(C(φ_s − φ_f))     (a_f + a_s = 1)
/// </code>
/// the response to forcing F switched on at t = 0 is
/// <code>
///   T(t)  = (F/λ)[1 − a_f e^(−t/τ_f) − a_s e^(−t/τ_s)]
///   T₀(t) = (F/λ)[1 − φ_f a_f e^(−t/τ_f) − φ_s a_s e^(−t/τ_s)]
/// </code>
/// (evaluated as (F/λ)Σᵢ aᵢ(1 − e^(−t/τᵢ)) and (F/λ)Σᵢ φᵢaᵢ(1 − e^(−t/τᵢ)), the same by
/// a_f + a_s = 1 and φ_f a_f + φ_s a_s = 1 but free of cancellation at small t),
/// and, integrating once, the response to a linear ramp F = κt is
/// T(t) = (κ/λ)[t − Σᵢ aᵢτᵢ(1 − e^(−t/τᵢ))], T₀ likewise with φᵢaᵢ. Time in years.
/// This type is written from the paper's formulas, independently of the time integrators, and
/// serves as their reference.
/// </summary>
public sealed class TwoLayerStepResponse
{
    /// <summary>Computes the modal time scales and amplitudes of <paramref name="parameters"/>.</summary>
    public TwoLayerStepResponse(in TwoLayerParameters parameters)
    {
        Parameters = parameters.Validated();
        double lambda = parameters.ClimateFeedback, c = parameters.UpperHeatCapacity;
        double gammaP = parameters.DeepOceanEfficacy * parameters.HeatExchangeCoefficient;
        double c0P = parameters.DeepOceanEfficacy * parameters.DeepHeatCapacity;

        double b = (lambda + gammaP) / c + gammaP / c0P;
        double bStar = (lambda + gammaP) / c - gammaP / c0P;
        double delta = b * b - 4.0 * lambda * gammaP / (c * c0P);
        double sqrtDelta = Math.Sqrt(delta);

        FastTimescale = c * c0P / (2.0 * lambda * gammaP) * (b - sqrtDelta);
        SlowTimescale = c * c0P / (2.0 * lambda * gammaP) * (b + sqrtDelta);
        FastDeepRatio = c / (2.0 * gammaP) * (bStar - sqrtDelta);
        SlowDeepRatio = c / (2.0 * gammaP) * (bStar + sqrtDelta);
        FastAmplitude = SlowDeepRatio * FastTimescale * lambda / (c * (SlowDeepRatio - FastDeepRatio));
        SlowAmplitude = -FastDeepRatio * SlowTimescale * lambda / (c * (SlowDeepRatio - FastDeepRatio));
    }

    /// <summary>The parameters.</summary>
    public TwoLayerParameters Parameters { get; }

    /// <summary>τ_f, e-folding time of the fast (mixed-layer) mode, years.</summary>
    public double FastTimescale { get; }

    /// <summary>τ_s, e-folding time of the slow (deep-ocean) mode, years.</summary>
    public double SlowTimescale { get; }

    /// <summary>a_f, share of the equilibrium response carried by the fast mode (dimensionless).</summary>
    public double FastAmplitude { get; }

    /// <summary>a_s = 1 − a_f, share carried by the slow mode (dimensionless).</summary>
    public double SlowAmplitude { get; }

    /// <summary>φ_f, ratio T₀/T within the fast mode (dimensionless; small and negative).</summary>
    public double FastDeepRatio { get; }

    /// <summary>φ_s, ratio T₀/T within the slow mode (dimensionless, near 1).</summary>
    public double SlowDeepRatio { get; }

    /// <summary>
    /// Diagnostics at time <paramref name="time"/> (years ≥ 0) after forcing <paramref name="forcing"/>
    /// (W m⁻²) is switched on at t = 0 with the system at rest. N and γ(T − T₀) follow from T, T₀
    /// as in <see cref="TwoLayerDiagnostics"/>.
    /// </summary>
    public TwoLayerDiagnostics StepResponse(double forcing, double time)
    {
        // Geoffroy's T = (F/λ)[1 − a_f e_f − a_s e_s] rewritten with a_f + a_s = 1 and
        // φ_f a_f + φ_s a_s = 1 (T(0) = T₀(0) = 0) as sums of aᵢ(1 − e^(−t/τᵢ)): algebraically the
        // same, but without the cancellation of "1 − …" at small t, where T₀ = O(t²).
        double gF = OneMinusExpMinus(time / FastTimescale), gS = OneMinusExpMinus(time / SlowTimescale);
        double scale = forcing / Parameters.ClimateFeedback;
        double t = scale * (FastAmplitude * gF + SlowAmplitude * gS);
        double t0 = scale * (FastDeepRatio * FastAmplitude * gF + SlowDeepRatio * SlowAmplitude * gS);
        return Diagnose(time, t, t0, forcing);
    }

    /// <summary>
    /// Diagnostics at time <paramref name="time"/> (years ≥ 0) under the ramp F(t) = κt,
    /// κ = <paramref name="forcingRate"/> (W m⁻² yr⁻¹), from rest:
    /// T = (κ/λ)[t − a_fτ_f(1 − e^(−t/τ_f)) − a_sτ_s(1 − e^(−t/τ_s))].
    /// </summary>
    public TwoLayerDiagnostics RampResponse(double forcingRate, double time)
    {
        double gF = FastTimescale * OneMinusExpMinus(time / FastTimescale);
        double gS = SlowTimescale * OneMinusExpMinus(time / SlowTimescale);
        double scale = forcingRate / Parameters.ClimateFeedback;
        double t = scale * (time - FastAmplitude * gF - SlowAmplitude * gS);
        double t0 = scale * (time - FastDeepRatio * FastAmplitude * gF - SlowDeepRatio * SlowAmplitude * gS);
        return Diagnose(time, t, t0, forcingRate * time);
    }

    /// <summary>1 − e^(−x) to a few ulp for all x ≥ 0 (Kahan's expm1: (u − 1)·x/ln u with u = fl(e^(−x))).</summary>
    private static double OneMinusExpMinus(double x)
    {
        double u = Math.Exp(-x);
        if (u == 1.0) return x;
        if (u == 0.0) return 1.0;
        return (1.0 - u) * x / -Math.Log(u);
    }

    private TwoLayerDiagnostics Diagnose(double time, double t, double t0, double forcing) =>
        TwoLayerDiagnostics.Of(Parameters, time, new TwoLayerState(t, t0), forcing);
}
