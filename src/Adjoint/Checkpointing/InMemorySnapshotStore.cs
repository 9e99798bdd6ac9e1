using System.Runtime.Intrinsics.X86;

namespace ClimateAD.Adjoint.Checkpointing;

/// <summary>Snapshots in one contiguous managed array of <c>Capacity × StateLength</c> doubles.</summary>
public sealed class InMemorySnapshotStore : ISnapshotStore
{
    private readonly double[] _data;

    /// <summary>Allocates <paramref name="capacity"/> slots of <paramref name="stateLength"/> doubles.</summary>
    public InMemorySnapshotStore(int capacity, int stateLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfNegative(stateLength);
        Capacity = capacity;
        StateLength = stateLength;
        _data = new double[checked(capacity * stateLength)];
    }

    /// <inheritdoc/>
    public int Capacity { get; }

    /// <inheritdoc/>
    public int StateLength { get; }

    /// <inheritdoc/>
    public void Write(int slot, ReadOnlySpan<double> state)
    {
        CheckSlot(slot, state.Length);
        state.CopyTo(_data.AsSpan(slot * StateLength, StateLength));
    }

    /// <inheritdoc/>
    public void Read(int slot, Span<double> state)
    {
        CheckSlot(slot, state.Length);
        _data.AsSpan(slot * StateLength, StateLength).CopyTo(state);
    }

    /// <summary>Hints the processor to bring <paramref name="slot"/> into cache before a <see cref="Read"/> (no effect without SSE or for an invalid slot).</summary>
    public unsafe void Prefetch(int slot)
    {
        if (!Sse.IsSupported || (uint)slot >= (uint)Capacity || StateLength == 0) return;
        fixed (double* start = &_data[slot * StateLength])
            for (int i = 0; i < StateLength; i += 8) Sse.Prefetch1(start + i);
    }

    /// <summary>Nothing to release; present for <see cref="ISnapshotStore"/>.</summary>
    public void Dispose() { }

    private void CheckSlot(int slot, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, Capacity);
        if (length != StateLength) throw new ArgumentException($"State length {length}, store holds {StateLength}.");
    }
}
