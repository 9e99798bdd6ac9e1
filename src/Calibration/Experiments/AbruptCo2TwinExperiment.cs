using ClimateAD.Calibration.Ensemble;
using ClimateAD.Calibration.Models;
using ClimateAD.Calibration.Objectives;
using ClimateAD.Calibration.Optimisers;
using ClimateAD.Calibration.Transforms;
using ClimateAD.Calibration.Uncertainty;
using ClimateAD.Physics.EnergyBalance;
using ClimateAD.Physics.Forcing;

namespace ClimateAD.Calibration.Experiments;

/// <summary>
/// The EBM-ε twin experiment of issue 6: the two-layer model with efficacy under abrupt 4×CO2
/// for <see cref="Years"/> years generates the truth (F₄ₓ 7.78 W m⁻², λ 1.06 W m⁻² K⁻¹,
/// C 8.14 and C₀ 109.6 W yr m⁻² K⁻¹, γ 0.617 W m⁻² K⁻¹, ε 1.34; Geoffroy et al. 2013b
/// CMIP5 multi-model values); observations are its annual T and N with independent Gaussian
/// noise σ_T = 0.15 K and σ_N = 0.4 W m⁻²; the six physical parameters are calibrated from a
/// first guess with each parameter multiplied by 1 ± 0.3 (signs drawn per realisation), with no
/// prior. Realisation r uses seed r for the noise and the signs.
/// </summary>
public sealed class AbruptCo2TwinExperiment
{
    /// <summary>σ_T, K.</summary>
    public const double TemperatureSigma = 0.15;

    /// <summary>σ_N, W m⁻².</summary>
    public const double ImbalanceSigma = 0.4;

    /// <summary>Relative perturbation of the first guess.</summary>
    public const double Perturbation = 0.3;

    private readonly CalibrationObjective _truthObjective;

    /// <summary>Sets up the experiment.</summary>
    /// <param name="years">Simulated and observed years (default 150).</param>
    /// <param name="stepsPerYear">Model steps per year (default 1; the observations are annual means of the step-end values).</param>
    /// <param name="transform">Transform of every free parameter (default logit within the table bounds).</param>
    public AbruptCo2TwinExperiment(int years = 150, int stepsPerYear = 1, TransformKind transform = TransformKind.Logit)
    {
        Years = years;
        Forcing = ForcingBasis.AbruptCo2(4.0, years, stepsPerYear);
        var truthTheta = TwoLayerParameterTable.All.Defaults();
        for (int i = 0; i < Truth.Count; i++) truthTheta[i] = Truth[i];
        TruthTheta = truthTheta;
        Free = new FreeParameters(TwoLayerParameterTable.All, TwoLayerCalibration.PhysicalNames, truthTheta,
            Enumerable.Repeat(transform, 6).ToArray());
        var zeros = new double[years];
        var template = new[]
        {
            TwoLayerObservations.AnnualMean("tas", "K", TwoLayerObservedStep.TemperatureComponent, Forcing, 0, zeros, TemperatureSigma,
                Enumerable.Range(1, years).Select(y => (double)y).ToArray()),
            TwoLayerObservations.AnnualMean("toa_imbalance", "W m-2", TwoLayerObservedStep.ToaImbalanceComponent, Forcing, 0, zeros, ImbalanceSigma,
                Enumerable.Range(1, years).Select(y => (double)y).ToArray()),
        };
        Template = TwoLayerCalibration.Problem(Forcing, template, Free);
        _truthObjective = new CalibrationObjective(Template);
    }

    /// <summary>The truth: F₄ₓ, λ, C, C₀, γ, ε.</summary>
    public static IReadOnlyList<double> Truth { get; } = [7.78, 1.06, 8.14, 109.6, 0.617, 1.34];

    /// <summary>Years simulated.</summary>
    public int Years { get; }

    /// <summary>The abrupt-4xCO2 forcing.</summary>
    public ForcingBasis Forcing { get; }

    /// <summary>The full true θ.</summary>
    public double[] TruthTheta { get; }

    /// <summary>The six free physical parameters.</summary>
    public FreeParameters Free { get; }

    /// <summary>The problem with zero observations (operators and covariances only).</summary>
    public CalibrationProblem Template { get; }

    /// <summary>The problem of noise realisation <paramref name="realisation"/>.</summary>
    public CalibrationProblem ProblemFor(int realisation) =>
        Template.WithObservations(TwoLayerCalibration.Perturbed(_truthObjective, TruthTheta, 1000 + realisation));

    /// <summary>The first guess of realisation <paramref name="realisation"/>: truthᵢ (1 ± 0.3).</summary>
    public double[] FirstGuess(int realisation)
    {
        var random = new Random(2000 + realisation);
        return Truth.Select(t => t * (1.0 + (random.NextDouble() < 0.5 ? -Perturbation : Perturbation))).ToArray();
    }

    /// <summary>Calibrates realisation <paramref name="realisation"/> with <paramref name="method"/>.</summary>
    public TwinOutcome Run(ICalibrationMethod method, int realisation)
    {
        ArgumentNullException.ThrowIfNull(method);
        var objective = new CalibrationObjective(ProblemFor(realisation));
        var guess = FirstGuess(realisation);
        var result = CalibrationRunner.Run(objective, method, Free.ToUnbounded(guess));
        var counts = result.Counts;
        double[] sd;
        if (method is EnsembleKalmanInversion eki)
            sd = new EnsembleSummary(Free, EnsembleKalmanInversion.Members(result.Final, Free.Count), eki.SpreadInflation).StandardDeviations;
        else
        {
            var lin = result.Final.Linearisation ?? objective.Linearise(result.Final.U);
            sd = new LaplaceApproximation(lin, Free.Names).StandardDeviations;
        }
        return new TwinOutcome(realisation, method.Name, Free.Names, [.. Truth], guess, result.Free, sd, counts,
            result.Iterations, result.Converged, result.Cost);
    }
}
