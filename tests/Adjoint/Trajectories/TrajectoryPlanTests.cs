using ClimateAD.Adjoint.Checkpointing;
using ClimateAD.Adjoint.Trajectories;
using Xunit.Abstractions;

namespace ClimateAD.Adjoint.Tests.Trajectories;

public class TrajectoryPlanTests(ITestOutputHelper output)
{
    // N = 1000 doubles: 8000 bytes per snapshot; P = 10: fixed = 4·8000 + 80 = 32080 bytes.
    private const int N = 1000, P = 10, L = 100;

    [Fact]
    public void ForBudget_EverythingFits_ChoosesStoreAll()
    {
        var plan = TrajectoryPlan.ForBudget(L, N, P, 32_080 + 99 * 8000);
        Assert.Equal("store-all", plan.Schedule.Name);
        Assert.Equal(32_080 + 99 * 8000, plan.PredictedPeakBytes);
        Assert.True(plan.FitsBudget);
    }

    [Fact]
    public void ForBudget_SnapshotsAndTapesFit_ChoosesStoreAllWithTapes()
    {
        // Tape of 1001 doubles: records of 1008 doubles (whole 64-byte lines), 8064 bytes.
        long budget = 32_080 + 99 * (8000 + 8064);
        var plan = TrajectoryPlan.ForBudget(L, N, P, budget, tapeLength: 1001);
        Assert.Equal("store-all+tape", plan.Schedule.Name);
        Assert.Equal(budget, plan.PredictedPeakBytes);
        Assert.Equal(8064, plan.TapeRecordBytes);
        Assert.Equal(L, plan.Predicted.Actions.ForwardEvaluations);
        output.WriteLine(plan.Describe());
    }

    [Fact]
    public void ForBudget_OnlySnapshotsFit_ChoosesStoreAllWithoutTapes()
    {
        var plan = TrajectoryPlan.ForBudget(L, N, P, 32_080 + 99 * (8000 + 8064) - 1, tapeLength: 1001);
        Assert.Equal("store-all", plan.Schedule.Name);
        Assert.Equal(0, plan.TapeLength);
        Assert.Equal(2 * L - 1, plan.Predicted.Actions.ForwardEvaluations);
    }

    [Fact]
    public void Constructor_TapedScheduleWithoutTapeLength_Throws() =>
        Assert.Throws<ArgumentException>(() => new TrajectoryPlan(StoreAllSchedule.CreateTaped(L), N, P));

    [Fact]
    public void ForBudget_TenSnapshotsFit_ChoosesBinomialWithTen()
    {
        var plan = TrajectoryPlan.ForBudget(L, N, P, 32_080 + 10 * 8000 + 7999);
        Assert.Equal("binomial(s=10)", plan.Schedule.Name);
        Assert.Equal(BinomialSchedule.MinimalAdvanceSteps(L, 10), plan.Predicted.Actions.AdvanceSteps);
        Assert.True(plan.PredictedPeakBytes <= plan.MemoryBudgetBytes);
    }

    [Fact]
    public void ForBudget_NothingFits_UsesOneSnapshotAndSaysBudgetExceeded()
    {
        var plan = TrajectoryPlan.ForBudget(L, N, P, 1000);
        Assert.Equal("binomial(s=1)", plan.Schedule.Name);
        Assert.False(plan.FitsBudget);
        Assert.Contains("EXCEEDED", plan.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void ForBudget_WithDiskSnapshots_ChoosesMultiLevel()
    {
        var plan = TrajectoryPlan.ForBudget(L, N, P, 32_080 + 3 * 8000, diskSnapshots: 4);
        Assert.Equal("multi-level(ram=3, disk=4)", plan.Schedule.Name);
        Assert.Equal(BinomialSchedule.MinimalAdvanceSteps(L, 7), plan.Predicted.Actions.AdvanceSteps);
        Assert.Equal(4 * 8000, plan.PredictedDiskBytes);
    }

    [Fact]
    public void Describe_Binomial_PrintsPredictedForwardStepsAndMemory()
    {
        var plan = new TrajectoryPlan(BinomialSchedule.Create(10, 2), N, P);
        string text = plan.Describe();
        output.WriteLine(text);
        Assert.Contains("20 advance + 10 reverse (taping) = 30 forward evaluations", text, StringComparison.Ordinal);
        Assert.Contains("21 Forward calls, 10 Adjoint calls", text, StringComparison.Ordinal);
        Assert.Contains($"predicted peak memory: {2 * 8000 + 32_080} bytes", text, StringComparison.Ordinal);
    }
}
