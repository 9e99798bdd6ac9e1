namespace ClimateAD.IO.Hdf5;

/// <summary>
/// An HDF5 library call returned a negative status (failure). The message names the C function, the
/// file involved when known, and the descriptions taken from HDF5's error stack (innermost last).
/// </summary>
public sealed class Hdf5Exception : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="function">The HDF5 C function that failed, e.g. <c>H5Dwrite</c>.</param>
    /// <param name="detail">Descriptions from the HDF5 error stack; may be empty.</param>
    /// <param name="filePath">The file the call worked on, when known.</param>
    public Hdf5Exception(string function, string detail, string? filePath = null)
        : base(BuildMessage(function, detail, filePath))
    {
        Function = function;
        Detail = detail;
        FilePath = filePath;
    }

    /// <summary>The HDF5 C function that failed.</summary>
    public string Function { get; }

    /// <summary>The HDF5 error-stack descriptions, joined with "; ".</summary>
    public string Detail { get; }

    /// <summary>The file the call worked on, or null when not known at the call site.</summary>
    public string? FilePath { get; }

    /// <summary>Returns the same failure with <paramref name="path"/> attached as the file.</summary>
    /// <param name="path">Path of the file being read or written.</param>
    public Hdf5Exception ForFile(string path) => new(Function, Detail, path);

    private static string BuildMessage(string function, string detail, string? filePath)
    {
        var where = filePath is null ? "" : $" on '{filePath}'";
        var why = string.IsNullOrEmpty(detail) ? "" : $": {detail}";
        return $"HDF5 call {function} failed{where}{why}";
    }
}
