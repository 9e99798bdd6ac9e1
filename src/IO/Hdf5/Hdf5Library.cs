using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace ClimateAD.IO.Hdf5;

/// <summary>
/// Loads the HDF5 C library (and its high-level library, which holds the dimension-scale API
/// <c>H5DS*</c>) and serialises every call into it.
/// </summary>
/// <remarks>
/// <para>Loading: a <see cref="NativeLibrary.SetDllImportResolver"/> resolver maps the logical names
/// used by the P/Invoke declarations in this namespace to the first loadable pair of
/// <see cref="ProbeList"/>, after the paths in <see cref="LibraryPathVariable"/> and
/// <see cref="HighLevelLibraryPathVariable"/> when those are set. If nothing loads, every call throws
/// <see cref="Hdf5NotFoundException"/>.</para>
/// <para>Thread safety: distribution builds of HDF5 (Debian's <c>libhdf5_serial</c> among them) are
/// not thread-safe, so every wrapper in this namespace takes <see cref="SyncRoot"/> around its
/// native call. The lock is re-entrant, so HDF5 callbacks may call back into the wrappers.</para>
/// <para>On load the library is initialised with <c>H5open</c>, and HDF5's automatic printing of its
/// error stack is switched off (<c>H5Eset_auto2(H5E_DEFAULT, NULL, NULL)</c>); failures are reported
/// as <see cref="Hdf5Exception"/> carrying the error-stack text instead.</para>
/// </remarks>
public static partial class Hdf5Library
{
    /// <summary>Logical library name used by the <c>H5*</c> declarations; resolved at load time.</summary>
    internal const string MainName = "climatead-hdf5";

    /// <summary>Logical library name used by the <c>H5DS*</c> declarations; resolved at load time.</summary>
    internal const string HighLevelName = "climatead-hdf5-hl";

    /// <summary>Environment variable holding the full path of an HDF5 library to use first.</summary>
    public const string LibraryPathVariable = "CLIMATEAD_HDF5_LIBRARY";

    /// <summary>Environment variable holding the full path of the matching HDF5 high-level library.</summary>
    public const string HighLevelLibraryPathVariable = "CLIMATEAD_HDF5_HL_LIBRARY";

    /// <summary>
    /// Library file names tried in order, as (main, high-level) pairs: Debian/Ubuntu HDF5 1.10 serial
    /// build, then generic 1.10, 1.12, 1.14 sonames, then unversioned names (development packages),
    /// then macOS and Windows names.
    /// </summary>
    public static IReadOnlyList<(string Main, string HighLevel)> ProbeList { get; } =
    [
        ("libhdf5_serial.so.103", "libhdf5_serial_hl.so.100"),
        ("libhdf5.so.103", "libhdf5_hl.so.100"),
        ("libhdf5.so.200", "libhdf5_hl.so.200"),
        ("libhdf5.so.310", "libhdf5_hl.so.310"),
        ("libhdf5_serial.so", "libhdf5_serial_hl.so"),
        ("libhdf5.so", "libhdf5_hl.so"),
        ("libhdf5.dylib", "libhdf5_hl.dylib"),
        ("hdf5.dll", "hdf5_hl.dll"),
    ];

    /// <summary>The lock every native HDF5 call in this namespace is made under.</summary>
    public static object SyncRoot { get; } = new();

    private static nint s_main;
    private static nint s_highLevel;
    private static bool s_loaded;
    private static string[]? s_failedProbe;

    static Hdf5Library()
    {
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(Hdf5Library).Assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // Another component of this assembly registered the one resolver an assembly may have;
            // the load-context event still lets us answer for our own logical names.
            AssemblyLoadContext.Default.ResolvingUnmanagedDll += (assembly, name) =>
                assembly == typeof(Hdf5Library).Assembly ? Resolve(name, assembly, null) : 0;
        }
    }

    /// <summary>True when an HDF5 library pair has been loaded and initialised.</summary>
    public static bool IsLoaded
    {
        get { lock (SyncRoot) { return s_loaded; } }
    }

    /// <summary>The HDF5 version of the loaded library, e.g. 1.10.8.</summary>
    public static Version Version
    {
        get
        {
            lock (SyncRoot)
            {
                EnsureLoaded();
                Check(H5get_libversion(out var major, out var minor, out var release), "H5get_libversion");
                return new Version((int)major, (int)minor, (int)release);
            }
        }
    }

    /// <summary>
    /// Loads and initialises the library if that has not happened yet. Callers hold <see cref="SyncRoot"/>.
    /// </summary>
    /// <exception cref="Hdf5NotFoundException">No library of <see cref="ProbeList"/> could be loaded.</exception>
    internal static void EnsureLoaded()
    {
        if (s_loaded)
        {
            return;
        }
        if (s_failedProbe is not null)
        {
            throw new Hdf5NotFoundException(s_failedProbe);
        }
        var tried = new List<string>();
        foreach (var (main, highLevel) in Candidates())
        {
            tried.Add(main);
            if (!NativeLibrary.TryLoad(main, out var mainHandle))
            {
                continue;
            }
            if (!NativeLibrary.TryLoad(highLevel, out var hlHandle))
            {
                tried.Add(highLevel);
                NativeLibrary.Free(mainHandle);
                continue;
            }
            s_main = mainHandle;
            s_highLevel = hlHandle;
            break;
        }
        if (s_main == 0)
        {
            s_failedProbe = [.. tried];
            throw new Hdf5NotFoundException(s_failedProbe);
        }
        s_loaded = true;
        Check(H5open(), "H5open");
        Check(H5Eset_auto2(0, 0, 0), "H5Eset_auto2");
        H5T.LoadGlobals();
        H5P.LoadGlobals();
    }

    /// <summary>Reads an exported <c>hid_t</c> global (e.g. <c>H5T_NATIVE_DOUBLE_g</c>) after <c>H5open</c>.</summary>
    internal static unsafe long ReadGlobalId(string symbol) =>
        *(long*)NativeLibrary.GetExport(s_main, symbol);

    /// <summary>Throws <see cref="Hdf5Exception"/> naming <paramref name="function"/> when <paramref name="status"/> is negative.</summary>
    internal static int Check(int status, string function)
    {
        if (status < 0)
        {
            throw Failure(function);
        }
        return status;
    }

    /// <summary>Throws <see cref="Hdf5Exception"/> naming <paramref name="function"/> when <paramref name="id"/> is negative.</summary>
    internal static long Check(long id, string function)
    {
        if (id < 0)
        {
            throw Failure(function);
        }
        return id;
    }

    /// <summary>Collects and clears HDF5's error stack into an exception for <paramref name="function"/>.</summary>
    internal static Hdf5Exception Failure(string function) => new(function, H5E.TakeErrorStack());

    private static IEnumerable<(string Main, string HighLevel)> Candidates()
    {
        var main = Environment.GetEnvironmentVariable(LibraryPathVariable);
        if (!string.IsNullOrWhiteSpace(main))
        {
            var hl = Environment.GetEnvironmentVariable(HighLevelLibraryPathVariable);
            if (string.IsNullOrWhiteSpace(hl))
            {
                var dir = Path.GetDirectoryName(main) ?? "";
                var file = Path.GetFileName(main);
                var dot = file.IndexOf('.', StringComparison.Ordinal);
                hl = dot < 0 ? Path.Combine(dir, file + "_hl") : Path.Combine(dir, file[..dot] + "_hl" + file[dot..]);
            }
            yield return (main, hl);
        }
        foreach (var pair in ProbeList)
        {
            yield return pair;
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != MainName && libraryName != HighLevelName)
        {
            return 0;
        }
        lock (SyncRoot)
        {
            EnsureLoaded();
            return libraryName == MainName ? s_main : s_highLevel;
        }
    }

    [LibraryImport(MainName)]
    private static partial int H5open();

    [LibraryImport(MainName)]
    private static partial int H5get_libversion(out uint major, out uint minor, out uint release);

    [LibraryImport(MainName)]
    private static partial int H5Eset_auto2(long errorStack, nint func, nint clientData);
}
