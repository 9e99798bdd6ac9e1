using System.Runtime.InteropServices;
using System.Text;

namespace ClimateAD.IO.Hdf5;

/// <summary>HDF5 identifier API (<c>H5I*</c>): kind and path of an open object.</summary>
public static unsafe partial class H5I
{
    /// <summary><c>H5I_GROUP</c>.</summary>
    public const int GROUP = 2;

    /// <summary><c>H5I_DATASET</c>.</summary>
    public const int DATASET = 5;

    /// <summary>Kind of an identifier (<c>H5Iget_type</c>), e.g. <see cref="GROUP"/> or <see cref="DATASET"/>.</summary>
    /// <param name="id">Identifier.</param>
    /// <returns>The kind.</returns>
    public static int get_type(long id)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Iget_type(id), "H5Iget_type");
        }
    }

    /// <summary>Absolute path of an open object, e.g. <c>/sensitivity/dJ_dtheta</c> (<c>H5Iget_name</c>).</summary>
    /// <param name="id">Object id.</param>
    /// <returns>The path.</returns>
    public static string get_name(long id)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            var length = H5Iget_name(id, null, 0);
            if (length < 0)
            {
                throw Hdf5Library.Failure("H5Iget_name");
            }
            var buffer = new byte[length + 1];
            fixed (byte* b = buffer)
            {
                if (H5Iget_name(id, b, (nuint)buffer.Length) < 0)
                {
                    throw Hdf5Library.Failure("H5Iget_name");
                }
            }
            return Encoding.UTF8.GetString(buffer, 0, (int)length);
        }
    }

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Iget_type(long id);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial nint H5Iget_name(long id, byte* name, nuint size);
}
