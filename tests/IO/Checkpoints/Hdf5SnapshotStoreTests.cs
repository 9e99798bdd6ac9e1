using Xunit;
using ClimateAD.Adjoint.Checkpointing;
using ClimateAD.Adjoint.Costs;
using ClimateAD.Adjoint.Trajectories;
using ClimateAD.IO.Checkpoints;
using ClimateAD.IO.Hdf5;
using ClimateAD.Physics.Lorenz96;

namespace ClimateAD.IO.Tests.Checkpoints;

public class Hdf5SnapshotStoreTests
{
    private static long[] Bits(double[] v) => v.Select(BitConverter.DoubleToInt64Bits).ToArray();

    [Fact]
    public void WriteRead_AnySlotOrder_ReturnsExactBits()
    {
        using var store = new Hdf5SnapshotStore(4, 5);
        double[][] states =
        [
            [1.0, -0.0, double.Epsilon, double.NaN, 1e308],
            [Math.PI, -Math.E, 1.0 / 3.0, double.NegativeInfinity, 2.5e-310],
            [0, 1, 2, 3, 4],
            [-1, -2, -3, -4, -5],
        ];
        foreach (int slot in new[] { 2, 0, 3, 1 }) store.Write(slot, states[slot]);
        store.Write(2, states[2].Select(v => v + 0.5).ToArray());
        var back = new double[5];
        foreach (int slot in new[] { 1, 3, 0 })
        {
            store.Read(slot, back);
            Assert.Equal(Bits(states[slot]), Bits(back));
        }
        store.Read(2, back);
        Assert.Equal([0.5, 1.5, 2.5, 3.5, 4.5], back);
    }

    [Fact]
    public void File_IsSelfDescribingHdf5_AndDisposeDeletesIt()
    {
        string dir, file;
        using (var store = new Hdf5SnapshotStore(3, 7))
        {
            dir = store.Directory;
            file = store.FilePath;
            store.Write(0, new double[7]);
            long id = H5F.open(file, H5F.ACC_RDONLY, H5P.DEFAULT);
            try
            {
                Assert.Equal("adjoint-snapshots", Hdf5Attribute.Read(id, "climatead_kind"));
                Assert.Equal(7, Convert.ToInt32(Hdf5Attribute.Read(id, "state_length")));
            }
            finally
            {
                H5F.close(id);
            }
        }
        Assert.False(File.Exists(file));
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Read_SlotNeverWritten_Throws()
    {
        using var store = new Hdf5SnapshotStore(2, 3);
        Assert.Throws<IOException>(() => store.Read(1, new double[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Write(2, new double[3]));
        Assert.Throws<ArgumentException>(() => store.Write(0, new double[4]));
    }

    [Fact]
    public void MultiLevelRun_WithHdf5DiskSnapshots_GivesStoreAllGradientBitForBit()
    {
        const int steps = 300;
        var model = new TwoScaleLorenz96(8, 4);
        var step = new Rk4Step<TwoScaleLorenz96>(model, 0.005);
        double[] theta = Lorenz96ParameterTable.Lorenz1996Values();
        var x0 = Lorenz96InitialState.SpunUp(step,
            Lorenz96InitialState.Perturbed(step.StateLength, model.SlowCount, theta[0]), theta, 200);
        int n = step.StateLength, p = step.ParameterLength;
        var window = new TimeWindow(0, steps);
        var cost = new QuadraticCost(
            Enumerable.Range(0, model.SlowCount).Select(k => new ObservationTerm(
                TimeMeanOperator.OfComponent(k, n, [window]), [2.5], DiagonalCovariance.Uniform(1, 1.0))),
            new BackgroundTerm(theta, DiagonalCovariance.Uniform(p, 1.0)));

        var reference = new TrajectoryRunner(step, new TrajectoryPlan(StoreAllSchedule.Create(steps), n, p))
            .Run(x0, theta, cost);
        var plan = new TrajectoryPlan(MultiLevelSchedule.Create(steps, 3, 4), n, p);
        int storesCreated = 0;
        var result = new TrajectoryRunner(step, plan, (capacity, length) =>
        {
            storesCreated++;
            return new Hdf5SnapshotStore(capacity, length);
        }).Run(x0, theta, cost);

        Assert.Equal(1, storesCreated);
        Assert.True(result.Counts.Actions.DiskWrites > 0 && result.Counts.Actions.DiskReads > 0);
        Assert.Equal(plan.Predicted.Actions.AdvanceSteps, result.Counts.Actions.AdvanceSteps);
        Assert.Equal(reference.Cost, result.Cost);
        Assert.Equal(Bits(reference.ParameterGradient), Bits(result.ParameterGradient));
        Assert.Equal(Bits(reference.InitialStateGradient), Bits(result.InitialStateGradient));
    }
}
