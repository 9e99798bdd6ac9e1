using ClimateAD.Adjoint.Costs;
using ClimateAD.Calibration.Objectives;
using ClimateAD.Calibration.Optimisers;
using ClimateAD.Calibration.Transforms;
using ClimateAD.Calibration.Uncertainty;
using ClimateAD.Physics.ShallowWater;

namespace ClimateAD.Calibration.Experiments;

/// <summary>
/// The shallow-water twin of issue 6: the wind-driven double gyre
/// (<see cref="ShallowWaterSetups.DoubleGyre"/>, a closed square β-plane basin of
/// <see cref="BasinLength"/> m with <see cref="Cells"/>² cells, H = 500 m, f₀ = 10⁻⁴ s⁻¹,
/// β = 2×10⁻¹¹ m⁻¹ s⁻¹, zonal wind τ = −τ₀ cos(2πy/L)) spun up from rest generates the truth
/// (Laplacian viscosity ν = 2×10⁴ m² s⁻¹, linear drag time τ_d = 10 days, wind amplitude
/// τ₀ = 0.1 N m⁻²). Observations: sea-surface height (layer thickness h) at every cell on
/// <see cref="SnapshotDays"/>, with independent Gaussian noise of σ_h = <see cref="NoiseFraction"/>
/// × the RMS of the true h − H over the snapshots. The three parameters are calibrated with
/// log transforms, no prior, from a first guess truth × (1 ± 0.3) (signs drawn per realisation),
/// by Gauss–Newton with tangent Jacobians and the adjoint gradient (checkpointed runner).
/// </summary>
public sealed class ShallowWaterTwinExperiment
{
    /// <summary>Cells per side of the basin.</summary>
    public const int Cells = 24;

    /// <summary>Basin side L, m.</summary>
    public const double BasinLength = 1.2e6;

    /// <summary>Observation noise as a fraction of the RMS of the true sea-surface-height anomaly.</summary>
    public const double NoiseFraction = 0.05;

    /// <summary>Relative perturbation of the first guess.</summary>
    public const double Perturbation = 0.3;

    /// <summary>Days of the sea-surface-height snapshots (the run ends at the last).</summary>
    public static IReadOnlyList<double> SnapshotDays { get; } = [3.0, 6.0, 9.0, 12.0, 15.0];

    /// <summary>Names of the free parameters, in order.</summary>
    public static IReadOnlyList<string> FreeNames { get; } =
        [ShallowWaterParameterNames.LaplacianViscosity, ShallowWaterParameterNames.LinearDrag, ShallowWaterParameterNames.WindStress];

    /// <summary>The truth: ν (m² s⁻¹), τ_d (s), τ₀ (N m⁻²).</summary>
    public static IReadOnlyList<double> Truth { get; } = [2e4, 10 * 86400.0, 0.1];

    /// <summary>Sets up the experiment (runs the truth once).</summary>
    public ShallowWaterTwinExperiment()
    {
        var setup = ShallowWaterSetups.DoubleGyre(Cells, BasinLength, viscosity: Truth[0], windStress: Truth[2], dampingTime: Truth[1]);
        Setup = setup;
        var config = setup.Configuration;
        var table = config.Parameters;
        TruthTheta = config.DefaultParameters();
        for (int i = 0; i < FreeNames.Count; i++) TruthTheta[table.IndexOf(FreeNames[i])] = Truth[i];
        Free = new FreeParameters(table, [.. FreeNames], TruthTheta, [TransformKind.Log, TransformKind.Log, TransformKind.Log]);
        var snapshotSteps = SnapshotDays.Select(d => (int)Math.Round(d * 86400.0 / config.TimeStep)).ToArray();
        Steps = snapshotSteps[^1];
        var layout = config.Layout;
        var cells = Enumerable.Range(0, layout.BlockLength).Select(k => layout.Index(0, k % layout.Nx, k / layout.Nx)).ToArray();
        Operator = new SnapshotOperator(cells, snapshotSteps);
        var times = snapshotSteps.SelectMany(n => Enumerable.Repeat(n * config.TimeStep / 86400.0, cells.Length)).ToArray();
        var template = new ObservedVariable("sea_surface_height", "m",
            new ObservationTerm(Operator, new double[Operator.Count], DiagonalCovariance.Uniform(Operator.Count, 1.0)), times);
        var truthProblem = new CalibrationProblem(() => new ShallowWaterStep(config), setup.InitialState, Steps, [template], Free);
        TrueHeights = new CalibrationObjective(truthProblem).Predict(TruthTheta);
        double depth = setup.InitialState[0];
        Sigma = NoiseFraction * Math.Sqrt(TrueHeights.Average(h => (h - depth) * (h - depth)));
        Template = truthProblem.WithObservations([template with
        {
            Term = new ObservationTerm(Operator, TrueHeights, DiagonalCovariance.Uniform(Operator.Count, Sigma * Sigma)),
        }]);
    }

    /// <summary>The double-gyre setup with the true parameters.</summary>
    public ShallowWaterSetup Setup { get; }

    /// <summary>The full true θ of the model's parameter table.</summary>
    public double[] TruthTheta { get; }

    /// <summary>The free parameters ν, τ_d, τ₀ (log transforms).</summary>
    public FreeParameters Free { get; }

    /// <summary>Steps of one run (to the last snapshot).</summary>
    public int Steps { get; }

    /// <summary>The sea-surface-height snapshot operator.</summary>
    public SnapshotOperator Operator { get; }

    /// <summary>The noise-free observations h(truth), snapshot-major.</summary>
    public double[] TrueHeights { get; }

    /// <summary>Observation error σ_h, m.</summary>
    public double Sigma { get; }

    /// <summary>The problem with noise-free observations and the σ_h covariance.</summary>
    public CalibrationProblem Template { get; }

    /// <summary>The problem of noise realisation <paramref name="realisation"/> (seed 3000 + r).</summary>
    public CalibrationProblem ProblemFor(int realisation)
    {
        var random = new Random(3000 + realisation);
        var y = TrueHeights.Select(h => h + Sigma * Ensemble.CovarianceSampler.StandardNormal(random)).ToArray();
        var o = Template.Observations[0];
        return Template.WithObservations([o with { Term = new ObservationTerm(Operator, y, o.Term.Covariance) }]);
    }

    /// <summary>The first guess of realisation <paramref name="realisation"/>: truthᵢ (1 ± 0.3).</summary>
    public double[] FirstGuess(int realisation)
    {
        var random = new Random(4000 + realisation);
        return Truth.Select(t => t * (1.0 + (random.NextDouble() < 0.5 ? -Perturbation : Perturbation))).ToArray();
    }

    /// <summary>Calibrates realisation <paramref name="realisation"/> with <paramref name="method"/> (default Gauss–Newton).</summary>
    public TwinOutcome Run(int realisation, ICalibrationMethod? method = null)
    {
        method ??= new GaussNewtonMethod();
        var objective = new CalibrationObjective(ProblemFor(realisation));
        var guess = FirstGuess(realisation);
        var result = CalibrationRunner.Run(objective, method, Free.ToUnbounded(guess));
        var lin = result.Final.Linearisation ?? objective.Linearise(result.Final.U);
        var sd = new LaplaceApproximation(lin, Free.Names).StandardDeviations;
        return new TwinOutcome(realisation, method.Name, Free.Names, [.. Truth], guess, result.Free, sd, result.Counts,
            result.Iterations, result.Converged, result.Cost);
    }
}
