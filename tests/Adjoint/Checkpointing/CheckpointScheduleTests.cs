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
}
