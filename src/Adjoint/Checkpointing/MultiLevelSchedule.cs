namespace ClimateAD.Adjoint.Checkpointing;

/// <summary>
/// Two-level (RAM + disk) checkpointing: the optimal binomial schedule with
/// <c>s = s_RAM + s_disk</c> slots, where the <c>s_disk</c> lowest stack slots live on disk and the
/// rest in RAM. The forward-step count is the binomial optimum <c>t(l, s)</c>
/// (<see cref="BinomialSchedule"/>).
/// </summary>
/// <remarks>
/// In the binomial stack the lowest slots hold the long-lived checkpoints (slot 0 holds
/// <c>x[0]</c> and is written once) and the highest slots are rewritten most often, so putting the
/// low slots on disk keeps disk traffic small. This follows the idea of Stumm &amp; Walther (2009),
/// "MultiStage approaches for optimal offline checkpointing", SIAM J. Sci. Comput. 31:1946–1967;
/// it minimises forward steps, not their combined cost with disk access, which is the refinement
/// their paper goes on to make. The plan reports disk writes and reads so the cost is visible.
/// </remarks>
public static class MultiLevelSchedule
{
    /// <summary>The two-level schedule for <paramref name="steps"/> steps.</summary>
    /// <param name="steps">Number of steps <c>l ≥ 1</c>.</param>
    /// <param name="ramSnapshots">RAM slots <c>≥ 0</c>.</param>
    /// <param name="diskSnapshots">Disk slots <c>≥ 0</c>; <c>ramSnapshots + diskSnapshots ≥ 1</c> when <c>l ≥ 2</c>.</param>
    public static CheckpointSchedule Create(int steps, int ramSnapshots, int diskSnapshots)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ramSnapshots);
        ArgumentOutOfRangeException.ThrowIfNegative(diskSnapshots);
        var actions = BinomialSchedule.Generate(steps, ramSnapshots + diskSnapshots,
            k => k < diskSnapshots ? (k, SnapshotLevel.Disk) : (k - diskSnapshots, SnapshotLevel.Ram));
        return new CheckpointSchedule($"multi-level(ram={ramSnapshots}, disk={diskSnapshots})", steps, actions);
    }
}
