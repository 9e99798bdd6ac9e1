using System.Runtime.InteropServices;

namespace ClimateAD.IO.Hdf5;

/// <summary>HDF5 group API (<c>H5G*</c>).</summary>
public static partial class H5G
{
    /// <summary>Layout of <c>H5G_info_t</c> (stable from HDF5 1.8 to 1.14), padded at the end.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct info_t
    {
        /// <summary>Storage type of the group's links.</summary>
        public int storage_type;

        /// <summary>Number of links in the group.</summary>
        public ulong nlinks;

        /// <summary>Current maximum creation-order value.</summary>
        public long max_corder;

        /// <summary>Whether a file is mounted on the group (plus padding).</summary>
        public long mounted;
    }

    /// <summary>Creates a group (<c>H5Gcreate2</c>).</summary>
    /// <param name="loc">File or group the name is relative to.</param>
    /// <param name="name">Group name.</param>
    /// <param name="lcpl">Link creation property list.</param>
    /// <param name="gcpl">Group creation property list.</param>
    /// <param name="gapl">Group access property list.</param>
    /// <returns>The group id; close it with <see cref="close"/>.</returns>
    public static long create(long loc, string name, long lcpl, long gcpl, long gapl)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Gcreate2(loc, name, lcpl, gcpl, gapl), "H5Gcreate2");
        }
    }

    /// <summary>Opens a group (<c>H5Gopen2</c>).</summary>
    /// <param name="loc">File or group the name is relative to.</param>
    /// <param name="name">Group name or path; "/" is the root group.</param>
    /// <param name="gapl">Group access property list.</param>
    /// <returns>The group id.</returns>
    public static long open(long loc, string name, long gapl)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Gopen2(loc, name, gapl), "H5Gopen2");
        }
    }

    /// <summary>Closes a group (<c>H5Gclose</c>).</summary>
    /// <param name="group">Group id.</param>
    /// <returns>Non-negative on success.</returns>
    public static int close(long group)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Gclose(group), "H5Gclose");
        }
    }

    /// <summary>Information about a group, notably its link count (<c>H5Gget_info</c>).</summary>
    /// <param name="group">Group id.</param>
    /// <param name="info">Receives the information.</param>
    /// <returns>Non-negative on success.</returns>
    public static int get_info(long group, out info_t info)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Gget_info(group, out info), "H5Gget_info");
        }
    }

    /// <summary>Copy of a group's creation property list (<c>H5Gget_create_plist</c>).</summary>
    /// <param name="group">Group id.</param>
    /// <returns>A property list id; close it with <see cref="H5P.close"/>.</returns>
    public static long get_create_plist(long group)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Gget_create_plist(group), "H5Gget_create_plist");
        }
    }

    [LibraryImport(Hdf5Library.MainName, StringMarshalling = StringMarshalling.Utf8)]
    private static partial long H5Gcreate2(long loc, string name, long lcpl, long gcpl, long gapl);

    [LibraryImport(Hdf5Library.MainName, StringMarshalling = StringMarshalling.Utf8)]
    private static partial long H5Gopen2(long loc, string name, long gapl);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Gclose(long group);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Gget_info(long group, out info_t info);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial long H5Gget_create_plist(long group);
}
