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

    /// <summary>
    /// Store-all with tapes, for an <see cref="ITapedStep"/>: the one forward sweep stores every
    /// state <c>x[0..l−2]</c> and records every step's tape (<c>Tape(n, n)</c>), and the reverse
    /// sweep restores each state and runs its step's adjoint from the tape, so no reverse step
    /// re-evaluates its step except the last, <c>l − 1</c>, whose forward evaluation yields
    /// <c>x[l]</c>. Uses <c>l − 1</c> snapshots and <c>l − 1</c> tape slots; forward evaluations
    /// <c>t + 1 = l</c>, the least possible, against <c>2l − 1</c> for <see cref="Create"/>.
    /// </summary>
    /// <param name="steps">Number of steps <c>l ≥ 1</c>.</param>
    public static CheckpointSchedule CreateTaped(int steps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        var actions = new List<CheckpointAction>(4 * steps);
        for (int n = 0; n < steps - 1; n++)
        {
            actions.Add(CheckpointAction.Store(n, n));
            actions.Add(CheckpointAction.Tape(n, n));
        }
        actions.Add(CheckpointAction.ReverseStep(steps - 1));
        for (int n = steps - 2; n >= 0; n--)
        {
            actions.Add(CheckpointAction.Restore(n, n));
            actions.Add(CheckpointAction.ReverseStep(n, n));
        }
        return new CheckpointSchedule("store-all+tape", steps, actions);
    }
}
