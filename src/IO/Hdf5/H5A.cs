using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ClimateAD.IO.Hdf5;

/// <summary>HDF5 attribute API (<c>H5A*</c>): small named values attached to files, groups and datasets.</summary>
public static unsafe partial class H5A
{
    [ThreadStatic]
    private static List<string>? t_names;

    /// <summary>Creates an attribute (<c>H5Acreate2</c>).</summary>
    /// <param name="loc">Object the attribute is attached to.</param>
    /// <param name="name">Attribute name.</param>
    /// <param name="type">File datatype.</param>
    /// <param name="space">Dataspace.</param>
    /// <param name="acpl">Attribute creation property list.</param>
    /// <param name="aapl">Attribute access property list.</param>
    /// <returns>The attribute id; close it with <see cref="close"/>.</returns>
    public static long create(long loc, string name, long type, long space, long acpl, long aapl)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Acreate2(loc, name, type, space, acpl, aapl), "H5Acreate2");
        }
    }

    /// <summary>Opens an attribute by name (<c>H5Aopen</c>).</summary>
    /// <param name="obj">Object the attribute is attached to.</param>
    /// <param name="name">Attribute name.</param>
    /// <param name="aapl">Attribute access property list.</param>
    /// <returns>The attribute id.</returns>
    public static long open(long obj, string name, long aapl)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Aopen(obj, name, aapl), "H5Aopen");
        }
    }

    /// <summary>Closes an attribute (<c>H5Aclose</c>).</summary>
    /// <param name="attribute">Attribute id.</param>
    /// <returns>Non-negative on success.</returns>
    public static int close(long attribute)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Aclose(attribute), "H5Aclose");
        }
    }

    /// <summary>Writes an attribute's value (<c>H5Awrite</c>).</summary>
    /// <param name="attribute">Attribute id.</param>
    /// <param name="memType">Memory datatype of <paramref name="buffer"/>.</param>
    /// <param name="buffer">Data.</param>
    /// <returns>Non-negative on success.</returns>
    public static int write(long attribute, long memType, void* buffer)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Awrite(attribute, memType, buffer), "H5Awrite");
        }
    }

    /// <summary>Reads an attribute's value, converting to <paramref name="memType"/> (<c>H5Aread</c>).</summary>
    /// <param name="attribute">Attribute id.</param>
    /// <param name="memType">Memory datatype of <paramref name="buffer"/>.</param>
    /// <param name="buffer">Destination.</param>
    /// <returns>Non-negative on success.</returns>
    public static int read(long attribute, long memType, void* buffer)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Aread(attribute, memType, buffer), "H5Aread");
        }
    }

    /// <summary>Whether an attribute exists (<c>H5Aexists</c>).</summary>
    /// <param name="obj">Object id.</param>
    /// <param name="name">Attribute name.</param>
    /// <returns>True when it exists.</returns>
    public static bool exists(long obj, string name)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Aexists(obj, name), "H5Aexists") > 0;
        }
    }

    /// <summary>Deletes an attribute (<c>H5Adelete</c>).</summary>
    /// <param name="loc">Object id.</param>
    /// <param name="name">Attribute name.</param>
    /// <returns>Non-negative on success.</returns>
    public static int delete(long loc, string name)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Adelete(loc, name), "H5Adelete");
        }
    }

    /// <summary>Copy of an attribute's dataspace (<c>H5Aget_space</c>).</summary>
    /// <param name="attribute">Attribute id.</param>
    /// <returns>A dataspace id; close it with <see cref="H5S.close"/>.</returns>
    public static long get_space(long attribute)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Aget_space(attribute), "H5Aget_space");
        }
    }

    /// <summary>Copy of an attribute's file datatype (<c>H5Aget_type</c>).</summary>
    /// <param name="attribute">Attribute id.</param>
    /// <returns>A type id; close it with <see cref="H5T.close"/>.</returns>
    public static long get_type(long attribute)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Aget_type(attribute), "H5Aget_type");
        }
    }

    /// <summary>
    /// Names of all attributes of an object, in creation order where the object tracks it and in name
    /// order otherwise (<c>H5Aiterate2</c>).
    /// </summary>
    /// <param name="obj">Object id.</param>
    /// <param name="indexType"><see cref="H5.INDEX_CRT_ORDER"/> or <see cref="H5.INDEX_NAME"/>.</param>
    /// <returns>The names.</returns>
    public static IReadOnlyList<string> GetNames(long obj, int indexType)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            var names = t_names ??= [];
            names.Clear();
            ulong position = 0;
            Hdf5Library.Check(H5Aiterate2(obj, indexType, H5.ITER_INC, &position, &CollectName, 0), "H5Aiterate2");
            var result = names.ToArray();
            names.Clear();
            return result;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int CollectName(long location, byte* name, void* info, nint data)
    {
        t_names?.Add(Marshal.PtrToStringUTF8((nint)name) ?? "");
        return 0;
    }

    [LibraryImport(Hdf5Library.MainName, StringMarshalling = StringMarshalling.Utf8)]
    private static partial long H5Acreate2(long loc, string name, long type, long space, long acpl, long aapl);

    [LibraryImport(Hdf5Library.MainName, StringMarshalling = StringMarshalling.Utf8)]
    private static partial long H5Aopen(long obj, string name, long aapl);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Aclose(long attribute);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Awrite(long attribute, long memType, void* buffer);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Aread(long attribute, long memType, void* buffer);

    [LibraryImport(Hdf5Library.MainName, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int H5Aexists(long obj, string name);

    [LibraryImport(Hdf5Library.MainName, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int H5Adelete(long loc, string name);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial long H5Aget_space(long attribute);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial long H5Aget_type(long attribute);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Aiterate2(long obj, int indexType, int order, ulong* position,
        delegate* unmanaged[Cdecl]<long, byte*, void*, nint, int> op, nint data);
}
