namespace ClimateAD.Hybrid.Parameterisation;

/// <summary>
/// Online training by L-BFGS (Nocedal 1980, Math. Comp. 35:773–782; Nocedal &amp; Wright 2006,
/// Numerical Optimization, Alg. 7.4) on a fixed batch of forecast windows (a deterministic,
/// full-batch loss, as L-BFGS needs): direction d = −H g by the two-loop recursion over the last
/// <see cref="Memory"/> pairs (s, y) with H₀ = (sᵀy / yᵀy) I, then a backtracking line search
/// from α = 1 (first iteration: α = 1/‖g‖) halving until the Armijo condition
/// ℓ(θ + αd) ≤ ℓ(θ) + 10⁻⁴ α gᵀd holds. A pair is stored only when sᵀy &gt; 0 (curvature).
/// The state (memory: g, s₁, y₁, …) is all there is, so a resumed run is bit-identical.
/// </summary>
public sealed class LbfgsTrainer : IOnlineTrainer
{
    private readonly int[] _windows;

    /// <summary>A trainer of the entries <paramref name="trainable"/> of θ on <paramref name="windowCount"/> windows drawn once (seeded) from <paramref name="trainingStarts"/>.</summary>
    public LbfgsTrainer(TrajectoryLoss loss, IReadOnlyList<int> trainingStarts, IReadOnlyList<int> trainable, int windowCount, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(trainingStarts);
        ArgumentNullException.ThrowIfNull(trainable);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowCount, 1);
        Loss = loss;
        Trainable = trainable;
        var random = new Random(unchecked(seed * 7919 + 17));
        _windows = Enumerable.Range(0, windowCount).Select(_ => trainingStarts[random.Next(trainingStarts.Count)]).ToArray();
    }

    /// <summary>The loss.</summary>
    public TrajectoryLoss Loss { get; }

    /// <summary>Indices into θ that are trained.</summary>
    public IReadOnlyList<int> Trainable { get; }

    /// <summary>Stored (s, y) pairs (default 10).</summary>
    public int Memory { get; init; } = 10;

    /// <summary>Most halvings of the step in one line search (default 30).</summary>
    public int MaxHalvings { get; init; } = 30;

    /// <inheritdoc />
    public string Name => "lbfgs";

    /// <summary>The fixed windows (truth sample indices).</summary>
    public IReadOnlyList<int> Windows => _windows;

    /// <inheritdoc />
    public OnlineState Start(ReadOnlySpan<double> theta)
    {
        var th = theta.ToArray();
        var (l, g) = Evaluate(th);
        return new OnlineState(0, th, l, [g]);
    }

    /// <inheritdoc />
    public OnlineState Iterate(OnlineState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var g = state.Memory[0];
        int pairs = (state.Memory.Length - 1) / 2;
        var d = Direction(g, state.Memory, pairs);
        double slope = Dot(g, d);
        if (!(slope < 0))
        {
            d = g.Select(v => -v).ToArray();
            slope = -Dot(g, g);
            pairs = 0;
        }
        double alpha = state.Iteration == 0 && pairs == 0 ? 1.0 / Math.Sqrt(Dot(g, g)) : 1.0;
        double[] theta = state.Theta, trial = state.Theta;
        double trialLoss = state.Loss;
        double[] trialGradient = g;
        for (int h = 0; h <= MaxHalvings; h++, alpha *= 0.5)
        {
            trial = (double[])theta.Clone();
            for (int j = 0; j < Trainable.Count; j++) trial[Trainable[j]] += alpha * d[j];
            (trialLoss, trialGradient) = Evaluate(trial);
            if (trialLoss <= state.Loss + 1e-4 * alpha * slope) break;
        }
        if (!(trialLoss <= state.Loss)) return state with { Iteration = state.Iteration + 1 };
        var s = Trainable.Select(i => trial[i] - theta[i]).ToArray();
        var y = trialGradient.Zip(g, (a, b) => a - b).ToArray();
        var memory = new List<double[]> { trialGradient };
        int keep = Dot(s, y) > 0 ? Math.Min(pairs, Memory - 1) : Math.Min(pairs, Memory);
        for (int k = pairs - keep; k < pairs; k++)
        {
            memory.Add(state.Memory[1 + 2 * k]);
            memory.Add(state.Memory[2 + 2 * k]);
        }
        if (Dot(s, y) > 0)
        {
            memory.Add(s);
            memory.Add(y);
        }
        return new OnlineState(state.Iteration + 1, trial, trialLoss, [.. memory]);
    }

    private (double Loss, double[] Gradient) Evaluate(double[] theta)
    {
        var (l, g) = Loss.Evaluate(theta, _windows);
        return (l, Trainable.Select(i => g[i]).ToArray());
    }

    // Two-loop recursion: d = −H g with the pairs (s_k, y_k) at memory[1 + 2k], memory[2 + 2k].
    private static double[] Direction(double[] g, double[][] memory, int pairs)
    {
        var q = (double[])g.Clone();
        var a = new double[pairs];
        for (int k = pairs - 1; k >= 0; k--)
        {
            double[] s = memory[1 + 2 * k], y = memory[2 + 2 * k];
            a[k] = Dot(s, q) / Dot(y, s);
            for (int j = 0; j < q.Length; j++) q[j] -= a[k] * y[j];
        }
        if (pairs > 0)
        {
            double[] s = memory[2 * pairs - 1], y = memory[2 * pairs];
            double gamma = Dot(s, y) / Dot(y, y);
            for (int j = 0; j < q.Length; j++) q[j] *= gamma;
        }
        for (int k = 0; k < pairs; k++)
        {
            double[] s = memory[1 + 2 * k], y = memory[2 + 2 * k];
            double b = Dot(y, q) / Dot(y, s);
            for (int j = 0; j < q.Length; j++) q[j] += (a[k] - b) * s[j];
        }
        for (int j = 0; j < q.Length; j++) q[j] = -q[j];
        return q;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
