namespace ClimateAD.Adjoint.Checkpointing;

/// <summary>
/// Store-all schedule: one forward sweep storing every state <c>x[0..l−2]</c> in RAM, then the
/// reverse sweep restoring each. Uses <c>l − 1</c> snapshots (the current state <c>x[l−1]</c>
/// needs none) and <c>t = l − 1</c> advance steps, the minimum; it coincides in cost with
/// <see cref="BinomialSchedule"/> for <c>s ≥ l − 1</c>.
/// </summary>
public static class StoreAllSchedule
{
    /// <summary>Snapshots the store-all schedule needs for <paramref name="steps"/> steps: <c>l − 1</c>.</summary>
    public static int SnapshotsNeeded(int steps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        return steps - 1;
    }

    /// <summary>The store-all schedule for <paramref name="steps"/> steps <c>l ≥ 1</c>.</summary>
    public static CheckpointSchedule Create(int steps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        var actions = new List<CheckpointAction>(4 * steps);
        for (int n = 0; n < steps - 1; n++)
        {
            actions.Add(CheckpointAction.Store(n, n));
            actions.Add(CheckpointAction.Advance(n, n + 1));
        }
        actions.Add(CheckpointAction.ReverseStep(steps - 1));
        for (int n = steps - 2; n >= 0; n--)
        {
            actions.Add(CheckpointAction.Restore(n, n));
            actions.Add(CheckpointAction.ReverseStep(n));
        }
        return new CheckpointSchedule("store-all", steps, actions);
    }
}
