using System.Runtime.InteropServices;

namespace ClimateAD.IO.Hdf5;

/// <summary>HDF5 datatype API (<c>H5T*</c>) and the predefined type ids (read from the library's exported globals).</summary>
public static partial class H5T
{
    /// <summary><c>H5T_INTEGER</c> class.</summary>
    public const int INTEGER = 0;

    /// <summary><c>H5T_FLOAT</c> class.</summary>
    public const int FLOAT = 1;

    /// <summary><c>H5T_STRING</c> class.</summary>
    public const int STRING = 3;

    /// <summary><c>H5T_STR_NULLTERM</c> string padding.</summary>
    public const int STR_NULLTERM = 0;

    /// <summary><c>H5T_STR_NULLPAD</c> string padding.</summary>
    public const int STR_NULLPAD = 1;

    /// <summary><c>H5T_CSET_ASCII</c> character set.</summary>
    public const int CSET_ASCII = 0;

    /// <summary><c>H5T_CSET_UTF8</c> character set.</summary>
    public const int CSET_UTF8 = 1;

    /// <summary><c>H5T_VARIABLE</c>: size marking a variable-length string.</summary>
    public static readonly nuint VARIABLE = nuint.MaxValue;

    private static long s_nativeDouble, s_nativeInt, s_nativeLlong, s_cS1, s_ieeeF64le, s_ieeeF32be, s_stdI32le, s_stdI64le;

    /// <summary><c>H5T_NATIVE_DOUBLE</c>: C <c>double</c> in memory.</summary>
    public static long NATIVE_DOUBLE => Loaded(ref s_nativeDouble);

    /// <summary><c>H5T_NATIVE_INT</c>: C <c>int</c> in memory.</summary>
    public static long NATIVE_INT => Loaded(ref s_nativeInt);

    /// <summary><c>H5T_NATIVE_LLONG</c>: C <c>long long</c> in memory.</summary>
    public static long NATIVE_LLONG => Loaded(ref s_nativeLlong);

    /// <summary><c>H5T_C_S1</c>: one-byte C string, the base of fixed-length string types.</summary>
    public static long C_S1 => Loaded(ref s_cS1);

    /// <summary><c>H5T_IEEE_F64LE</c>: little-endian IEEE double (netCDF <c>NC_DOUBLE</c> on disk).</summary>
    public static long IEEE_F64LE => Loaded(ref s_ieeeF64le);

    /// <summary><c>H5T_IEEE_F32BE</c>: big-endian IEEE float (netCDF's type for dimension-only scales).</summary>
    public static long IEEE_F32BE => Loaded(ref s_ieeeF32be);

    /// <summary><c>H5T_STD_I32LE</c>: little-endian 32-bit integer (netCDF <c>NC_INT</c>).</summary>
    public static long STD_I32LE => Loaded(ref s_stdI32le);

    /// <summary><c>H5T_STD_I64LE</c>: little-endian 64-bit integer (netCDF <c>NC_INT64</c>).</summary>
    public static long STD_I64LE => Loaded(ref s_stdI64le);

    /// <summary>Copies a datatype (<c>H5Tcopy</c>).</summary>
    /// <param name="type">Type to copy.</param>
    /// <returns>The new type id; close it with <see cref="close"/>.</returns>
    public static long copy(long type)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Tcopy(type), "H5Tcopy");
        }
    }

    /// <summary>Releases a datatype (<c>H5Tclose</c>).</summary>
    /// <param name="type">Type id.</param>
    /// <returns>Non-negative on success.</returns>
    public static int close(long type)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Tclose(type), "H5Tclose");
        }
    }

    /// <summary>Sets the size in bytes of a type (<c>H5Tset_size</c>); <see cref="VARIABLE"/> for variable-length strings.</summary>
    /// <param name="type">Type id.</param>
    /// <param name="size">Size in bytes.</param>
    /// <returns>Non-negative on success.</returns>
    public static int set_size(long type, nuint size)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Tset_size(type, size), "H5Tset_size");
        }
    }

    /// <summary>Size of a type in bytes (<c>H5Tget_size</c>).</summary>
    /// <param name="type">Type id.</param>
    /// <returns>The size; for variable-length strings the size of a pointer.</returns>
    public static nuint get_size(long type)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            var size = H5Tget_size(type);
            if (size == 0)
            {
                throw Hdf5Library.Failure("H5Tget_size");
            }
            return size;
        }
    }

    /// <summary>Class of a type (<c>H5Tget_class</c>): <see cref="INTEGER"/>, <see cref="FLOAT"/>, <see cref="STRING"/>, ...</summary>
    /// <param name="type">Type id.</param>
    /// <returns>The class.</returns>
    public static int get_class(long type)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Tget_class(type), "H5Tget_class");
        }
    }

    /// <summary>Sets the padding of a string type (<c>H5Tset_strpad</c>).</summary>
    /// <param name="type">Type id.</param>
    /// <param name="pad"><see cref="STR_NULLTERM"/> or <see cref="STR_NULLPAD"/>.</param>
    /// <returns>Non-negative on success.</returns>
    public static int set_strpad(long type, int pad)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Tset_strpad(type, pad), "H5Tset_strpad");
        }
    }

    /// <summary>Sets the character set of a string type (<c>H5Tset_cset</c>).</summary>
    /// <param name="type">Type id.</param>
    /// <param name="cset"><see cref="CSET_ASCII"/> or <see cref="CSET_UTF8"/>.</param>
    /// <returns>Non-negative on success.</returns>
    public static int set_cset(long type, int cset)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Tset_cset(type, cset), "H5Tset_cset");
        }
    }

    /// <summary>Whether a string type is variable-length (<c>H5Tis_variable_str</c>).</summary>
    /// <param name="type">Type id.</param>
    /// <returns>True for variable-length strings.</returns>
    public static bool is_variable_str(long type)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Tis_variable_str(type), "H5Tis_variable_str") > 0;
        }
    }

    /// <summary>Reads the predefined type ids; called once, under the lock, right after <c>H5open</c>.</summary>
    internal static void LoadGlobals()
    {
        s_nativeDouble = Hdf5Library.ReadGlobalId("H5T_NATIVE_DOUBLE_g");
        s_nativeInt = Hdf5Library.ReadGlobalId("H5T_NATIVE_INT_g");
        s_nativeLlong = Hdf5Library.ReadGlobalId("H5T_NATIVE_LLONG_g");
        s_cS1 = Hdf5Library.ReadGlobalId("H5T_C_S1_g");
        s_ieeeF64le = Hdf5Library.ReadGlobalId("H5T_IEEE_F64LE_g");
        s_ieeeF32be = Hdf5Library.ReadGlobalId("H5T_IEEE_F32BE_g");
        s_stdI32le = Hdf5Library.ReadGlobalId("H5T_STD_I32LE_g");
        s_stdI64le = Hdf5Library.ReadGlobalId("H5T_STD_I64LE_g");
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
    private static partial long H5Tcopy(long type);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Tclose(long type);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Tset_size(long type, nuint size);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial nuint H5Tget_size(long type);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Tget_class(long type);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Tset_strpad(long type, int pad);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Tset_cset(long type, int cset);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Tis_variable_str(long type);
}
