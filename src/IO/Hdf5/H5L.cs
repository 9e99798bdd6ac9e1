using System.Runtime.InteropServices;
using System.Text;

namespace ClimateAD.IO.Hdf5;

/// <summary>HDF5 link API (<c>H5L*</c>): names of the members of a group.</summary>
public static unsafe partial class H5L
{
    /// <summary>Whether a link exists in a group (<c>H5Lexists</c>).</summary>
    /// <param name="loc">File or group id.</param>
    /// <param name="name">Link name (one path component).</param>
    /// <param name="lapl">Link access property list.</param>
    /// <returns>True when the link exists.</returns>
    public static bool exists(long loc, string name, long lapl)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Lexists(loc, name, lapl), "H5Lexists") > 0;
        }
    }

    /// <summary>Name of the <paramref name="n"/>-th link of a group (<c>H5Lget_name_by_idx</c>).</summary>
    /// <param name="loc">File or group id.</param>
    /// <param name="groupName">Group path relative to <paramref name="loc"/>, "." for itself.</param>
    /// <param name="indexType"><see cref="H5.INDEX_NAME"/> or <see cref="H5.INDEX_CRT_ORDER"/>.</param>
    /// <param name="order"><see cref="H5.ITER_INC"/> for increasing order.</param>
    /// <param name="n">Position in that index.</param>
    /// <param name="lapl">Link access property list.</param>
    /// <returns>The link name.</returns>
    public static string get_name_by_idx(long loc, string groupName, int indexType, int order, ulong n, long lapl)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            var length = H5Lget_name_by_idx(loc, groupName, indexType, order, n, null, 0, lapl);
            if (length < 0)
            {
                throw Hdf5Library.Failure("H5Lget_name_by_idx");
            }
            var buffer = new byte[length + 1];
            fixed (byte* b = buffer)
            {
                if (H5Lget_name_by_idx(loc, groupName, indexType, order, n, b, (nuint)buffer.Length, lapl) < 0)
                {
                    throw Hdf5Library.Failure("H5Lget_name_by_idx");
                }
            }
            return Encoding.UTF8.GetString(buffer, 0, (int)length);
        }
    }

    [LibraryImport(Hdf5Library.MainName, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int H5Lexists(long loc, string name, long lapl);

    [LibraryImport(Hdf5Library.MainName, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint H5Lget_name_by_idx(long loc, string groupName, int indexType, int order, ulong n,
        byte* name, nuint size, long lapl);
}
