using ClimateAD.Adjoint.Costs;

namespace ClimateAD.Calibration.Ensemble;

/// <summary>
/// Draws error vectors e ~ N(0, C) for the covariances of <see cref="ClimateAD.Adjoint.Costs"/>:
/// <see cref="DiagonalCovariance"/> (eᵢ = σᵢξᵢ) and <see cref="Ar1Covariance"/> (e₁ = σξ₁,
/// eᵢ = ρeᵢ₋₁ + σ√(1 − ρ²)ξᵢ, the stationary AR(1) process) and
/// <see cref="Objectives.ScaledAr1Covariance"/> (the same with σ = 1, times σᵢ), with ξ standard normal from the
/// Box–Muller transform of a seeded <see cref="Random"/>. Used for perturbed observations in
/// ensemble Kalman inversion and for synthetic observations in twin experiments.
/// </summary>
public static class CovarianceSampler
{
    /// <summary>True when <paramref name="covariance"/> can be sampled.</summary>
    public static bool CanSample(IErrorCovariance covariance) => covariance is DiagonalCovariance or Ar1Covariance or Objectives.ScaledAr1Covariance;

    /// <summary>Writes one draw of N(0, C) into <paramref name="destination"/> (length = dimension).</summary>
    /// <exception cref="NotSupportedException">The covariance type has no sampler.</exception>
    public static void Sample(IErrorCovariance covariance, Random random, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        ArgumentNullException.ThrowIfNull(random);
        if (destination.Length != covariance.Dimension)
            throw new ArgumentException($"Expected {covariance.Dimension} values.", nameof(destination));
        switch (covariance)
        {
            case DiagonalCovariance d:
                for (int i = 0; i < destination.Length; i++) destination[i] = Math.Sqrt(d.Variances[i]) * StandardNormal(random);
                break;
            case Ar1Covariance a:
                double innovation = a.StandardDeviation * Math.Sqrt(1 - a.Correlation * a.Correlation);
                destination[0] = a.StandardDeviation * StandardNormal(random);
                for (int i = 1; i < destination.Length; i++)
                    destination[i] = a.Correlation * destination[i - 1] + innovation * StandardNormal(random);
                break;
            case Objectives.ScaledAr1Covariance s:
                s.Sample(random, destination);
                break;
            default:
                throw new NotSupportedException($"Cannot draw from a {covariance.GetType().Name}; use a diagonal or AR(1) covariance.");
        }
    }

    /// <summary>One standard normal deviate (Box–Muller).</summary>
    public static double StandardNormal(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
