using ClimateAD.Adjoint.Checkpointing;
using ClimateAD.Adjoint.Costs;
using ClimateAD.Adjoint.Tests.TestModels;
using ClimateAD.Adjoint.Trajectories;

namespace ClimateAD.Adjoint.Tests.Trajectories;

public class TrajectoryRunnerTests
{
    private const int Steps = 120;
    private static readonly double[] X0 = [1.0, 2.0, 20.0];
    private static readonly double[] Theta = [10.0, 28.0, 8.0 / 3.0];

    // Sampling, a mask, a time mean (AR(1) errors) and a background term together.
    private static QuadraticCost Cost()
    {
        int[] sampleSteps = [0, 17, 40, 119, 120];
        return new QuadraticCost(
        [
            new ObservationTerm(new SampleOperator(0, sampleSteps), [1.5, -3, 4, 2, 0.5], DiagonalCovariance.Uniform(5, 4.0)),
            new ObservationTerm(new WeightedSumOperator([0.5, 0.5, 0], [60, 120]), [1, 2], new DiagonalCovariance([1.0, 2.0])),
            new ObservationTerm(TimeMeanOperator.OfComponent(2, 3, [new TimeWindow(0, 39), new TimeWindow(40, 79), new TimeWindow(80, 120)]),
                [22, 24, 23], new Ar1Covariance(3, 1.5, 0.6)),
        ], new BackgroundTerm([9.5, 27, 2.5], new DiagonalCovariance([1.0, 4.0, 0.25])));
    }

    private static readonly string[] Names = ["store-all", "binomial-1", "binomial-3", "binomial-7", "multi-level"];

    public static TheoryData<string> ScheduleNames => [.. Names];

    private static TrajectoryPlan PlanFor(string name) => name switch
    {
        "store-all" => new TrajectoryPlan(StoreAllSchedule.Create(Steps), 3, 3),
        "binomial-1" => new TrajectoryPlan(BinomialSchedule.Create(Steps, 1), 3, 3),
        "binomial-3" => new TrajectoryPlan(BinomialSchedule.Create(Steps, 3), 3, 3),
        "binomial-7" => new TrajectoryPlan(BinomialSchedule.Create(Steps, 7), 3, 3),
        _ => new TrajectoryPlan(MultiLevelSchedule.Create(Steps, 2, 3), 3, 3),
    };

    [Fact]
    public void Run_StoreAllBinomialAndDiskSchedules_GradientsIdenticalBitForBit()
    {
        var reference = new TrajectoryRunner(new Lorenz63Step(), PlanFor("store-all")).Run(X0, Theta, Cost());
        foreach (var name in Names)
        {
            var plan = PlanFor(name);
            var result = new TrajectoryRunner(new Lorenz63Step(), plan).Run(X0, Theta, Cost());
            Assert.Equal(Bits(reference.ParameterGradient), Bits(result.ParameterGradient));
            Assert.Equal(Bits(reference.InitialStateGradient), Bits(result.InitialStateGradient));
            Assert.Equal(BitConverter.DoubleToInt64Bits(reference.Cost), BitConverter.DoubleToInt64Bits(result.Cost));
            Assert.Equal(Bits(reference.FinalState), Bits(result.FinalState));
        }
        Assert.Contains(reference.ParameterGradient, g => g != 0);
    }

    [Theory]
    [MemberData(nameof(ScheduleNames))]
    public void Run_AnySchedule_CountedEqualsPredicted(string name)
    {
        var plan = PlanFor(name);
        var step = new CountingStep(new Lorenz63Step());
        var result = new TrajectoryRunner(step, plan).Run(X0, Theta, Cost());
        Assert.Equal(plan.Predicted, result.Counts);
        Assert.Equal(plan.Schedule.Counts.AdvanceSteps + 1, step.ForwardCalls);
        Assert.Equal(Steps, step.AdjointCalls);
        if (name.StartsWith("binomial", StringComparison.Ordinal))
        {
            int s = int.Parse(name["binomial-".Length..]);
            Assert.Equal(BinomialSchedule.ForwardEvaluations(Steps, s), result.Counts.Actions.ForwardEvaluations);
        }
    }

    [Fact]
    public void Run_MultiLevel_WritesAndReadsTheDiskStore()
    {
        var plan = PlanFor("multi-level");
        var result = new TrajectoryRunner(new Lorenz63Step(), plan).Run(X0, Theta, Cost());
        Assert.True(result.Counts.Actions.DiskWrites > 0 && result.Counts.Actions.DiskReads > 0);
    }

    [Fact]
    public void Run_CostMatchesForwardOnlyEvaluation()
    {
        var runner = new TrajectoryRunner(new Lorenz63Step(), PlanFor("binomial-3"));
        Assert.Equal(runner.EvaluateCost(X0, Theta, Cost()), runner.Run(X0, Theta, Cost()).Cost);
    }

    [Fact]
    public void Run_OneStepLinearMap_GradientIsHandComputed()
    {
        // x1 = x0 + Δt σ (y0 − x0) etc.; J = ½ (x1[0] − 0)² so dJ/dσ = x1[0]·Δt (y0 − x0).
        var step = new Lorenz63Step(0.1);
        var cost = new QuadraticCost([new ObservationTerm(new SampleOperator(0, [1]), [0.0], DiagonalCovariance.Uniform(1, 1.0))]);
        var result = new TrajectoryRunner(step, new TrajectoryPlan(StoreAllSchedule.Create(1), 3, 3)).Run([1.0, 3.0, 0.0], [2.0, 0.0, 0.0], cost);
        double x1 = 1.0 + 0.1 * 2.0 * (3.0 - 1.0); // 1.4
        Assert.Equal(0.5 * x1 * x1, result.Cost, 15);
        Assert.Equal(x1 * 0.1 * 2.0, result.ParameterGradient[0], 15);
        Assert.Equal(x1 * (1 - 0.1 * 2.0), result.InitialStateGradient[0], 15);
        Assert.Equal(x1 * 0.1 * 2.0, result.InitialStateGradient[1], 15);
    }

    [Fact]
    public void Run_StoreAllWithTapes_GradientIdenticalBitForBitAndNoTapingEvaluations()
    {
        var reference = new TrajectoryRunner(new Lorenz63Step(), PlanFor("store-all")).Run(X0, Theta, Cost());
        var step = new TapedLorenz63Step();
        var plan = new TrajectoryPlan(StoreAllSchedule.CreateTaped(Steps), 3, 3, tapeLength: step.TapeLength);
        var result = new TrajectoryRunner(step, plan).Run(X0, Theta, Cost());
        Assert.Equal(Bits(reference.ParameterGradient), Bits(result.ParameterGradient));
        Assert.Equal(Bits(reference.InitialStateGradient), Bits(result.InitialStateGradient));
        Assert.Equal(BitConverter.DoubleToInt64Bits(reference.Cost), BitConverter.DoubleToInt64Bits(result.Cost));
        Assert.Equal(plan.Predicted, result.Counts);
        // Steps 0 … L−2 are taped in the forward sweep and reversed from their tapes; step L−1 is
        // evaluated once for x[L] and once more by its (untaped) reverse step.
        Assert.Equal(Steps - 1, step.ForwardTapedCalls);
        Assert.Equal(1, step.ForwardCalls);
        Assert.Equal(Steps - 1, step.AdjointTapedCalls);
        Assert.Equal(1, step.AdjointCalls);
        Assert.Equal(Steps - 1, result.Counts.Actions.TapeReads);
        Assert.Equal(Steps, result.Counts.Actions.ForwardEvaluations);
    }

    [Fact]
    public void Constructor_TapedScheduleWithUntapedStep_Throws() =>
        Assert.Throws<ArgumentException>(() => new TrajectoryRunner(new Lorenz63Step(),
            new TrajectoryPlan(StoreAllSchedule.CreateTaped(Steps), 3, 3, tapeLength: 3)));

    [Fact]
    public void Constructor_TapeLengthDifferentFromStep_Throws() =>
        Assert.Throws<ArgumentException>(() => new TrajectoryRunner(new TapedLorenz63Step(),
            new TrajectoryPlan(StoreAllSchedule.CreateTaped(Steps), 3, 3, tapeLength: 4)));

    [Fact]
    public void Run_SecondRun_ReusesSnapshotAndTapeStores()
    {
        var step = new TapedLorenz63Step();
        var plan = new TrajectoryPlan(StoreAllSchedule.CreateTaped(Steps), 3, 3, tapeLength: step.TapeLength);
        var runner = new TrajectoryRunner(step, plan);
        var cost = Cost();
        var first = runner.Run(X0, Theta, cost);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var second = runner.Run(X0, Theta, cost);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        long stores = plan.PredictedPeakBytes - plan.FixedBytes;
        Assert.True(allocated < stores, $"second run allocated {allocated} bytes; the stores take {stores}");
        Assert.Equal(Bits(first.ParameterGradient), Bits(second.ParameterGradient));
        runner.ReleaseMemory();
        Assert.Equal(Bits(first.ParameterGradient), Bits(runner.Run(X0, Theta, cost).ParameterGradient));
    }

    private static long[] Bits(double[] v) => [.. v.Select(BitConverter.DoubleToInt64Bits)];
}
