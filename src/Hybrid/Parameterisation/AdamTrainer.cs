namespace ClimateAD.Hybrid.Parameterisation;

/// <summary>
/// Online training: Adam (<see cref="AdamUpdate"/>) on mini-batches of forecast windows of a
/// <see cref="TrajectoryLoss"/>, applied to the parameters selected by <see cref="Trainable"/>
/// (others, e.g. the forcing F, stay fixed). Batch t is drawn from the training starts by
/// <see cref="Random"/> seeded with (seed, t), so a run resumed from a saved
/// <see cref="OnlineState"/> (memory: m, v) repeats the uninterrupted one bit for bit.
/// </summary>
public sealed class AdamTrainer(TrajectoryLoss loss, IReadOnlyList<int> trainingStarts, IReadOnlyList<int> trainable) : IOnlineTrainer
{
    /// <summary>The loss.</summary>
    public TrajectoryLoss Loss { get; } = loss;

    /// <summary>Indices into θ that are trained.</summary>
    public IReadOnlyList<int> Trainable { get; } = trainable;

    /// <summary>Learning rate η (default 1e-3).</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Windows per batch (default 16).</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Seed of the batch draws (default 1).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Lower bound applied to every trained entry after each update (default −∞; e.g. a viscosity ≥ 0).</summary>
    public double LowerBound { get; init; } = double.NegativeInfinity;

    /// <inheritdoc />
    public string Name => "adam";

    /// <inheritdoc />
    public OnlineState Start(ReadOnlySpan<double> theta) =>
        new(0, theta.ToArray(), double.NaN, [new double[Trainable.Count], new double[Trainable.Count]]);

    /// <inheritdoc />
    public OnlineState Iterate(OnlineState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        int t = state.Iteration + 1;
        var random = new Random(unchecked(Seed * 7919 + t * 104729));
        var batch = Enumerable.Range(0, BatchSize).Select(_ => trainingStarts[random.Next(trainingStarts.Count)]).ToArray();
        var (l, g) = Loss.Evaluate(state.Theta, batch);
        var theta = (double[])state.Theta.Clone();
        var m = (double[])state.Memory[0].Clone();
        var v = (double[])state.Memory[1].Clone();
        var gs = Trainable.Select(i => g[i]).ToArray();
        var ws = Trainable.Select(i => theta[i]).ToArray();
        AdamUpdate.Apply(t, LearningRate, gs, m, v, ws);
        for (int j = 0; j < Trainable.Count; j++) theta[Trainable[j]] = Math.Max(LowerBound, ws[j]);
        return new OnlineState(t, theta, l, [m, v]);
    }
}
