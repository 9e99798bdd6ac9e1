using ClimateAD.Adjoint.Checkpointing;
using ClimateAD.IO.Hdf5;

namespace ClimateAD.IO.Checkpoints;

/// <summary>
/// Disk snapshots for multi-level checkpointing (DESIGN.md §3) in one HDF5 file: a contiguous
/// dataset <c>snapshots[slot, state]</c> of IEEE doubles, slot <c>k</c> written and read as one
/// hyperslab row. Reads return exactly the bits written, so gradients equal those of RAM
/// snapshots. The file lives in a fresh temporary folder that <see cref="Dispose"/> deletes;
/// <c>h5dump</c> can inspect it while a run is going.
/// </summary>
/// <remarks>
/// The attributes <c>climatead_kind = "adjoint-snapshots"</c>, <c>state_length</c> and
/// <c>capacity</c> identify the file. Use it through
/// <see cref="ClimateAD.Adjoint.Trajectories.TrajectoryRunner"/>'s disk-store factory, e.g.
/// <c>new TrajectoryRunner(step, plan, (n, len) =&gt; new Hdf5SnapshotStore(n, len))</c>.
/// </remarks>
public sealed unsafe class Hdf5SnapshotStore : ISnapshotStore
{
    private readonly long _file;
    private readonly long _dataset;
    private readonly long _fileSpace;
    private readonly long _memSpace;
    private readonly bool[] _written;
    private bool _disposed;

    /// <summary>Creates the folder, the file and its dataset for <paramref name="capacity"/> slots of <paramref name="stateLength"/> doubles.</summary>
    /// <param name="capacity">Number of slots (≥ 1).</param>
    /// <param name="stateLength">Doubles per slot (≥ 1).</param>
    /// <param name="parentDirectory">Folder in which to create the temporary folder; the system temp folder when <c>null</c>.</param>
    public Hdf5SnapshotStore(int capacity, int stateLength, string? parentDirectory = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stateLength, 1);
        Capacity = capacity;
        StateLength = stateLength;
        _written = new bool[capacity];
        Directory = Path.Combine(parentDirectory ?? Path.GetTempPath(), "climatead-snapshots-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        FilePath = Path.Combine(Directory, "snapshots.h5");
        try
        {
            _file = H5F.create(FilePath, H5F.ACC_EXCL, H5P.DEFAULT, H5P.DEFAULT);
            ulong[] dims = [(ulong)capacity, (ulong)stateLength];
            long space = H5S.create_simple(2, dims, null);
            try
            {
                _dataset = H5D.create(_file, "snapshots", H5T.IEEE_F64LE, space, H5P.DEFAULT, H5P.DEFAULT, H5P.DEFAULT);
            }
            finally
            {
                H5S.close(space);
            }
            _fileSpace = H5D.get_space(_dataset);
            _memSpace = H5S.create_simple(1, [(ulong)stateLength], null);
            Hdf5Attribute.Write(_file, "climatead_kind", "adjoint-snapshots");
            Hdf5Attribute.Write(_file, "state_length", stateLength);
            Hdf5Attribute.Write(_file, "capacity", capacity);
        }
        catch
        {
            Dispose();
            throw;
        }
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
        SelectSlot(slot, state.Length);
        fixed (double* p = state)
        {
            H5D.write(_dataset, H5T.NATIVE_DOUBLE, _memSpace, _fileSpace, H5P.DEFAULT, p);
        }
        _written[slot] = true;
    }

    /// <inheritdoc/>
    public void Read(int slot, Span<double> state)
    {
        SelectSlot(slot, state.Length);
        if (!_written[slot]) throw new IOException($"Snapshot slot {slot} of {FilePath} was never written.");
        fixed (double* p = state)
        {
            H5D.read(_dataset, H5T.NATIVE_DOUBLE, _memSpace, _fileSpace, H5P.DEFAULT, p);
        }
    }

    /// <summary>Closes the file and deletes it with its temporary folder.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_memSpace > 0) H5S.close(_memSpace);
        if (_fileSpace > 0) H5S.close(_fileSpace);
        if (_dataset > 0) H5D.close(_dataset);
        if (_file > 0) H5F.close(_file);
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }

    private void SelectSlot(int slot, int length)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, Capacity);
        if (length != StateLength) throw new ArgumentException($"State length {length}, store holds {StateLength}.");
        H5S.select_hyperslab(_fileSpace, H5S.SELECT_SET, [(ulong)slot, 0], null, [1, (ulong)StateLength], null);
    }
}
