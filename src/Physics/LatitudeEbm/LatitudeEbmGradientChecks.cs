using ClimateAD.Adjoint.Costs;
using ClimateAD.Adjoint.Verification;

namespace ClimateAD.Physics.LatitudeEbm;

/// <summary>
/// Registers the latitude EBM (<see cref="LatitudeEbmStep"/>) with the gradient-check harness
/// (DESIGN.md §3): the step with and without the deep ocean on 18 cells over 20 annual steps with the
/// harness's default cost, and the whole model with the deep ocean over 100 years with a
/// twin-experiment misfit of decadal means (<see cref="Misfit"/>). Every parameter is checked by
/// finite differences. All cases linearise in a state with an ice cap, so the tanh albedo transition
/// is active (its steepest part is crossed by the ice-edge cells).
/// </summary>
public sealed class LatitudeEbmGradientChecks : IGradientCheckProvider
{
    /// <summary>Prefix of every registered name.</summary>
    public const string Prefix = "EbmLatitude.";

    /// <summary>Name of the step case with the deep ocean.</summary>
    public const string StepName = Prefix + "Step";

    /// <summary>Name of the surface-only step case.</summary>
    public const string SurfaceStepName = Prefix + "SurfaceOnly.Step";

    /// <summary>Name of the whole-model case.</summary>
    public const string MisfitName = Prefix + "Misfit100";

    /// <summary>Cells of the registered cases (Δx = 1/9, 18 cells from pole to pole).</summary>
    public const int CellCount = 18;

    /// <summary>Years of the whole-model case (annual steps).</summary>
    public const int MisfitYears = 100;

    /// <summary>Observation error σ of the decadal zonal means in <see cref="Misfit"/>, K.</summary>
    public const double ZonalSigma = 0.5;

    /// <summary>Observation error σ of the decadal global means in <see cref="Misfit"/>, K.</summary>
    public const double GlobalSigma = 0.1;

    /// <summary>
    /// The parameters at which the checks linearise, away from the table defaults (the truth of
    /// <see cref="Misfit"/>): S₀ = 1350, A = 204, B = 2.0, D = 0.6, α₀ = 0.32, α₂ = 0.21, α_i = 0.6,
    /// T_i = −9 °C, w = 3 K, C = 7, then γ = 0.7, C_d = 90 with the deep ocean.
    /// </summary>
    public static double[] CheckParameters(bool deepOcean) => deepOcean
        ? [1350.0, 204.0, 2.0, 0.6, 0.32, 0.21, 0.6, -9.0, 3.0, 7.0, 0.7, 90.0]
        : [1350.0, 204.0, 2.0, 0.6, 0.32, 0.21, 0.6, -9.0, 3.0, 7.0];

    /// <summary>The 18-cell model of the checks (orbital insolation, Δt = 1 yr).</summary>
    public static LatitudeEbmModel CheckModel(bool deepOcean) => LatitudeEbmModel.Default(deepOcean, CellCount);

    /// <summary>
    /// A state with an ice cap: the equilibrium at <see cref="CheckParameters"/> from a warm start, with
    /// a smooth asymmetric perturbation 0.8 sin(3x + 0.4) K, and the deep ocean 1.5 K colder.
    /// </summary>
    public static double[] CheckState(LatitudeEbmModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var e = LatitudeEbmEquilibrium.Solve(model, CheckParameters(model.DeepOcean), model.UniformState(20.0)[..model.CellCount]);
        var x = model.StateFromSurface(e.Temperature);
        for (int j = 0; j < model.CellCount; j++)
        {
            x[j] += 0.8 * Math.Sin(3.0 * model.Grid.Centres[j] + 0.4);
            if (model.DeepOcean) x[model.CellCount + j] -= 1.5;
        }
        return x;
    }

    /// <summary>The step with the deep ocean, 20 annual steps from <see cref="CheckState"/>; default harness cost.</summary>
    public static GradientCheckCase Step() => StepCase(StepName, deepOcean: true);

    /// <summary>The surface-only step, 20 annual steps from <see cref="CheckState"/>; default harness cost.</summary>
    public static GradientCheckCase SurfaceStep() => StepCase(SurfaceStepName, deepOcean: false);

    /// <summary>
    /// The whole model with the deep ocean over 100 annual steps from <see cref="CheckState"/> at
    /// <see cref="CheckParameters"/>, with the twin-experiment cost
    /// <code>
    ///   J = ½ Σ_(d,j) (T̄_(d,j) − y_(d,j))²/σ_z² + ½ Σ_d (⟨T̄⟩_d − ⟨y⟩_d)²/σ_g²
    /// </code>
    /// over the last three decades d (steps 71–80, 81–90, 91–100): T̄_(d,j) the decadal mean of cell j,
    /// ⟨·⟩ the area-weighted global mean, y the same from a truth run with the table defaults from the
    /// same initial state, σ_z = <see cref="ZonalSigma"/>, σ_g = <see cref="GlobalSigma"/>.
    /// </summary>
    public static GradientCheckCase Misfit()
    {
        var model = CheckModel(deepOcean: true);
        var step = new LatitudeEbmStep(model);
        var x0 = CheckState(model);
        double[] truth = model.Parameters.Defaults();
        TimeWindow[] windows = [new(71, 80), new(81, 90), new(91, 100)];
        int n = model.CellCount, nx = model.StateLength;

        var means = new double[n, windows.Length];
        double[] x = (double[])x0.Clone(), next = new double[nx];
        for (int k = 0; k <= MisfitYears; k++)
        {
            for (int w = 0; w < windows.Length; w++)
                if (windows[w].Contains(k))
                    for (int j = 0; j < n; j++) means[j, w] += x[j] / windows[w].Length;
            if (k == MisfitYears) break;
            step.Forward(k, x, truth, next);
            (x, next) = (next, x);
        }
        var zonal = Enumerable.Range(0, n).Select(j => new ObservationTerm(
            TimeMeanOperator.OfComponent(j, nx, windows),
            Enumerable.Range(0, windows.Length).Select(w => means[j, w]),
            DiagonalCovariance.Uniform(windows.Length, ZonalSigma * ZonalSigma)));
        var weights = new double[nx];
        for (int j = 0; j < n; j++) weights[j] = model.Grid.AreaWeight;
        var globalMeans = Enumerable.Range(0, windows.Length).Select(w => Enumerable.Range(0, n).Sum(j => means[j, w]) * model.Grid.AreaWeight);
        var global = new ObservationTerm(new TimeMeanOperator(weights, windows), globalMeans,
            DiagonalCovariance.Uniform(windows.Length, GlobalSigma * GlobalSigma));
        var cost = new QuadraticCost([.. zonal, global]);
        return new GradientCheckCase(MisfitName, step, x0, CheckParameters(deepOcean: true))
        {
            Steps = MisfitYears,
            Cost = cost,
            CheckedStateComponents = [0, n / 2 + 6, n + 4],
        };
    }

    /// <inheritdoc />
    public void Register(GradientCheckRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(StepName, Step);
        registry.Register(SurfaceStepName, SurfaceStep);
        registry.Register(MisfitName, Misfit);
    }

    private static GradientCheckCase StepCase(string name, bool deepOcean)
    {
        var model = CheckModel(deepOcean);
        return new GradientCheckCase(name, new LatitudeEbmStep(model), CheckState(model), CheckParameters(deepOcean))
        {
            Steps = 20,
            CheckedStateComponents = deepOcean ? [0, CellCount / 2 + 6, CellCount + 4] : [0, CellCount / 2 + 6],
        };
    }
}
