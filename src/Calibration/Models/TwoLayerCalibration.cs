using ClimateAD.Calibration.Objectives;
using ClimateAD.Calibration.Transforms;
using ClimateAD.Physics.EnergyBalance;
using ClimateAD.Physics.Forcing;

namespace ClimateAD.Calibration.Models;

/// <summary>
/// Calibration problems for the two-layer EBM-ε (<see cref="TwoLayerObservedStep"/>) and the
/// quantities derived from its parameters:
/// <code>
///   ECS = F₄ₓ/(2λ)                                    (K; Gregory et al. 2004)
///   TCR = T(70 yr) of a 1 % per year CO2 ramp         (K; <see cref="TwoLayerParameters.TransientClimateResponse"/>)
/// </code>
/// </summary>
public static class TwoLayerCalibration
{
    /// <summary>Names of the six physical parameters, in θ order.</summary>
    public static IReadOnlyList<string> PhysicalNames { get; } = TwoLayerParameterTable.Physical.Select(s => s.Name).ToArray();

    /// <summary>A problem through <paramref name="forcing"/> from rest.</summary>
    /// <param name="forcing">The forcing basis (its steps are the run).</param>
    /// <param name="observations">Observed variables built with <see cref="TwoLayerObservations"/> for this forcing.</param>
    /// <param name="free">Free parameters over <see cref="TwoLayerParameterTable.All"/>.</param>
    /// <param name="prior">Prior, or <c>null</c>.</param>
    /// <param name="integrator">Integrator (default exact).</param>
    public static CalibrationProblem Problem(ForcingBasis forcing, IReadOnlyList<ObservedVariable> observations, FreeParameters free,
        PriorTerm? prior = null, TwoLayerIntegrator integrator = TwoLayerIntegrator.Exact)
    {
        ArgumentNullException.ThrowIfNull(forcing);
        return new CalibrationProblem(() => new TwoLayerObservedStep(forcing, integrator), TwoLayerObservedStep.InitialState(),
            forcing.StepCount, observations, free, prior);
    }

    /// <summary>ECS = F₄ₓ/(2λ) of a full θ, K.</summary>
    public static double EquilibriumClimateSensitivity(ReadOnlySpan<double> theta) => theta[0] / (2.0 * theta[1]);

    /// <summary>TCR of a full θ (analytic 1pctCO2 run, T at year 70), K.</summary>
    public static double TransientClimateResponse(ReadOnlySpan<double> theta) =>
        TwoLayerParameters.FromTheta(theta).TransientClimateResponse;

    /// <summary>
    /// Synthetic observations: the truth's predictions plus one draw of each variable's error
    /// (<see cref="Ensemble.CovarianceSampler"/>, seeded); same operators and covariances.
    /// </summary>
    public static IReadOnlyList<ObservedVariable> Perturbed(CalibrationObjective truthObjective, ReadOnlySpan<double> truthTheta, int seed)
    {
        ArgumentNullException.ThrowIfNull(truthObjective);
        var h = truthObjective.Predict(truthTheta);
        var random = new Random(seed);
        var result = new List<ObservedVariable>();
        int offset = 0;
        foreach (var o in truthObjective.Problem.Observations)
        {
            var noise = new double[o.Count];
            Ensemble.CovarianceSampler.Sample(o.Term.Covariance, random, noise);
            var y = new double[o.Count];
            for (int i = 0; i < o.Count; i++) y[i] = h[offset + i] + noise[i];
            result.Add(o with { Term = new ClimateAD.Adjoint.Costs.ObservationTerm(o.Term.Operator, y, o.Term.Covariance) });
            offset += o.Count;
        }
        return result;
    }
}
