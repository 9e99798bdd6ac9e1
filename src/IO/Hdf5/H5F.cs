using System.Runtime.InteropServices;

namespace ClimateAD.IO.Hdf5;

/// <summary>HDF5 file API (<c>H5F*</c>). Failures name the file.</summary>
public static partial class H5F
{
    /// <summary><c>H5F_ACC_RDONLY</c>.</summary>
    public const uint ACC_RDONLY = 0;

    /// <summary><c>H5F_ACC_RDWR</c>.</summary>
    public const uint ACC_RDWR = 1;

    /// <summary><c>H5F_ACC_TRUNC</c>: overwrite an existing file.</summary>
    public const uint ACC_TRUNC = 2;

    /// <summary><c>H5F_ACC_EXCL</c>: fail if the file exists.</summary>
    public const uint ACC_EXCL = 4;

    /// <summary><c>H5F_SCOPE_LOCAL</c>: flush this file only.</summary>
    public const int SCOPE_LOCAL = 0;

    /// <summary><c>H5F_SCOPE_GLOBAL</c>: flush this file and mounted files.</summary>
    public const int SCOPE_GLOBAL = 1;

    /// <summary>Creates a file (<c>H5Fcreate</c>).</summary>
    /// <param name="filename">Path of the file.</param>
    /// <param name="flags"><see cref="ACC_TRUNC"/> or <see cref="ACC_EXCL"/>.</param>
    /// <param name="fcpl">File creation property list.</param>
    /// <param name="fapl">File access property list.</param>
    /// <returns>The file id; close it with <see cref="close"/>.</returns>
    public static long create(string filename, uint flags, long fcpl, long fapl)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            var id = H5Fcreate(filename, flags, fcpl, fapl);
            return id >= 0 ? id : throw Hdf5Library.Failure("H5Fcreate").ForFile(filename);
        }
    }

    /// <summary>Opens an existing file (<c>H5Fopen</c>).</summary>
    /// <param name="filename">Path of the file.</param>
    /// <param name="flags"><see cref="ACC_RDONLY"/> or <see cref="ACC_RDWR"/>.</param>
    /// <param name="fapl">File access property list.</param>
    /// <returns>The file id.</returns>
    public static long open(string filename, uint flags, long fapl)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            var id = H5Fopen(filename, flags, fapl);
            return id >= 0 ? id : throw Hdf5Library.Failure("H5Fopen").ForFile(filename);
        }
    }

    /// <summary>Writes all buffered data and metadata of a file to the operating system (<c>H5Fflush</c>).</summary>
    /// <param name="id">File or object id in the file.</param>
    /// <param name="scope"><see cref="SCOPE_LOCAL"/> or <see cref="SCOPE_GLOBAL"/>.</param>
    /// <returns>Non-negative on success.</returns>
    public static int flush(long id, int scope)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Fflush(id, scope), "H5Fflush");
        }
    }

    /// <summary>Closes a file (<c>H5Fclose</c>).</summary>
    /// <param name="id">File id.</param>
    /// <returns>Non-negative on success.</returns>
    public static int close(long id)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Fclose(id), "H5Fclose");
        }
    }

    [LibraryImport(Hdf5Library.MainName, StringMarshalling = StringMarshalling.Utf8)]
    private static partial long H5Fcreate(string filename, uint flags, long fcpl, long fapl);

    [LibraryImport(Hdf5Library.MainName, StringMarshalling = StringMarshalling.Utf8)]
    private static partial long H5Fopen(string filename, uint flags, long fapl);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Fflush(long id, int scope);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Fclose(long id);
}
