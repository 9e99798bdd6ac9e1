namespace ClimateAD.Adjoint.Checkpointing;

/// <summary>
/// One action of a checkpointing schedule, as plain data. Schedules are separate from the model
/// (DESIGN.md §3): a <see cref="CheckpointSchedule"/> is a list of these, executed by
/// <see cref="Trajectories.TrajectoryRunner"/>.
/// </summary>
/// <param name="Kind">What to do.</param>
/// <param name="Step">Advance: first step <c>from</c>; Store/Restore: the step whose state the slot holds; ReverseStep and Tape: <c>n</c>.</param>
/// <param name="EndStep">Advance: the step reached (<c>to</c>); Tape: <c>n + 1</c>; otherwise equal to <paramref name="Step"/>.</param>
/// <param name="Slot">Store/Restore: slot index within <paramref name="Level"/>; Tape: the tape slot written; ReverseStep: the tape slot read, or −1 to re-evaluate the step; Advance: −1.</param>
/// <param name="Level">Store/Restore: snapshot level; otherwise <see cref="SnapshotLevel.Ram"/> (tapes are kept in RAM).</param>
public readonly record struct CheckpointAction(
    CheckpointActionKind Kind, int Step, int EndStep, int Slot, SnapshotLevel Level)
{
    /// <summary>Run the forward map <c>x[from] → x[to]</c>: <c>to − from</c> forward steps.</summary>
    public static CheckpointAction Advance(int from, int to) => new(CheckpointActionKind.Advance, from, to, -1, SnapshotLevel.Ram);

    /// <summary>Store the current state <c>x[step]</c> in <paramref name="slot"/> of <paramref name="level"/>.</summary>
    public static CheckpointAction Store(int step, int slot, SnapshotLevel level = SnapshotLevel.Ram) =>
        new(CheckpointActionKind.Store, step, step, slot, level);

    /// <summary>Make <c>x[step]</c>, held in <paramref name="slot"/> of <paramref name="level"/>, the current state.</summary>
    public static CheckpointAction Restore(int step, int slot, SnapshotLevel level = SnapshotLevel.Ram) =>
        new(CheckpointActionKind.Restore, step, step, slot, level);

    /// <summary>Reverse step <c>n</c> at the current state <c>x[n]</c>, re-evaluating the step (<c>tapeSlot = −1</c>) or from the tape in <paramref name="tapeSlot"/>.</summary>
    public static CheckpointAction ReverseStep(int n, int tapeSlot = -1) => new(CheckpointActionKind.ReverseStep, n, n, tapeSlot, SnapshotLevel.Ram);

    /// <summary>Run forward step <paramref name="n"/> from the current <c>x[n]</c>, recording its tape in <paramref name="tapeSlot"/>.</summary>
    public static CheckpointAction Tape(int n, int tapeSlot) => new(CheckpointActionKind.Tape, n, n + 1, tapeSlot, SnapshotLevel.Ram);

    /// <summary>Number of forward steps this action runs (<c>EndStep − Step</c> for an advance, 1 for a tape, else 0).</summary>
    public int ForwardSteps => Kind is CheckpointActionKind.Advance or CheckpointActionKind.Tape ? EndStep - Step : 0;

    /// <summary>True for a reverse step that reads a tape instead of re-evaluating its step.</summary>
    public bool UsesTape => Kind == CheckpointActionKind.ReverseStep && Slot >= 0;

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        CheckpointActionKind.Advance => $"Advance({Step}->{EndStep})",
        CheckpointActionKind.Store => $"Store(x[{Step}] -> {Level}[{Slot}])",
        CheckpointActionKind.Restore => $"Restore({Level}[{Slot}] -> x[{Step}])",
        CheckpointActionKind.Tape => $"Tape({Step}->{EndStep}, tape[{Slot}])",
        _ => Slot >= 0 ? $"ReverseStep({Step}, tape[{Slot}])" : $"ReverseStep({Step})",
    };
}
