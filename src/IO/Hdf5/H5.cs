using System.Runtime.InteropServices;

namespace ClimateAD.IO.Hdf5;

/// <summary>General HDF5 API (<c>H5*</c>) and the index/iteration enumerations shared by several groups.</summary>
public static partial class H5
{
    /// <summary><c>H5_INDEX_NAME</c>: iterate in name order.</summary>
    public const int INDEX_NAME = 0;

    /// <summary><c>H5_INDEX_CRT_ORDER</c>: iterate in creation order (needs creation-order tracking).</summary>
    public const int INDEX_CRT_ORDER = 1;

    /// <summary><c>H5_ITER_INC</c>: increasing order.</summary>
    public const int ITER_INC = 0;

    /// <summary>Initialises the library (<c>H5open</c>); done automatically on first use.</summary>
    /// <returns>Non-negative on success.</returns>
    public static int open()
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return 0;
        }
    }

    /// <summary>Frees memory the library allocated for the caller, e.g. variable-length strings (<c>H5free_memory</c>).</summary>
    /// <param name="buffer">Pointer returned by the library.</param>
    /// <returns>Non-negative on success.</returns>
    public static int free_memory(nint buffer)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5free_memory(buffer), "H5free_memory");
        }
    }

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5free_memory(nint buffer);
}
