namespace ClimateAD.Adjoint.Checkpointing;

/// <summary>
/// What a checkpointing schedule does, counted action by action. Used both as the prediction
/// (counted on the schedule before running) and as the record of what the runner executed.
/// </summary>
/// <remarks>
/// Counting convention (Griewank &amp; Walther 2000, ACM TOMS 26:19–45): <see cref="AdvanceSteps"/>
/// is <c>t</c>, the forward steps run outside reverse steps (by advance and tape actions), which
/// for the binomial schedule is <c>t = r·l − C(s+r, s+1)</c>. Each of the
/// <see cref="ReverseSteps"/> <c>= l</c> reverse steps re-evaluates its own step while
/// linearising (Revolve's "taping" forward step) unless it reads a recorded tape
/// (<see cref="TapeReads"/>), so the total number of evaluations of the forward map is
/// <see cref="ForwardEvaluations"/> <c>= t + l − tape reads</c>; without tapes, Revolve's
/// <c>l + t = l + r·l − C(s+r, s+1)</c>.
/// </remarks>
/// <param name="AdvanceSteps">Forward steps run by advance actions: <c>t</c>.</param>
/// <param name="ReverseSteps">Reverse steps: <c>l</c> for a complete schedule.</param>
/// <param name="RamSlots">Distinct RAM snapshot slots used (highest index + 1).</param>
/// <param name="DiskSlots">Distinct disk snapshot slots used (highest index + 1).</param>
/// <param name="RamWrites">Store actions to RAM.</param>
/// <param name="RamReads">Restore actions from RAM.</param>
/// <param name="DiskWrites">Store actions to disk.</param>
/// <param name="DiskReads">Restore actions from disk.</param>
/// <param name="TapeSlots">Distinct tape slots used (highest index + 1); tapes are kept in RAM.</param>
/// <param name="TapeWrites">Tape actions (forward steps that recorded a tape; also counted in <paramref name="AdvanceSteps"/>).</param>
/// <param name="TapeReads">Reverse steps run from a tape, without a taping evaluation.</param>
public readonly record struct ScheduleCounts(
    long AdvanceSteps, long ReverseSteps, int RamSlots, int DiskSlots,
    long RamWrites, long RamReads, long DiskWrites, long DiskReads,
    int TapeSlots = 0, long TapeWrites = 0, long TapeReads = 0)
{
    /// <summary>Forward-map evaluations: <c>t</c> advance steps plus one taping evaluation per reverse step that has no tape, <c>t + l − TapeReads</c>.</summary>
    public long ForwardEvaluations => AdvanceSteps + ReverseSteps - TapeReads;

    /// <summary>Reverse steps that re-evaluate their step (Revolve's taping evaluation): <c>l − TapeReads</c>.</summary>
    public long TapingEvaluations => ReverseSteps - TapeReads;

    /// <summary>Counts of a list of actions (no validation).</summary>
    public static ScheduleCounts Of(IEnumerable<CheckpointAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        long advance = 0, reverse = 0, ramW = 0, ramR = 0, diskW = 0, diskR = 0, tapeW = 0, tapeR = 0;
        int ramSlots = 0, diskSlots = 0, tapeSlots = 0;
        foreach (var a in actions)
        {
            switch (a.Kind)
            {
                case CheckpointActionKind.Advance: advance += a.ForwardSteps; break;
                case CheckpointActionKind.ReverseStep:
                    reverse++;
                    if (a.UsesTape) tapeR++;
                    break;
                case CheckpointActionKind.Tape:
                    advance += a.ForwardSteps;
                    tapeW++;
                    tapeSlots = Math.Max(tapeSlots, a.Slot + 1);
                    break;
                case CheckpointActionKind.Store or CheckpointActionKind.Restore:
                    bool write = a.Kind == CheckpointActionKind.Store;
                    if (a.Level == SnapshotLevel.Ram)
                    {
                        ramSlots = Math.Max(ramSlots, a.Slot + 1);
                        if (write) ramW++; else ramR++;
                    }
                    else
                    {
                        diskSlots = Math.Max(diskSlots, a.Slot + 1);
                        if (write) diskW++; else diskR++;
                    }
                    break;
            }
        }
        return new ScheduleCounts(advance, reverse, ramSlots, diskSlots, ramW, ramR, diskW, diskR, tapeSlots, tapeW, tapeR);
    }
}
