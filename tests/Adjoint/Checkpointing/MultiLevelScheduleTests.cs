using ClimateAD.Adjoint.Checkpointing;

namespace ClimateAD.Adjoint.Tests.Checkpointing;

public class MultiLevelScheduleTests
{
    [Fact]
    public void Create_RamPlusDisk_AdvanceStepsEqualBinomialWithAllSlots()
    {
        for (int l = 1; l <= 200; l += 3)
        {
            for (int ram = 1; ram <= 4; ram++)
            {
                for (int disk = 0; disk <= 3; disk++)
                {
                    var counts = MultiLevelSchedule.Create(l, ram, disk).Counts;
                    Assert.Equal(BinomialSchedule.MinimalAdvanceSteps(l, ram + disk), counts.AdvanceSteps);
                    Assert.True(counts.RamSlots <= ram && counts.DiskSlots <= disk);
                }
            }
        }
    }

    [Fact]
    public void Create_DiskHoldsLowSlots_InitialStateWrittenToDiskOnce()
    {
        var schedule = MultiLevelSchedule.Create(100, 2, 2);
        var diskZeroWrites = schedule.Actions.Count(a => a is { Kind: CheckpointActionKind.Store, Level: SnapshotLevel.Disk, Slot: 0 });
        Assert.Equal(1, diskZeroWrites);
        Assert.True(schedule.Counts.DiskWrites < schedule.Counts.RamWrites);
    }
}
