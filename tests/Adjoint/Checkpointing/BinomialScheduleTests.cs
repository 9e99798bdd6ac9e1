using System.Numerics;
using ClimateAD.Adjoint.Checkpointing;

namespace ClimateAD.Adjoint.Tests.Checkpointing;

public class BinomialScheduleTests
{
    private const int MaxSteps = 500;
    private const int MaxSnapshots = 10;

    // Independent of the library: exact binomials with BigInteger.
    private static BigInteger Choose(int n, int k)
    {
        if (k < 0 || k > n) return BigInteger.Zero;
        BigInteger c = BigInteger.One;
        for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return c;
    }

    private static (int R, long T) IssueFormula(int l, int s)
    {
        int r = 0;
        while (Choose(s + r, s) < l) r++;
        return (r, (long)(r * (BigInteger)l - Choose(s + r, s + 1)));
    }

    [Fact]
    public void ClosedForm_AllStepsUpTo500AndSnapshotsUpTo10_EqualsRecurrenceAndIssueFormula()
    {
        var table = BinomialSchedule.MinimalAdvanceStepsByRecurrence(MaxSteps, MaxSnapshots);
        for (int l = 1; l <= MaxSteps; l++)
        {
            for (int s = 1; s <= MaxSnapshots; s++)
            {
                var (r, t) = IssueFormula(l, s);
                Assert.Equal(t, table[l, s]);
                Assert.Equal(t, BinomialSchedule.MinimalAdvanceSteps(l, s));
                Assert.Equal(r, BinomialSchedule.Repetitions(l, s));
                Assert.Equal(l + t, BinomialSchedule.ForwardEvaluations(l, s));
            }
        }
    }

    [Fact]
    public void Create_AllStepsUpTo500AndSnapshotsUpTo10_CountedActionsEqualClosedForm()
    {
        for (int l = 1; l <= MaxSteps; l++)
        {
            for (int s = 1; s <= MaxSnapshots; s++)
            {
                var counts = BinomialSchedule.Create(l, s).Counts;
                var (_, t) = IssueFormula(l, s);
                Assert.Equal(t, counts.AdvanceSteps);
                Assert.Equal(l, counts.ReverseSteps);
                Assert.Equal(l + t, counts.ForwardEvaluations);
                Assert.True(counts.RamSlots <= s, $"l={l}, s={s}: {counts.RamSlots} slots");
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    public void MinimalAdvanceSteps_OneSnapshot_IsTriangularNumber(int l) =>
        Assert.Equal(l * (l - 1L) / 2, BinomialSchedule.MinimalAdvanceSteps(l, 1));

    [Fact]
    public void MinimalAdvanceSteps_TenStepsTwoSnapshots_IsTwenty()
    {
        // r = 3 because C(5, 2) = 10 ≥ 10 > C(4, 2) = 6; t = 3·10 − C(5, 3) = 30 − 10 = 20.
        Assert.Equal(3, BinomialSchedule.Repetitions(10, 2));
        Assert.Equal(20, BinomialSchedule.MinimalAdvanceSteps(10, 2));
    }

    [Fact]
    public void Create_ThreeStepsOneSnapshot_IsTheHandWrittenSchedule()
    {
        CheckpointAction[] expected =
        [
            CheckpointAction.Store(0, 0), CheckpointAction.Advance(0, 2), CheckpointAction.ReverseStep(2),
            CheckpointAction.Restore(0, 0), CheckpointAction.Advance(0, 1), CheckpointAction.ReverseStep(1),
            CheckpointAction.Restore(0, 0), CheckpointAction.ReverseStep(0),
        ];
        Assert.Equal(expected, BinomialSchedule.Create(3, 1).Actions);
    }

    [Fact]
    public void Create_EnoughSnapshots_CostsTheSameAsStoreAll()
    {
        for (int l = 1; l <= 60; l++)
            Assert.Equal(StoreAllSchedule.Create(l).Counts.AdvanceSteps, BinomialSchedule.Create(l, Math.Max(1, l - 1)).Counts.AdvanceSteps);
    }

    [Fact]
    public void Create_ManySteps_IsFastAndOptimal()
    {
        var schedule = BinomialSchedule.Create(100_000, 12);
        Assert.Equal(BinomialSchedule.MinimalAdvanceSteps(100_000, 12), schedule.Counts.AdvanceSteps);
    }

    [Fact]
    public void Create_TwoStepsNoSnapshot_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BinomialSchedule.Create(2, 0));
}
