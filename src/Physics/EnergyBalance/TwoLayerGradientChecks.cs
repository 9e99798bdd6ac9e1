using ClimateAD.Adjoint.Costs;
using ClimateAD.Adjoint.Verification;

namespace ClimateAD.Physics.EnergyBalance;

/// <summary>
/// Registers the two-layer EBM steps (<see cref="TwoLayerDifferentiableStep"/>; exact, rk4, euler)
/// with the gradient-check harness (DESIGN.md §3): each step over 60 annual steps of the synthetic
/// ERF history (<see cref="TwoLayerSyntheticForcing"/>, 1850 onwards) with the harness's default
/// cost, and each whole model over 750 years (1750–2499) with a twin-experiment misfit cost
/// (<see cref="Misfit"/>). All 14 parameters and both initial-state components are checked by
/// finite differences.
/// </summary>
public sealed class TwoLayerGradientChecks : IGradientCheckProvider
{
    /// <summary>Prefix of every registered name.</summary>
    public const string Prefix = "EbmTwoLayer.";

    /// <summary>Length of the whole-model window, years (annual steps).</summary>
    public const int MisfitYears = 750;

    /// <summary>First calendar year of the whole-model window.</summary>
    public const int MisfitFirstYear = 1750;

    /// <summary>Observation error σ of the annual temperatures in <see cref="Misfit"/>, K.</summary>
    public const double TemperatureSigma = 0.1;

    /// <summary>Error σ of the mean temperature over the last 20 years in <see cref="Misfit"/>, K.</summary>
    public const double MeanSigma = 0.05;

    /// <summary>Registered name of the single-step case of <paramref name="integrator"/>, e.g. <c>EbmTwoLayer.Exact</c>.</summary>
    public static string StepName(TwoLayerIntegrator integrator) => Prefix + integrator;

    /// <summary>Registered name of the whole-model case of <paramref name="integrator"/>, e.g. <c>EbmTwoLayer.Exact.Misfit750</c>.</summary>
    public static string MisfitName(TwoLayerIntegrator integrator) => FormattableString.Invariant($"{Prefix}{integrator}.Misfit{MisfitYears}");

    /// <summary>
    /// The parameters at which the checks linearise: λ = 1.2, C = 7.5, C₀ = 95, γ = 0.7, ε = 1.2,
    /// F₄ₓ = 7.0, forcing scales (0.9, 1.1, 1.2, 0.8, 1.1, 0.9, 1.3, 0.7) — away from the table
    /// defaults, which are the truth of <see cref="Misfit"/>.
    /// </summary>
    public static double[] CheckParameters() => [7.0, 1.2, 7.5, 95.0, 0.7, 1.2, 0.9, 1.1, 1.2, 0.8, 1.1, 0.9, 1.3, 0.7];

    /// <summary>One step of <paramref name="integrator"/>, 60 annual steps from 1850 at x[0] = (0.4, 0.1) K; default harness cost.</summary>
    public static GradientCheckCase Step(TwoLayerIntegrator integrator)
    {
        var step = new TwoLayerDifferentiableStep(TwoLayerSyntheticForcing.Basis(1850, 1949), integrator);
        return new GradientCheckCase(StepName(integrator), step, [0.4, 0.1], CheckParameters()) { Steps = 60, CheckedStateComponents = [0, 1] };
    }

    /// <summary>
    /// The whole model over 750 annual steps (1750–2499) of the synthetic ERF history from rest,
    /// at <see cref="CheckParameters"/>, with the twin-experiment cost
    /// <code>
    ///   J = ½ Σ_(n=0..750) (T[n] − y[n])²/σ² + ½ (T̄₂₀ − ȳ₂₀)²/σ_m²,   T̄₂₀ = (1/20) Σ_(n=731..750) T[n]
    /// </code>
    /// with y[n] = T_truth[n] + 0.1 sin(1.3n) K, T_truth the run with the table defaults (all forcing
    /// scales 1), ȳ₂₀ the truth's last-20-year mean + 0.02 K, σ = <see cref="TemperatureSigma"/>,
    /// σ_m = <see cref="MeanSigma"/>.
    /// </summary>
    public static GradientCheckCase Misfit(TwoLayerIntegrator integrator)
    {
        var forcing = TwoLayerSyntheticForcing.Basis(MisfitFirstYear, MisfitFirstYear + MisfitYears - 1);
        var step = new TwoLayerDifferentiableStep(forcing, integrator);
        double[] truth = TwoLayerParameterTable.All.Defaults();
        var truthRun = new double[MisfitYears + 1];
        double[] x = [0.0, 0.0], next = new double[2];
        for (int n = 0; n < MisfitYears; n++)
        {
            step.Forward(n, x, truth, next);
            (x, next) = (next, x);
            truthRun[n + 1] = x[0];
        }
        var allSteps = Enumerable.Range(0, MisfitYears + 1).ToArray();
        var annual = new ObservationTerm(new SampleOperator(0, allSteps),
            allSteps.Select(n => truthRun[n] + 0.1 * Math.Sin(1.3 * n)),
            DiagonalCovariance.Uniform(allSteps.Length, TemperatureSigma * TemperatureSigma));
        var window = new TimeWindow(MisfitYears - 19, MisfitYears);
        double truthMean = 0.0;
        for (int n = window.First; n <= window.Last; n++) truthMean += truthRun[n];
        truthMean /= window.Length;
        var mean = new ObservationTerm(TimeMeanOperator.OfComponent(0, 2, [window]), [truthMean + 0.02],
            DiagonalCovariance.Uniform(1, MeanSigma * MeanSigma));
        return new GradientCheckCase(MisfitName(integrator), step, [0.0, 0.0], CheckParameters())
        {
            Steps = MisfitYears,
            Cost = new QuadraticCost([annual, mean]),
            CheckedStateComponents = [0, 1],
        };
    }

    /// <inheritdoc />
    public void Register(GradientCheckRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var integrator in Enum.GetValues<TwoLayerIntegrator>())
        {
            registry.Register(StepName(integrator), () => Step(integrator));
            registry.Register(MisfitName(integrator), () => Misfit(integrator));
        }
    }
}
