using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ClimateAD.Adjoint.Checkpointing;

/// <summary>
/// RAM for the tapes of a schedule's tape slots (<see cref="CheckpointActionKind.Tape"/>): a fixed
/// number of records of <see cref="TapeLength"/> doubles, each starting on a 64-byte boundary, in
/// one pinned array. Records are handed to <see cref="ITapedStep"/> as spans and come back bit
/// for bit.
/// </summary>
/// <remarks>
/// Tapes are written once in the forward sweep and read once, much later, in the reverse sweep,
/// so a step can write them with <see cref="StreamCopy"/> (non-temporal stores that bypass the
/// cache) and the runner can <see cref="Prefetch"/> the record of the next reverse step while the
/// current one runs. Memory: <see cref="Capacity"/> × <see cref="RecordBytes"/> bytes
/// (<see cref="RecordLength"/> rounds the tape up to whole 64-byte lines).
/// </remarks>
public sealed class TapeStore
{
    private const int LineDoubles = 8;
    private readonly double[] _data;
    private readonly int _origin;

    /// <summary>Allocates <paramref name="capacity"/> records of <paramref name="tapeLength"/> doubles.</summary>
    public TapeStore(int capacity, int tapeLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfLessThan(tapeLength, 1);
        Capacity = capacity;
        TapeLength = tapeLength;
        RecordLength = RecordLengthFor(tapeLength);
        _data = capacity == 0 ? [] : GC.AllocateUninitializedArray<double>(checked(capacity * RecordLength + LineDoubles), pinned: true);
        _origin = capacity == 0 ? 0 : OffsetToLine(_data);
    }

    /// <summary>Number of records (tape slots).</summary>
    public int Capacity { get; }

    /// <summary>Doubles of one tape.</summary>
    public int TapeLength { get; }

    /// <summary>Doubles one record occupies: <see cref="TapeLength"/> rounded up to a multiple of 8 (64 bytes).</summary>
    public int RecordLength { get; }

    /// <summary>Bytes one record occupies, <c>8 · RecordLength</c>.</summary>
    public long RecordBytes => 8L * RecordLength;

    /// <summary>Doubles a record of a <paramref name="tapeLength"/>-double tape occupies: rounded up to whole 64-byte lines.</summary>
    public static int RecordLengthFor(int tapeLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tapeLength, 1);
        return checked((tapeLength + LineDoubles - 1) / LineDoubles * LineDoubles);
    }

    /// <summary>The record of <paramref name="slot"/> (length <see cref="TapeLength"/>), for writing or reading.</summary>
    public Span<double> Record(int slot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, Capacity);
        return _data.AsSpan(_origin + slot * RecordLength, TapeLength);
    }

    /// <summary>Hints the processor to bring the record of <paramref name="slot"/> into cache (no effect without SSE).</summary>
    public unsafe void Prefetch(int slot)
    {
        if (!Sse.IsSupported || (uint)slot >= (uint)Capacity) return;
        fixed (double* start = &_data[_origin + slot * RecordLength])
            for (int i = 0; i < TapeLength; i += LineDoubles) Sse.Prefetch1(start + i);
    }

    /// <summary>
    /// Copies <paramref name="source"/> into <paramref name="destination"/> exactly, with non-temporal
    /// (cache-bypassing) stores where the hardware has them: for data written now and read much later,
    /// such as a tape. Falls back to an ordinary copy. Non-temporal stores are weakly ordered: call
    /// <see cref="Fence"/> before the data may be read by another thread.
    /// </summary>
    public static unsafe void StreamCopy(ReadOnlySpan<double> source, Span<double> destination)
    {
        if (destination.Length < source.Length) throw new ArgumentException("Destination is shorter than the source.", nameof(destination));
        if (!Vector256.IsHardwareAccelerated || source.Length < 16)
        {
            source.CopyTo(destination);
            return;
        }
        fixed (double* s = source)
        fixed (double* d = destination)
        {
            int n = source.Length, i = 0;
            while (i < n && ((nuint)(d + i) & 31) != 0) { d[i] = s[i]; i++; }
            for (; i + 4 <= n; i += 4) Vector256.StoreAlignedNonTemporal(Vector256.Load(s + i), d + i);
            for (; i < n; i++) d[i] = s[i];
        }
    }

    /// <summary>Orders all earlier <see cref="StreamCopy"/> stores before any later memory access (an <c>sfence</c>); the runner calls it once before the reverse sweep.</summary>
    public static void Fence()
    {
        if (Sse.IsSupported) Sse.StoreFence();
    }

    private static unsafe int OffsetToLine(double[] data)
    {
        nuint address = (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(data));
        return (int)((64 - (address & 63)) & 63) / sizeof(double);
    }
}
