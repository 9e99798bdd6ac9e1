using System.Globalization;
using System.Text;
using ClimateAD.Adjoint.Checkpointing;

namespace ClimateAD.Adjoint.Trajectories;

/// <summary>
/// What a gradient run will do before it does it: the schedule, the predicted forward and reverse
/// steps and the predicted peak memory. Make one from a memory budget with
/// <see cref="ForBudget"/>, print <see cref="Describe"/>, run it with <see cref="TrajectoryRunner"/>
/// and compare <see cref="GradientResult.Counts"/> with <see cref="Predicted"/>.
/// </summary>
/// <remarks>
/// Memory model: <c>peak = s_RAM · 8N + s_tape · 8T' + fixed</c>, <c>fixed = 4 · 8N + 8P</c> bytes
/// for the current state, the next state, <c>λ[n]</c>, <c>λ[n+1]</c> (<c>N</c> doubles each) and
/// <c>θ̄</c> (<c>P</c> doubles); <c>s_tape</c> tape slots of a schedule with tapes hold
/// <c>T' = </c><see cref="TapeStore.RecordLengthFor"/><c>(T)</c> doubles each for a step with
/// <see cref="ITapedStep.TapeLength"/> <c>T</c>. Not included: the model's own working memory, the
/// cost workspace and the returned gradient arrays. Disk snapshots take <c>s_disk · 8N</c> bytes of
/// disk. The runner allocates the snapshot and tape memory predicted (plus at most 64 bytes to
/// align the tapes) on its first run and keeps it for the next.
/// </remarks>
public sealed class TrajectoryPlan
{
    /// <summary>A plan that runs <paramref name="schedule"/> on a model of the given size.</summary>
    /// <param name="schedule">The checkpointing schedule.</param>
    /// <param name="stateLength">State length <c>N ≥ 1</c>.</param>
    /// <param name="parameterLength">Parameter length <c>P ≥ 0</c>.</param>
    /// <param name="memoryBudgetBytes">The budget the plan was made for (<see cref="long.MaxValue"/> for none).</param>
    /// <param name="tapeLength">The step's <see cref="ITapedStep.TapeLength"/>; required (≥ 1) when the schedule has tape actions, else 0.</param>
    public TrajectoryPlan(CheckpointSchedule schedule, int stateLength, int parameterLength, long memoryBudgetBytes = long.MaxValue, int tapeLength = 0)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfLessThan(stateLength, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(parameterLength);
        ArgumentOutOfRangeException.ThrowIfNegative(tapeLength);
        if (schedule.Counts.TapeSlots > 0 && tapeLength == 0)
            throw new ArgumentException($"Schedule {schedule.Name} records tapes: give the step's tape length.", nameof(tapeLength));
        Schedule = schedule;
        StateLength = stateLength;
        ParameterLength = parameterLength;
        MemoryBudgetBytes = memoryBudgetBytes;
        TapeLength = tapeLength;
    }

    /// <summary>
    /// Picks the schedule for a memory budget: store-all with tapes
    /// (<see cref="StoreAllSchedule.CreateTaped"/>) when the step can tape
    /// (<paramref name="tapeLength"/> &gt; 0) and <c>l − 1</c> snapshots and tapes fit; else store-all
    /// when <c>l − 1</c> snapshots fit; otherwise the binomial schedule with as many RAM snapshots as
    /// fit (at least one when there are no disk snapshots), plus <paramref name="diskSnapshots"/>
    /// disk snapshots (multi-level) if asked for.
    /// </summary>
    /// <param name="steps">Model steps <c>l ≥ 1</c>.</param>
    /// <param name="stateLength">State length <c>N ≥ 1</c>.</param>
    /// <param name="parameterLength">Parameter length <c>P ≥ 0</c>.</param>
    /// <param name="memoryBudgetBytes">RAM budget for snapshots plus the fixed buffers.</param>
    /// <param name="diskSnapshots">Disk snapshot slots to use when store-all does not fit in RAM.</param>
    /// <param name="tapeLength">The step's <see cref="ITapedStep.TapeLength"/>, or 0 when it does not tape.</param>
    public static TrajectoryPlan ForBudget(int steps, int stateLength, int parameterLength, long memoryBudgetBytes, int diskSnapshots = 0, int tapeLength = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stateLength, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(parameterLength);
        ArgumentOutOfRangeException.ThrowIfNegative(diskSnapshots);
        ArgumentOutOfRangeException.ThrowIfNegative(tapeLength);
        long snapshotBytes = 8L * stateLength;
        long available = memoryBudgetBytes - FixedBytesFor(stateLength, parameterLength);
        long fitting = Math.Max(0, available / snapshotBytes);
        int storeAll = StoreAllSchedule.SnapshotsNeeded(steps);
        long tapedBytes = tapeLength > 0 ? storeAll * (snapshotBytes + 8L * TapeStore.RecordLengthFor(tapeLength)) : long.MaxValue;
        CheckpointSchedule schedule;
        if (tapeLength > 0 && storeAll > 0 && available >= tapedBytes) schedule = StoreAllSchedule.CreateTaped(steps);
        else if (fitting >= storeAll) schedule = StoreAllSchedule.Create(steps);
        else
        {
            int ram = (int)Math.Max(diskSnapshots > 0 ? 0 : 1, fitting);
            schedule = diskSnapshots > 0 ? MultiLevelSchedule.Create(steps, ram, diskSnapshots) : BinomialSchedule.Create(steps, ram);
        }
        return new TrajectoryPlan(schedule, stateLength, parameterLength, memoryBudgetBytes, schedule.Counts.TapeSlots > 0 ? tapeLength : 0);
    }

    /// <summary>The checkpointing schedule.</summary>
    public CheckpointSchedule Schedule { get; }

    /// <summary>State length <c>N</c>.</summary>
    public int StateLength { get; }

    /// <summary>Parameter length <c>P</c>.</summary>
    public int ParameterLength { get; }

    /// <summary>Model steps <c>l</c>.</summary>
    public int Steps => Schedule.Steps;

    /// <summary>The RAM budget the plan was made for.</summary>
    public long MemoryBudgetBytes { get; }

    /// <summary>Doubles of tape per step (<see cref="ITapedStep.TapeLength"/>) when the schedule records tapes, else 0.</summary>
    public int TapeLength { get; }

    /// <summary>Bytes one tape slot occupies: <c>8 · </c><see cref="TapeStore.RecordLengthFor"/><c>(TapeLength)</c>, 0 without tapes.</summary>
    public long TapeRecordBytes => TapeLength > 0 ? 8L * TapeStore.RecordLengthFor(TapeLength) : 0;

    /// <summary>Bytes of one snapshot, <c>8N</c>.</summary>
    public long SnapshotBytes => 8L * StateLength;

    /// <summary>Fixed working memory, <c>4 · 8N + 8P</c> bytes.</summary>
    public long FixedBytes => FixedBytesFor(StateLength, ParameterLength);

    /// <summary>Predicted RAM of the tape slots: <c>s_tape · </c><see cref="TapeRecordBytes"/>.</summary>
    public long PredictedTapeBytes => Schedule.Counts.TapeSlots * TapeRecordBytes;

    /// <summary>Predicted peak RAM: <c>s_RAM · 8N + s_tape · 8T' + fixed</c>.</summary>
    public long PredictedPeakBytes => Schedule.Counts.RamSlots * SnapshotBytes + PredictedTapeBytes + FixedBytes;

    /// <summary>Disk used by snapshots: <c>s_disk · 8N</c>.</summary>
    public long PredictedDiskBytes => Schedule.Counts.DiskSlots * SnapshotBytes;

    /// <summary>True when <see cref="PredictedPeakBytes"/> is within <see cref="MemoryBudgetBytes"/>.</summary>
    public bool FitsBudget => PredictedPeakBytes <= MemoryBudgetBytes;

    /// <summary>
    /// What the runner will count: the schedule's actions, <c>t + 1</c> calls of
    /// <see cref="IDifferentiableStep.Forward"/> or <see cref="ITapedStep.ForwardTaped"/> (the
    /// <c>t</c> advance and tape steps and the one that yields <c>x[l]</c> for the cost) and <c>l</c>
    /// calls of <see cref="IDifferentiableStep.Adjoint"/> or <see cref="ITapedStep.AdjointTaped"/>
    /// (the latter for the <see cref="ScheduleCounts.TapeReads"/> reverse steps that read a tape).
    /// </summary>
    public ExecutionCounts Predicted => new(Schedule.Counts, Schedule.Counts.AdvanceSteps + 1, Schedule.Counts.ReverseSteps);

    /// <summary>The plan as a few lines of text for the log, printed before the run starts.</summary>
    public string Describe()
    {
        var c = Schedule.Counts;
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"adjoint plan: {Steps} steps, schedule {Schedule.Name}");
        sb.AppendLine(inv, $"  snapshots: {c.RamSlots} in RAM, {c.DiskSlots} on disk ({SnapshotBytes} bytes each)");
        if (c.TapeSlots > 0) sb.AppendLine(inv, $"  tapes: {c.TapeSlots} in RAM ({TapeRecordBytes} bytes each: {TapeLength} doubles); {c.TapeWrites} recorded, {c.TapeReads} read by reverse steps");
        sb.AppendLine(inv, $"  forward steps: {c.AdvanceSteps} advance + {c.TapingEvaluations} reverse (taping) = {c.ForwardEvaluations} forward evaluations; {Predicted.ForwardCalls} Forward calls, {Predicted.AdjointCalls} Adjoint calls");
        sb.AppendLine(inv, $"  snapshot traffic: RAM {c.RamWrites} writes / {c.RamReads} reads, disk {c.DiskWrites} writes / {c.DiskReads} reads");
        string budget = MemoryBudgetBytes == long.MaxValue ? "none" : MemoryBudgetBytes.ToString(inv);
        string tapes = c.TapeSlots > 0 ? $" + {c.TapeSlots} x {TapeRecordBytes} tapes" : "";
        sb.Append(inv, $"  predicted peak memory: {PredictedPeakBytes} bytes ({c.RamSlots} x {SnapshotBytes}{tapes} + {FixedBytes} fixed); budget {budget}{(FitsBudget ? "" : " EXCEEDED")}; disk {PredictedDiskBytes} bytes");
        return sb.ToString();
    }

    private static long FixedBytesFor(int stateLength, int parameterLength) => 4L * 8 * stateLength + 8L * parameterLength;
}
