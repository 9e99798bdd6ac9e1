using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ClimateAD.Adjoint.Checkpointing;

namespace ClimateAD.Adjoint.Tests.Checkpointing;

public class TapeStoreTests
{
    [Fact]
    public unsafe void Record_AnySlot_StartsOnA64ByteLineAndHasTheTapeLength()
    {
        var store = new TapeStore(5, 13);
        Assert.Equal(16, store.RecordLength);
        for (int slot = 0; slot < 5; slot++)
        {
            var record = store.Record(slot);
            Assert.Equal(13, record.Length);
            nuint address = (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(record));
            Assert.Equal(0u, address % 64);
        }
    }

    [Theory]
    [InlineData(3, 0)]
    [InlineData(17, 1)]
    [InlineData(396, 3)]
    public void StreamCopy_AnyLengthAndOffset_CopiesBitForBitAndNothingElse(int length, int offset)
    {
        var rng = new Random(length);
        double[] source = [.. Enumerable.Range(0, length).Select(_ => BitConverter.Int64BitsToDouble(rng.NextInt64()))];
        var destination = new double[length + offset + 2];
        Array.Fill(destination, -7.0);
        TapeStore.StreamCopy(source, destination.AsSpan(offset, length));
        TapeStore.Fence();
        Assert.Equal(source.Select(BitConverter.DoubleToInt64Bits), destination.Skip(offset).Take(length).Select(BitConverter.DoubleToInt64Bits));
        Assert.All(destination.Take(offset).Concat(destination.Skip(offset + length)), v => Assert.Equal(-7.0, v));
    }

    [Fact]
    public void Record_SlotOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TapeStore(2, 4).Record(2));
}
