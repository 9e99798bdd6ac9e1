using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace ClimateAD.IO.Hdf5;

/// <summary>HDF5 error-stack API (<c>H5E*</c>), used to turn failed calls into readable exceptions.</summary>
public static unsafe partial class H5E
{
    /// <summary><c>H5E_DEFAULT</c>: the current thread's default error stack.</summary>
    public const long DEFAULT = 0;

    private const int WalkDownward = 1;
    private const int MaxEntries = 8;

    [ThreadStatic]
    private static List<string>? t_entries;

    /// <summary>Clears the default error stack (<c>H5Eclear2</c>).</summary>
    /// <returns>Non-negative on success.</returns>
    public static int clear()
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5Eclear2(DEFAULT), "H5Eclear2");
        }
    }

    /// <summary>
    /// Reads the descriptions on the default error stack, from the API call inward, and clears it
    /// (<c>H5Ewalk2</c> then <c>H5Eclear2</c>). Callers hold <see cref="Hdf5Library.SyncRoot"/>.
    /// </summary>
    internal static string TakeErrorStack()
    {
        var entries = t_entries ??= [];
        entries.Clear();
        _ = H5Ewalk2(DEFAULT, WalkDownward, &CollectEntry, 0);
        _ = H5Eclear2(DEFAULT);
        var text = new StringBuilder();
        for (var i = 0; i < entries.Count && i < MaxEntries; i++)
        {
            if (text.Length > 0)
            {
                text.Append("; ");
            }
            text.Append(entries[i]);
        }
        return text.ToString();
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int CollectEntry(uint n, ErrorRecord* error, nint clientData)
    {
        var function = Marshal.PtrToStringUTF8(error->FunctionName) ?? "?";
        var description = Marshal.PtrToStringUTF8(error->Description) ?? "";
        t_entries?.Add($"{function}(): {description}");
        return 0;
    }

    /// <summary>Layout of <c>H5E_error2_t</c> (stable from HDF5 1.8 to 1.14).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ErrorRecord
    {
        public long ClassId;
        public long MajorId;
        public long MinorId;
        public uint Line;
        public nint FunctionName;
        public nint FileName;
        public nint Description;
    }

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Eclear2(long errorStack);

    [LibraryImport(Hdf5Library.MainName)]
    private static partial int H5Ewalk2(long errorStack, int direction,
        delegate* unmanaged[Cdecl]<uint, ErrorRecord*, nint, int> func, nint clientData);
}
