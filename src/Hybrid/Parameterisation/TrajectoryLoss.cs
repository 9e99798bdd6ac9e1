using ClimateAD.Adjoint;
using ClimateAD.Adjoint.Checkpointing;
using ClimateAD.Adjoint.Costs;
using ClimateAD.Adjoint.Trajectories;

namespace ClimateAD.Hybrid.Parameterisation;

/// <summary>
/// The online-training loss of a model over short forecast windows started from truth states
/// (Rasp 2020, Geosci. Model Dev. 13:2185–2196, "online learning"):
/// <code>
///   ℓ(θ) = (1/B) Σ_(b∈batch) (1/(C S)) Σ_(s=1..S) Σ_(c∈observed) (x_model(t_b + sΔ; θ)_c − x_truth(t_b + sΔ)_c)²
/// </code>
/// (the mean squared error of the observed components: the slow variables X of Lorenz-96, the
/// coarse thickness h of the shallow-water closure) and its gradient dℓ/dθ through the solver, one
/// adjoint run per window (<see cref="TrajectoryRunner"/>, store-all checkpoints: a window is short;
/// a <see cref="SnapshotOperator"/> cost). Windows run in parallel, each with its own step from the
/// factory; the batch gradient is summed in window order, so it does not depend on the thread count.
/// </summary>
public sealed class TrajectoryLoss
{
    private readonly Func<IDifferentiableStep> _stepFactory;
    private readonly IReadOnlyList<double[]> _truth;
    private readonly int[] _observed;

    /// <summary>A loss over windows of <paramref name="windowSamples"/> samples of <paramref name="truth"/>.</summary>
    /// <param name="stepFactory">Makes a model step whose state is a truth state (e.g. the coarse <c>[h, u, v]</c>).</param>
    /// <param name="truth">Truth states (e.g. coarse-grained), one per sample interval; each window starts from one.</param>
    /// <param name="observed">State components in the loss.</param>
    /// <param name="windowSamples">S, samples per window.</param>
    /// <param name="stepsPerSample">Model steps per sample interval.</param>
    public TrajectoryLoss(Func<IDifferentiableStep> stepFactory, IReadOnlyList<double[]> truth, IEnumerable<int> observed, int windowSamples, int stepsPerSample)
    {
        ArgumentNullException.ThrowIfNull(stepFactory);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowSamples, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stepsPerSample, 1);
        _stepFactory = stepFactory;
        _truth = truth;
        _observed = [.. observed];
        WindowSamples = windowSamples;
        StepsPerSample = stepsPerSample;
    }

    /// <summary>The Lorenz-96 loss: windows of the one-scale model started from the truth's X, all K components observed.</summary>
    /// <param name="stepFactory">Makes a one-scale model step (state = the K slow variables).</param>
    /// <param name="truth">The two-scale truth samples.</param>
    /// <param name="windowSamples">S, samples per window.</param>
    /// <param name="stepsPerSample">Model steps per sample interval.</param>
    public TrajectoryLoss(Func<IDifferentiableStep> stepFactory, TwoScaleTruth truth, int windowSamples, int stepsPerSample)
        : this(stepFactory, (truth ?? throw new ArgumentNullException(nameof(truth))).X, Enumerable.Range(0, truth.SlowCount), windowSamples, stepsPerSample)
    {
    }

    /// <summary>S.</summary>
    public int WindowSamples { get; }

    /// <summary>Model steps per sample interval.</summary>
    public int StepsPerSample { get; }

    /// <summary>Loss and gradient (empty without <paramref name="gradient"/>) over the windows starting at samples <paramref name="starts"/>.</summary>
    public (double Loss, double[] Gradient) Evaluate(ReadOnlySpan<double> theta, IReadOnlyList<int> starts, bool gradient = true)
    {
        ArgumentNullException.ThrowIfNull(starts);
        var th = theta.ToArray();
        var losses = new double[starts.Count];
        var gradients = new double[starts.Count][];
        Parallel.For(0, starts.Count, () => _stepFactory(), (b, _, step) =>
        {
            (losses[b], gradients[b]) = Window(step, th, starts[b], gradient);
            return step;
        }, step => (step as IDisposable)?.Dispose());
        double loss = 0;
        var g = new double[gradient ? th.Length : 0];
        for (int b = 0; b < starts.Count; b++)
        {
            loss += losses[b] / starts.Count;
            for (int i = 0; i < g.Length; i++) g[i] += gradients[b][i] / starts.Count;
        }
        return (loss, g);
    }

    private (double, double[]) Window(IDifferentiableStep step, double[] theta, int start, bool gradient)
    {
        int steps = WindowSamples * StepsPerSample, c = _observed.Length;
        if (start < 0 || start + WindowSamples >= _truth.Count) throw new ArgumentException($"The window at sample {start} runs past the truth ({_truth.Count} samples).");
        var snapshotSteps = Enumerable.Range(1, WindowSamples).Select(s => s * StepsPerSample);
        var y = Enumerable.Range(1, WindowSamples).SelectMany(s => _observed.Select(k => _truth[start + s][k]));
        // ½ Σ (H − y)²/σ² with σ² = C S / 2 is the mean squared error above.
        var cost = new QuadraticCost([new ObservationTerm(new SnapshotOperator(_observed, snapshotSteps), y,
            DiagonalCovariance.Uniform(c * WindowSamples, 0.5 * c * WindowSamples))]);
        var runner = new TrajectoryRunner(step, new TrajectoryPlan(StoreAllSchedule.Create(steps), step.StateLength, step.ParameterLength));
        if (!gradient) return (runner.EvaluateCost(_truth[start], theta, cost), []);
        var r = runner.Run(_truth[start], theta, cost);
        return (r.Cost, r.ParameterGradient);
    }
}
