using ClimateAD.Calibration.Objectives;

namespace ClimateAD.Calibration.Experiments;

/// <summary>The result of one calibration of one noise realisation of a twin experiment.</summary>
/// <param name="Realisation">Index of the noise realisation (its seed).</param>
/// <param name="Method">Calibration method.</param>
/// <param name="Names">Free parameter names.</param>
/// <param name="Truth">True values.</param>
/// <param name="FirstGuess">First guess.</param>
/// <param name="Estimate">Calibrated values.</param>
/// <param name="StandardDeviations">Posterior σ: Laplace for gradient methods, ensemble spread for EKI.</param>
/// <param name="Counts">Model work of the calibration (excluding the Laplace step when it had to be computed separately).</param>
/// <param name="Iterations">Iterations.</param>
/// <param name="Converged">True when the stopping test was met.</param>
/// <param name="Cost">Final J.</param>
public sealed record TwinOutcome(
    int Realisation,
    string Method,
    IReadOnlyList<string> Names,
    double[] Truth,
    double[] FirstGuess,
    double[] Estimate,
    double[] StandardDeviations,
    ModelRunCounts Counts,
    int Iterations,
    bool Converged,
    double Cost)
{
    /// <summary>|estimate − truth| / truth per parameter.</summary>
    public double[] RelativeErrors => Estimate.Select((e, i) => Math.Abs(e - Truth[i]) / Math.Abs(Truth[i])).ToArray();

    /// <summary>Whether the ±2σ interval covers the truth, per parameter.</summary>
    public bool[] Covered => Estimate.Select((e, i) => Math.Abs(e - Truth[i]) <= 2.0 * StandardDeviations[i]).ToArray();
}
