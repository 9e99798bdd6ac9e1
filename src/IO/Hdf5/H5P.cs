using System.Runtime.InteropServices;

namespace ClimateAD.IO.Hdf5;

/// <summary>HDF5 property-list API (<c>H5P*</c>): file, group and dataset creation properties.</summary>
public static unsafe partial class H5P
{
    /// <summary><c>H5P_DEFAULT</c>.</summary>
    public const long DEFAULT = 0;

    /// <summary><c>H5P_CRT_ORDER_TRACKED</c>: record creation order of links or attributes.</summary>
    public const uint CRT_ORDER_TRACKED = 1;

    /// <summary><c>H5P_CRT_ORDER_INDEXED</c>: index creation order (requires tracked).</summary>
    public const uint CRT_ORDER_INDEXED = 2;

    private static long s_fileCreate, s_groupCreate, s_datasetCreate;

    /// <summary><c>H5P_FILE_CREATE</c> property-list class.</summary>
    public static long FILE_CREATE => Loaded(ref s_fileCreate);

    /// <summary><c>H5P_GROUP_CREATE</c> property-list class.</summary>
    public static long GROUP_CREATE => Loaded(ref s_groupCreate);

    /// <summary><c>H5P_DATASET_CREATE</c> property-list class.</summary>
    public static long DATASET_CREATE => Loaded(ref s_datasetCreate);

    /// <summary>Creates a property list of a class (<c>H5Pcreate</c>).</summary>
    /// <param name="cls">Class id, e.g. <see cref="DATASET_CREATE"/>.</param>
    /// <returns>The property list id; close it with <see cref="close"/>.</returns>
    public static long create(long cls)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Pcreate(cls), "H5Pcreate");
        }
    }

    /// <summary>Releases a property list (<c>H5Pclose</c>).</summary>
    /// <param name="plist">Property list id.</param>
    /// <returns>Non-negative on success.</returns>
    public static int close(long plist)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Pclose(plist), "H5Pclose");
        }
    }

    /// <summary>Sets the chunk shape of a dataset creation list (<c>H5Pset_chunk</c>).</summary>
    /// <param name="plist">Dataset creation property list.</param>
    /// <param name="rank">Number of dimensions.</param>
    /// <param name="dims">Chunk size along each dimension, in elements.</param>
    /// <returns>Non-negative on success.</returns>
    public static int set_chunk(long plist, int rank, ulong[] dims)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            fixed (ulong* d = dims)
            {
                return Hdf5Library.Check(H5Pset_chunk(plist, rank, d), "H5Pset_chunk");
            }
        }
    }

    /// <summary>Adds the deflate (zlib) filter (<c>H5Pset_deflate</c>).</summary>
    /// <param name="plist">Dataset creation property list.</param>
    /// <param name="level">Compression level 0–9.</param>
    /// <returns>Non-negative on success.</returns>
    public static int set_deflate(long plist, uint level)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Pset_deflate(plist, level), "H5Pset_deflate");
        }
    }

    /// <summary>Adds the byte-shuffle filter (<c>H5Pset_shuffle</c>); put it before deflate.</summary>
    /// <param name="plist">Dataset creation property list.</param>
    /// <returns>Non-negative on success.</returns>
    public static int set_shuffle(long plist)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Pset_shuffle(plist), "H5Pset_shuffle");
        }
    }

    /// <summary>Sets the value unwritten elements read as (<c>H5Pset_fill_value</c>).</summary>
    /// <param name="plist">Dataset creation property list.</param>
    /// <param name="type">Memory type of <paramref name="value"/>.</param>
    /// <param name="value">Pointer to one element.</param>
    /// <returns>Non-negative on success.</returns>
    public static int set_fill_value(long plist, long type, void* value)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Pset_fill_value(plist, type, value), "H5Pset_fill_value");
        }
    }

    /// <summary>Tracks/indexes link creation order in a group or file (<c>H5Pset_link_creation_order</c>), as netCDF-4 does.</summary>
    /// <param name="plist">Group or file creation property list.</param>
    /// <param name="flags"><see cref="CRT_ORDER_TRACKED"/> | <see cref="CRT_ORDER_INDEXED"/>.</param>
    /// <returns>Non-negative on success.</returns>
    public static int set_link_creation_order(long plist, uint flags)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Pset_link_creation_order(plist, flags), "H5Pset_link_creation_order");
        }
    }

    /// <summary>Reads the link creation-order flags of a group creation list (<c>H5Pget_link_creation_order</c>).</summary>
    /// <param name="plist">Group or file creation property list.</param>
    /// <param name="flags">The flags.</param>
    /// <returns>Non-negative on success.</returns>
    public static int get_link_creation_order(long plist, out uint flags)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Pget_link_creation_order(plist, out flags), "H5Pget_link_creation_order");
        }
    }

    /// <summary>Tracks/indexes attribute creation order on an object (<c>H5Pset_attr_creation_order</c>).</summary>
    /// <param name="plist">Object creation property list.</param>
    /// <param name="flags"><see cref="CRT_ORDER_TRACKED"/> | <see cref="CRT_ORDER_INDEXED"/>.</param>
    /// <returns>Non-negative on success.</returns>
    public static int set_attr_creation_order(long plist, uint flags)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Pset_attr_creation_order(plist, flags), "H5Pset_attr_creation_order");
        }
    }

    /// <summary>Whether object headers store access/modification times (<c>H5Pset_obj_track_times</c>); off gives reproducible bytes.</summary>
    /// <param name="plist">Object creation property list.</param>
    /// <param name="track">True to store times.</param>
    /// <returns>Non-negative on success.</returns>
    public static int set_obj_track_times(long plist, bool track)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Pset_obj_track_times(plist, track ? 1u : 0u), "H5Pset_obj_track_times");
        }
    }

    /// <summary>Reads the property-list class ids; called once, under the lock, right after <c>H5open</c>.</summary>
    internal static void LoadGlobals()
    {
        s_fileCreate = Hdf5Library.ReadGlobalId("H5P_CLS_FILE_CREATE_ID_g");
        s_groupCreate = Hdf5Library.ReadGlobalId("H5P_CLS_GROUP_CREATE_ID_g");
        s_datasetCreate = Hdf5Library.ReadGlobalId("H5P_CLS_DATASET_CREATE_ID_g");
    }

    private static long Loaded(ref long field)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return field;
        }
    }

    [LibraryImport(Hdf5Library.MainName)]
    private static partial long H5Pcreate(long cls);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Pclose(long plist);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Pset_chunk(long plist, int rank, ulong* dims);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Pset_deflate(long plist, uint level);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Pset_shuffle(long plist);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Pset_fill_value(long plist, long type, void* value);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Pset_link_creation_order(long plist, uint flags);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Pget_link_creation_order(long plist, out uint flags);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Pset_attr_creation_order(long plist, uint flags);

    // hbool_t is C99 bool in HDF5 1.10+; passing a 32-bit 0/1 is correct for bool and for unsigned.
    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Pset_obj_track_times(long plist, uint track);
}
