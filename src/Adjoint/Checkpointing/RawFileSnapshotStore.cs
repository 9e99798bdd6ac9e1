using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ClimateAD.Adjoint.Checkpointing;

/// <summary>
/// Snapshots in one raw binary file (native-endian doubles, slot <c>k</c> at byte offset
/// <c>8·k·StateLength</c>) inside a fresh temporary folder that <see cref="Dispose"/> deletes.
/// Reads return exactly the bits written, so gradients are the same as with RAM snapshots.
/// </summary>
public sealed class RawFileSnapshotStore : ISnapshotStore
{
    private readonly SafeFileHandle _handle;
    private bool _disposed;

    /// <summary>Creates the folder and file for <paramref name="capacity"/> slots of <paramref name="stateLength"/> doubles.</summary>
    /// <param name="capacity">Number of slots.</param>
    /// <param name="stateLength">Doubles per slot.</param>
    /// <param name="parentDirectory">Folder in which to create the temporary folder; the system temp folder when <c>null</c>.</param>
    public RawFileSnapshotStore(int capacity, int stateLength, string? parentDirectory = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfNegative(stateLength);
        Capacity = capacity;
        StateLength = stateLength;
        Directory = Path.Combine(parentDirectory ?? Path.GetTempPath(), "climatead-snapshots-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        FilePath = Path.Combine(Directory, "snapshots.bin");
        _handle = File.OpenHandle(FilePath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.None,
            preallocationSize: 8L * capacity * stateLength);
    }

    /// <inheritdoc/>
    public int Capacity { get; }

    /// <inheritdoc/>
    public int StateLength { get; }

    /// <summary>The temporary folder holding the file.</summary>
    public string Directory { get; }

    /// <summary>The snapshot file.</summary>
    public string FilePath { get; }

    /// <inheritdoc/>
    public void Write(int slot, ReadOnlySpan<double> state)
    {
        CheckSlot(slot, state.Length);
        RandomAccess.Write(_handle, MemoryMarshal.AsBytes(state), Offset(slot));
    }

    /// <inheritdoc/>
    public void Read(int slot, Span<double> state)
    {
        CheckSlot(slot, state.Length);
        var bytes = MemoryMarshal.AsBytes(state);
        long offset = Offset(slot);
        int done = 0;
        while (done < bytes.Length)
        {
            int n = RandomAccess.Read(_handle, bytes[done..], offset + done);
            if (n == 0) throw new IOException($"Snapshot slot {slot} of {FilePath} was never written.");
            done += n;
        }
    }

    /// <summary>Closes and deletes the file and its temporary folder.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _handle.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private long Offset(int slot) => 8L * slot * StateLength;

    private void CheckSlot(int slot, int length)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, Capacity);
        if (length != StateLength) throw new ArgumentException($"State length {length}, store holds {StateLength}.");
    }
}
