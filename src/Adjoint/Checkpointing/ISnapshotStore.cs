namespace ClimateAD.Adjoint.Checkpointing;

/// <summary>
/// A fixed number of slots, each holding one state vector bit for bit. One store serves one
/// <see cref="SnapshotLevel"/> of a schedule: <see cref="InMemorySnapshotStore"/> for RAM,
/// <see cref="RawFileSnapshotStore"/> (or an HDF5 store in IO) for disk.
/// </summary>
public interface ISnapshotStore : IDisposable
{
    /// <summary>Number of slots.</summary>
    int Capacity { get; }

    /// <summary>Length of each stored state vector.</summary>
    int StateLength { get; }

    /// <summary>Copies <paramref name="state"/> (length <see cref="StateLength"/>) into <paramref name="slot"/>, replacing what was there.</summary>
    void Write(int slot, ReadOnlySpan<double> state);

    /// <summary>Copies the vector last written to <paramref name="slot"/> into <paramref name="state"/>, exactly.</summary>
    void Read(int slot, Span<double> state);
}
