using System.Runtime.InteropServices;

namespace ClimateAD.IO.Hdf5;

/// <summary>HDF5 dataset API (<c>H5D*</c>): create, extend, write and read n-dimensional arrays.</summary>
public static unsafe partial class H5D
{
    /// <summary>Creates a dataset (<c>H5Dcreate2</c>).</summary>
    /// <param name="loc">File or group id.</param>
    /// <param name="name">Dataset name.</param>
    /// <param name="type">File datatype, e.g. <see cref="H5T.IEEE_F64LE"/>.</param>
    /// <param name="space">Dataspace (shape and maximum shape).</param>
    /// <param name="lcpl">Link creation property list.</param>
    /// <param name="dcpl">Dataset creation property list (chunks, filters, fill value).</param>
    /// <param name="dapl">Dataset access property list.</param>
    /// <returns>The dataset id; close it with <see cref="close"/>.</returns>
    public static long create(long loc, string name, long type, long space, long lcpl, long dcpl, long dapl)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Dcreate2(loc, name, type, space, lcpl, dcpl, dapl), "H5Dcreate2");
        }
    }

    /// <summary>Opens a dataset (<c>H5Dopen2</c>).</summary>
    /// <param name="loc">File or group id.</param>
    /// <param name="name">Dataset name or path.</param>
    /// <param name="dapl">Dataset access property list.</param>
    /// <returns>The dataset id.</returns>
    public static long open(long loc, string name, long dapl)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Dopen2(loc, name, dapl), "H5Dopen2");
        }
    }

    /// <summary>Closes a dataset (<c>H5Dclose</c>).</summary>
    /// <param name="dataset">Dataset id.</param>
    /// <returns>Non-negative on success.</returns>
    public static int close(long dataset)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Dclose(dataset), "H5Dclose");
        }
    }

    /// <summary>Copy of the dataset's dataspace (<c>H5Dget_space</c>).</summary>
    /// <param name="dataset">Dataset id.</param>
    /// <returns>A dataspace id; close it with <see cref="H5S.close"/>.</returns>
    public static long get_space(long dataset)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Dget_space(dataset), "H5Dget_space");
        }
    }

    /// <summary>Copy of the dataset's file datatype (<c>H5Dget_type</c>).</summary>
    /// <param name="dataset">Dataset id.</param>
    /// <returns>A type id; close it with <see cref="H5T.close"/>.</returns>
    public static long get_type(long dataset)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Dget_type(dataset), "H5Dget_type");
        }
    }

    /// <summary>Changes the current shape of a chunked dataset within its maximum shape (<c>H5Dset_extent</c>).</summary>
    /// <param name="dataset">Dataset id.</param>
    /// <param name="size">New sizes, one per dimension.</param>
    /// <returns>Non-negative on success.</returns>
    public static int set_extent(long dataset, ulong[] size)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            fixed (ulong* s = size)
            {
                return Hdf5Library.Check(H5Dset_extent(dataset, s), "H5Dset_extent");
            }
        }
    }

    /// <summary>Writes a selection of a dataset from memory (<c>H5Dwrite</c>).</summary>
    /// <param name="dataset">Dataset id.</param>
    /// <param name="memType">Memory datatype of <paramref name="buffer"/>.</param>
    /// <param name="memSpace">Memory dataspace, or <see cref="H5S.ALL"/>.</param>
    /// <param name="fileSpace">File selection, or <see cref="H5S.ALL"/>.</param>
    /// <param name="xfer">Transfer property list.</param>
    /// <param name="buffer">Data.</param>
    /// <returns>Non-negative on success.</returns>
    public static int write(long dataset, long memType, long memSpace, long fileSpace, long xfer, void* buffer)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Dwrite(dataset, memType, memSpace, fileSpace, xfer, buffer), "H5Dwrite");
        }
    }

    /// <summary>Reads a selection of a dataset into memory, converting to <paramref name="memType"/> (<c>H5Dread</c>).</summary>
    /// <param name="dataset">Dataset id.</param>
    /// <param name="memType">Memory datatype of <paramref name="buffer"/>.</param>
    /// <param name="memSpace">Memory dataspace, or <see cref="H5S.ALL"/>.</param>
    /// <param name="fileSpace">File selection, or <see cref="H5S.ALL"/>.</param>
    /// <param name="xfer">Transfer property list.</param>
    /// <param name="buffer">Destination.</param>
    /// <returns>Non-negative on success.</returns>
    public static int read(long dataset, long memType, long memSpace, long fileSpace, long xfer, void* buffer)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Dread(dataset, memType, memSpace, fileSpace, xfer, buffer), "H5Dread");
        }
    }

    /// <summary>
    /// Writes one whole chunk as stored bytes, bypassing the chunk cache and the filter pipeline
    /// (<c>H5Dwrite_chunk</c>, HDF5 1.10.3+).
    /// </summary>
    /// <remarks>
    /// Bit <c>i</c> of <paramref name="filterMask"/> set records that filter <c>i</c> of the dataset's
    /// pipeline was NOT applied to <paramref name="buffer"/>, so readers skip it; with every bit of
    /// the pipeline set the chunk is stored raw. HDF5 keeps a rewritten chunk at its address when the
    /// new <paramref name="size"/> equals the stored one, and otherwise frees the old space and
    /// allocates new space.
    /// </remarks>
    /// <param name="dataset">Chunked dataset id.</param>
    /// <param name="xfer">Transfer property list.</param>
    /// <param name="filterMask">Filters skipped (bit i = filter i).</param>
    /// <param name="offset">Logical position of the chunk's first element, one entry per dimension (a multiple of the chunk shape).</param>
    /// <param name="size">Bytes in <paramref name="buffer"/>.</param>
    /// <param name="buffer">The chunk's stored bytes.</param>
    /// <returns>Non-negative on success.</returns>
    public static int write_chunk(long dataset, long xfer, uint filterMask, ulong[] offset, nuint size, void* buffer)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            fixed (ulong* o = offset)
            {
                return Hdf5Library.Check(H5Dwrite_chunk(dataset, xfer, filterMask, o, size, buffer), "H5Dwrite_chunk");
            }
        }
    }

    [LibraryImport(Hdf5Library.MainName, StringMarshalling = StringMarshalling.Utf8)]
    private static partial long H5Dcreate2(long loc, string name, long type, long space, long lcpl, long dcpl, long dapl);

    [LibraryImport(Hdf5Library.MainName, StringMarshalling = StringMarshalling.Utf8)]
    private static partial long H5Dopen2(long loc, string name, long dapl);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Dclose(long dataset);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial long H5Dget_space(long dataset);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial long H5Dget_type(long dataset);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Dset_extent(long dataset, ulong* size);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Dwrite(long dataset, long memType, long memSpace, long fileSpace, long xfer, void* buffer);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Dread(long dataset, long memType, long memSpace, long fileSpace, long xfer, void* buffer);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Dwrite_chunk(long dataset, long xfer, uint filterMask, ulong* offset, nuint size, void* buffer);
}
