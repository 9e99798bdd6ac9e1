using ClimateAD.Adjoint;
using ClimateAD.Adjoint.Checkpointing;
using ClimateAD.Adjoint.Costs;
using ClimateAD.Adjoint.Trajectories;

namespace ClimateAD.Hybrid.Parameterisation;

/// <summary>
/// The online-training loss of a one-scale model over short forecast windows started from truth
/// states (Rasp 2020, Geosci. Model Dev. 13:2185–2196, "online learning"):
/// <code>
///   ℓ(θ) = (1/B) Σ_(b∈batch) (1/(K S)) Σ_(s=1..S) Σ_k (X_model(t_b + sΔ; θ) − X_truth(t_b + sΔ))²
/// </code>
/// and its gradient dℓ/dθ through the solver, one adjoint run per window (store-all checkpoints:
/// a window is short). Windows run in parallel, each with its own step from the factory; the
/// batch gradient is summed in window order, so it does not depend on the thread count.
/// </summary>
public sealed class TrajectoryLoss
{
    private readonly Func<IDifferentiableStep> _stepFactory;
    private readonly TwoScaleTruth _truth;

    /// <summary>A loss over windows of <paramref name="windowSamples"/> truth samples.</summary>
    /// <param name="stepFactory">Makes a one-scale model step (state = the K slow variables).</param>
    /// <param name="truth">The truth samples.</param>
    /// <param name="windowSamples">S, samples per window.</param>
    /// <param name="stepsPerSample">Model steps per sample interval.</param>
    public TrajectoryLoss(Func<IDifferentiableStep> stepFactory, TwoScaleTruth truth, int windowSamples, int stepsPerSample)
    {
        ArgumentNullException.ThrowIfNull(stepFactory);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowSamples, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stepsPerSample, 1);
        _stepFactory = stepFactory;
        _truth = truth;
        WindowSamples = windowSamples;
        StepsPerSample = stepsPerSample;
    }

    /// <summary>S.</summary>
    public int WindowSamples { get; }

    /// <summary>Model steps per sample interval.</summary>
    public int StepsPerSample { get; }

    /// <summary>Loss and gradient over the windows starting at truth samples <paramref name="starts"/>.</summary>
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
        var g = new double[th.Length];
        for (int b = 0; b < starts.Count; b++)
        {
            loss += losses[b] / starts.Count;
            if (gradient)
                for (int i = 0; i < g.Length; i++) g[i] += gradients[b][i] / starts.Count;
        }
        return (loss, g);
    }

    private (double, double[]) Window(IDifferentiableStep step, double[] theta, int start, bool gradient)
    {
        int k = _truth.SlowCount, steps = WindowSamples * StepsPerSample;
        if (start + WindowSamples >= _truth.Count) throw new ArgumentException($"Window at {start} runs past the truth ({_truth.Count} samples).");
        var snapshotSteps = Enumerable.Range(1, WindowSamples).Select(s => s * StepsPerSample);
        var y = Enumerable.Range(1, WindowSamples).SelectMany(s => _truth.X[start + s]);
        // ½ Σ (H − y)²/σ² with σ² = K S / 2 is the loss above.
        var cost = new QuadraticCost([new ObservationTerm(new SnapshotOperator(Enumerable.Range(0, k), snapshotSteps), y,
            DiagonalCovariance.Uniform(k * WindowSamples, 0.5 * k * WindowSamples))]);
        var runner = new TrajectoryRunner(step, new TrajectoryPlan(StoreAllSchedule.Create(steps), step.StateLength, step.ParameterLength));
        if (!gradient) return (runner.EvaluateCost(_truth.X[start], theta, cost), []);
        var r = runner.Run(_truth.X[start], theta, cost);
        return (r.Cost, r.ParameterGradient);
    }
}
