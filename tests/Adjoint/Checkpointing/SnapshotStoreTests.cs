using ClimateAD.Adjoint.Checkpointing;

namespace ClimateAD.Adjoint.Tests.Checkpointing;

public class SnapshotStoreTests
{
    public static TheoryData<string> Kinds => ["ram", "file"];

    private static ISnapshotStore Make(string kind, int capacity, int length) =>
        kind == "ram" ? new InMemorySnapshotStore(capacity, length) : new RawFileSnapshotStore(capacity, length);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void WriteThenRead_AnySlotOrder_ReturnsExactBits(string kind)
    {
        using var store = Make(kind, 3, 4);
        double[][] states = [[1.0 / 3, -0.0, double.Epsilon, 1e300], [Math.PI, 2, 3, 4], [-1, -2, -3, double.MaxValue]];
        for (int slot = 2; slot >= 0; slot--) store.Write(slot, states[slot]);
        store.Write(1, states[0]);
        var read = new double[4];
        foreach (var (slot, expected) in new[] { (0, states[0]), (1, states[0]), (2, states[2]) })
        {
            store.Read(slot, read);
            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), read.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void RawFile_Dispose_DeletesItsFolder()
    {
        var store = new RawFileSnapshotStore(2, 5);
        store.Write(1, new double[5]);
        Assert.True(File.Exists(store.FilePath));
        store.Dispose();
        Assert.False(Directory.Exists(store.Directory));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Write_SlotOutOfRange_Throws(string kind)
    {
        using var store = Make(kind, 2, 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Write(2, new double[3]));
    }
}
