using System.Runtime.InteropServices;

namespace ClimateAD.IO.Hdf5;

/// <summary>HDF5 dataspace API (<c>H5S*</c>): shapes, maximum shapes and hyperslab selections.</summary>
public static unsafe partial class H5S
{
    /// <summary><c>H5S_ALL</c>: the whole dataspace.</summary>
    public const long ALL = 0;

    /// <summary><c>H5S_UNLIMITED</c>: maximum size of an extendible dimension.</summary>
    public const ulong UNLIMITED = ulong.MaxValue;

    /// <summary><c>H5S_SELECT_SET</c>: replace the current selection.</summary>
    public const int SELECT_SET = 0;

    /// <summary><c>H5S_SCALAR</c> dataspace class.</summary>
    public const int SCALAR = 0;

    /// <summary><c>H5S_SIMPLE</c> dataspace class.</summary>
    public const int SIMPLE = 1;

    /// <summary><c>H5S_NULL</c> dataspace class (no elements).</summary>
    public const int NULL = 2;

    /// <summary>Creates a dataspace of a class (<c>H5Screate</c>).</summary>
    /// <param name="type"><see cref="SCALAR"/>, <see cref="SIMPLE"/> or <see cref="NULL"/>.</param>
    /// <returns>The dataspace id; close it with <see cref="close"/>.</returns>
    public static long create(int type)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Screate(type), "H5Screate");
        }
    }

    /// <summary>Creates a simple dataspace (<c>H5Screate_simple</c>).</summary>
    /// <param name="rank">Number of dimensions.</param>
    /// <param name="dims">Current sizes.</param>
    /// <param name="maxdims">Maximum sizes (<see cref="UNLIMITED"/> for extendible), or null for fixed.</param>
    /// <returns>The dataspace id.</returns>
    public static long create_simple(int rank, ulong[] dims, ulong[]? maxdims)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            fixed (ulong* d = dims)
            fixed (ulong* m = maxdims)
            {
                return Hdf5Library.Check(H5Screate_simple(rank, d, m), "H5Screate_simple");
            }
        }
    }

    /// <summary>Releases a dataspace (<c>H5Sclose</c>).</summary>
    /// <param name="space">Dataspace id.</param>
    /// <returns>Non-negative on success.</returns>
    public static int close(long space)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Sclose(space), "H5Sclose");
        }
    }

    /// <summary>Selects a hyperslab (<c>H5Sselect_hyperslab</c>).</summary>
    /// <param name="space">Dataspace id.</param>
    /// <param name="op">Selection operator, e.g. <see cref="SELECT_SET"/>.</param>
    /// <param name="start">Offset of the block.</param>
    /// <param name="stride">Stride, or null for 1.</param>
    /// <param name="count">Number of blocks (or elements when <paramref name="block"/> is null).</param>
    /// <param name="block">Block size, or null for 1.</param>
    /// <returns>Non-negative on success.</returns>
    public static int select_hyperslab(long space, int op, ulong[] start, ulong[]? stride, ulong[] count, ulong[]? block)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            fixed (ulong* s = start)
            fixed (ulong* st = stride)
            fixed (ulong* c = count)
            fixed (ulong* b = block)
            {
                return Hdf5Library.Check(H5Sselect_hyperslab(space, op, s, st, c, b), "H5Sselect_hyperslab");
            }
        }
    }

    /// <summary>Rank of a simple dataspace (<c>H5Sget_simple_extent_ndims</c>); 0 for scalar.</summary>
    /// <param name="space">Dataspace id.</param>
    /// <returns>The rank.</returns>
    public static int get_simple_extent_ndims(long space)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Sget_simple_extent_ndims(space), "H5Sget_simple_extent_ndims");
        }
    }

    /// <summary>Current and maximum sizes (<c>H5Sget_simple_extent_dims</c>).</summary>
    /// <param name="space">Dataspace id.</param>
    /// <param name="dims">Receives current sizes (length = rank).</param>
    /// <param name="maxdims">Receives maximum sizes, or null.</param>
    /// <returns>The rank.</returns>
    public static int get_simple_extent_dims(long space, ulong[] dims, ulong[]? maxdims)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            fixed (ulong* d = dims)
            fixed (ulong* m = maxdims)
            {
                return Hdf5Library.Check(H5Sget_simple_extent_dims(space, d, m), "H5Sget_simple_extent_dims");
            }
        }
    }

    /// <summary>Number of elements in a dataspace (<c>H5Sget_simple_extent_npoints</c>).</summary>
    /// <param name="space">Dataspace id.</param>
    /// <returns>The element count.</returns>
    public static long get_simple_extent_npoints(long space)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Sget_simple_extent_npoints(space), "H5Sget_simple_extent_npoints");
        }
    }

    [LibraryImport(Hdf5Library.MainName)]
    private static partial long H5Screate(int type);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial long H5Screate_simple(int rank, ulong* dims, ulong* maxdims);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Sclose(long space);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Sselect_hyperslab(long space, int op, ulong* start, ulong* stride, ulong* count, ulong* block);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Sget_simple_extent_ndims(long space);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Sget_simple_extent_dims(long space, ulong* dims, ulong* maxdims);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial long H5Sget_simple_extent_npoints(long space);
}
