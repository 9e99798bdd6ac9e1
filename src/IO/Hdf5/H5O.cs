using System.Runtime.InteropServices;

namespace ClimateAD.IO.Hdf5;

/// <summary>HDF5 object API (<c>H5O*</c>): open a group or dataset without knowing which it is.</summary>
public static partial class H5O
{
    /// <summary>Opens an object by name (<c>H5Oopen</c>); use <see cref="H5I.get_type"/> to see what it is.</summary>
    /// <param name="loc">File or group id.</param>
    /// <param name="name">Object name or path.</param>
    /// <param name="lapl">Link access property list.</param>
    /// <returns>The object id; close it with <see cref="close"/>.</returns>
    public static long open(long loc, string name, long lapl)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Oopen(loc, name, lapl), "H5Oopen");
        }
    }

    /// <summary>Closes an object opened with <see cref="open"/> (<c>H5Oclose</c>).</summary>
    /// <param name="obj">Object id.</param>
    /// <returns>Non-negative on success.</returns>
    public static int close(long obj)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Oclose(obj), "H5Oclose");
        }
    }

    [LibraryImport(Hdf5Library.MainName, StringMarshalling = StringMarshalling.Utf8)]
    private static partial long H5Oopen(long loc, string name, long lapl);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Oclose(long obj);
}
