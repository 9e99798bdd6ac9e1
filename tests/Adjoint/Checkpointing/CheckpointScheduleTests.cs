using ClimateAD.Adjoint.Checkpointing;

namespace ClimateAD.Adjoint.Tests.Checkpointing;

public class CheckpointScheduleTests
{
    [Fact]
    public void Constructor_RestoreOfSlotNotHoldingState_Throws() =>
        Assert.Throws<ArgumentException>(() => new CheckpointSchedule("bad", 2,
            [CheckpointAction.Store(0, 0), CheckpointAction.Advance(0, 1), CheckpointAction.ReverseStep(1), CheckpointAction.Restore(0, 1), CheckpointAction.ReverseStep(0)]));

    [Fact]
    public void Constructor_ReverseStepsOutOfOrder_Throws() =>
        Assert.Throws<ArgumentException>(() => new CheckpointSchedule("bad", 2, [CheckpointAction.ReverseStep(0)]));

    [Fact]
    public void Constructor_AdvanceToFinalState_Throws() =>
        Assert.Throws<ArgumentException>(() => new CheckpointSchedule("bad", 1, [CheckpointAction.Advance(0, 1), CheckpointAction.ReverseStep(0)]));

    [Fact]
    public void StoreAll_FiveSteps_FourSnapshotsFourAdvances()
    {
        var counts = StoreAllSchedule.Create(5).Counts;
        Assert.Equal(new ScheduleCounts(4, 5, 4, 0, 4, 4, 0, 0), counts);
    }

    [Fact]
    public void StoreAllTaped_FiveSteps_FourTapesAndOneTapingEvaluation()
    {
        var counts = StoreAllSchedule.CreateTaped(5).Counts;
        Assert.Equal(new ScheduleCounts(4, 5, 4, 0, 4, 4, 0, 0, TapeSlots: 4, TapeWrites: 4, TapeReads: 4), counts);
        Assert.Equal(5, counts.ForwardEvaluations); // l: every step evaluated once
        Assert.Equal(1, counts.TapingEvaluations);  // only the last step, which yields x[l]
        Assert.Equal(9, StoreAllSchedule.Create(5).Counts.ForwardEvaluations); // 2l − 1 without tapes
    }

    [Fact]
    public void Constructor_ReverseStepFromTapeOfAnotherStep_Throws() =>
        Assert.Throws<ArgumentException>(() => new CheckpointSchedule("bad", 3,
        [
            CheckpointAction.Store(0, 0), CheckpointAction.Tape(0, 0), CheckpointAction.Tape(1, 1), CheckpointAction.ReverseStep(2),
            CheckpointAction.Restore(0, 0), CheckpointAction.Advance(0, 1), CheckpointAction.ReverseStep(1, 0),
            CheckpointAction.Restore(0, 0), CheckpointAction.ReverseStep(0, 0),
        ]));

    [Fact]
    public void Constructor_TapeReachingFinalState_Throws() =>
        Assert.Throws<ArgumentException>(() => new CheckpointSchedule("bad", 1, [CheckpointAction.Tape(0, 0), CheckpointAction.ReverseStep(0, 0)]));
}
