using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace ClimateAD.IO.Hdf5;

/// <summary>
/// HDF5 high-level dimension-scale API (<c>H5DS*</c>, in <c>libhdf5_hl</c>). netCDF-4 stores every
/// dimension as a dimension scale and every variable's dimensions as attached scales (HDF5
/// "Dimension Scale Specification and Design Notes", 2005; netCDF-4 file format, NetCDF Users Guide §"NetCDF-4 Format").
/// </summary>
public static unsafe partial class H5DS
{
    [ThreadStatic]
    private static List<string>? t_paths;

    /// <summary>Makes a dataset a dimension scale with the given NAME (<c>H5DSset_scale</c>).</summary>
    /// <param name="dataset">Dataset id.</param>
    /// <param name="dimensionName">Value of the NAME attribute, or null for none.</param>
    /// <returns>Non-negative on success.</returns>
    public static int set_scale(long dataset, string? dimensionName)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5DSset_scale(dataset, dimensionName), "H5DSset_scale");
        }
    }

    /// <summary>Attaches a scale to dimension <paramref name="index"/> of a dataset (<c>H5DSattach_scale</c>).</summary>
    /// <param name="dataset">Dataset id.</param>
    /// <param name="scale">Dimension-scale dataset id.</param>
    /// <param name="index">Dimension index in <paramref name="dataset"/>.</param>
    /// <returns>Non-negative on success.</returns>
    public static int attach_scale(long dataset, long scale, uint index)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5DSattach_scale(dataset, scale, index), "H5DSattach_scale");
        }
    }

    /// <summary>Whether a dataset is a dimension scale (<c>H5DSis_scale</c>).</summary>
    /// <param name="dataset">Dataset id.</param>
    /// <returns>True for a dimension scale.</returns>
    public static bool is_scale(long dataset)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            return Hdf5Library.Check(H5DSis_scale(dataset), "H5DSis_scale") > 0;
        }
    }

    /// <summary>The NAME of a dimension scale (<c>H5DSget_scale_name</c>), or null when it has none.</summary>
    /// <param name="scale">Dimension-scale dataset id.</param>
    /// <returns>The name, or null.</returns>
    public static string? get_scale_name(long scale)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            var length = H5DSget_scale_name(scale, null, 0);
            if (length < 0)
            {
                throw Hdf5Library.Failure("H5DSget_scale_name");
            }
            if (length == 0)
            {
                return null;
            }
            var buffer = new byte[length + 1];
            fixed (byte* b = buffer)
            {
                if (H5DSget_scale_name(scale, b, (nuint)buffer.Length) < 0)
                {
                    throw Hdf5Library.Failure("H5DSget_scale_name");
                }
            }
            return Encoding.UTF8.GetString(buffer, 0, (int)length);
        }
    }

    /// <summary>
    /// Absolute paths of the scales attached to dimension <paramref name="dimension"/> of a dataset
    /// (<c>H5DSiterate_scales</c> with <c>H5Iget_name</c>); empty when none is attached.
    /// </summary>
    /// <param name="dataset">Dataset id.</param>
    /// <param name="dimension">Dimension index.</param>
    /// <returns>The scale paths, e.g. <c>/time</c>.</returns>
    public static IReadOnlyList<string> GetAttachedScalePaths(long dataset, uint dimension)
    {
        lock (Hdf5Library.SyncRoot)
        {
            Hdf5Library.EnsureLoaded();
            var paths = t_paths ??= [];
            paths.Clear();
            var index = 0;
            Hdf5Library.Check(H5DSiterate_scales(dataset, dimension, &index, &CollectPath, 0), "H5DSiterate_scales");
            var result = paths.ToArray();
            paths.Clear();
            return result;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int CollectPath(long dataset, uint dimension, long scale, nint data)
    {
        try
        {
            t_paths?.Add(H5I.get_name(scale));
            return 0;
        }
        catch (Hdf5Exception)
        {
            return -1;
        }
    }

    [LibraryImport(Hdf5Library.HighLevelName, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int H5DSset_scale(long dataset, string? dimensionName);

    [LibraryImport(Hdf5Library.HighLevelName)]
    private static partial int H5DSattach_scale(long dataset, long scale, uint index);

    [LibraryImport(Hdf5Library.HighLevelName)]
    private static partial int H5DSis_scale(long dataset);

    [LibraryImport(Hdf5Library.HighLevelName)]
    private static partial nint H5DSget_scale_name(long scale, byte* name, nuint size);

    [LibraryImport(Hdf5Library.HighLevelName)]
    private static partial int H5DSiterate_scales(long dataset, uint dimension, int* index,
        delegate* unmanaged[Cdecl]<long, uint, long, nint, int> visitor, nint data);
}
