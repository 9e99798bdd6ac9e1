using ClimateAD.IO.Hdf5;

namespace ClimateAD.IO.Data;

/// <summary>
/// A small HDF5 file of named records (groups, contiguous double and 64-bit integer datasets,
/// attributes) for tables and logs that are not netCDF output, such as calibration logs and
/// calibration results: paths are HDF5 paths (<c>iterations/000003/u</c>), doubles are stored as
/// IEEE <c>f64le</c> and read back bit for bit, integers as <c>i64le</c>, attributes in the
/// encodings of <see cref="Hdf5Attribute"/> (text as fixed-length UTF-8). Not thread-safe.
/// </summary>
public sealed unsafe class Hdf5RecordFile : IDisposable
{
    private long _file;

    private Hdf5RecordFile(long file, string path)
    {
        _file = file;
        FilePath = path;
    }

    /// <summary>The file.</summary>
    public string FilePath { get; }

    /// <summary>Creates (or truncates) <paramref name="path"/>, creating its folder.</summary>
    public static Hdf5RecordFile Create(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        return new Hdf5RecordFile(H5F.create(path, H5F.ACC_TRUNC, H5P.DEFAULT, H5P.DEFAULT), path);
    }

    /// <summary>Opens <paramref name="path"/> read-only.</summary>
    public static Hdf5RecordFile OpenRead(string path) => new(H5F.open(path, H5F.ACC_RDONLY, H5P.DEFAULT), path);

    /// <summary>True when a group or dataset exists at <paramref name="path"/> (its parent must exist).</summary>
    public bool Exists(string path) => H5L.exists(_file, path, H5P.DEFAULT);

    /// <summary>Creates a group (its parent must exist).</summary>
    public void CreateGroup(string path) => H5G.close(H5G.create(_file, path, H5P.DEFAULT, H5P.DEFAULT, H5P.DEFAULT));

    /// <summary>Writes a dataset of doubles with shape <paramref name="dims"/> (default: one dimension of the values' length).</summary>
    public void WriteDoubles(string path, ReadOnlySpan<double> values, params int[] dims)
    {
        fixed (double* p = values)
            Write(path, values.Length, dims, H5T.IEEE_F64LE, H5T.NATIVE_DOUBLE, p);
    }

    /// <summary>Writes a one-dimensional dataset of 64-bit integers.</summary>
    public void WriteLongs(string path, ReadOnlySpan<long> values)
    {
        fixed (long* p = values)
            Write(path, values.Length, [], H5T.STD_I64LE, H5T.NATIVE_LLONG, p);
    }

    /// <summary>Reads a dataset of doubles (flattened, row-major).</summary>
    public double[] ReadDoubles(string path) => Read<double>(path, H5T.NATIVE_DOUBLE);

    /// <summary>Reads a dataset of 64-bit integers.</summary>
    public long[] ReadLongs(string path) => Read<long>(path, H5T.NATIVE_LLONG);

    private T[] Read<T>(string path, long memoryType) where T : unmanaged
    {
        var (dataset, count) = OpenDataset(path);
        var values = new T[count];
        try
        {
            if (count > 0)
                fixed (T* p = values) H5D.read(dataset, memoryType, H5S.ALL, H5S.ALL, H5P.DEFAULT, p);
        }
        finally
        {
            H5D.close(dataset);
        }
        return values;
    }

    /// <summary>Writes attribute <paramref name="name"/> on the object at <paramref name="objectPath"/> ("/" for the file): string, double, int, long, double[], int[] or long[].</summary>
    public void WriteAttribute(string objectPath, string name, object value)
    {
        long obj = H5O.open(_file, objectPath, H5P.DEFAULT);
        try
        {
            Hdf5Attribute.Write(obj, name, value);
        }
        finally
        {
            H5O.close(obj);
        }
    }

    /// <summary>Reads an attribute: string, double, long, double[] or long[] (<see cref="Hdf5Attribute.Read"/>).</summary>
    public object ReadAttribute(string objectPath, string name)
    {
        long obj = H5O.open(_file, objectPath, H5P.DEFAULT);
        try
        {
            return Hdf5Attribute.Read(obj, name);
        }
        finally
        {
            H5O.close(obj);
        }
    }

    /// <summary>Reads a text attribute.</summary>
    public string ReadText(string objectPath, string name) => ReadAttribute(objectPath, name) as string
        ?? throw new InvalidDataException($"Attribute '{name}' of {objectPath} in {FilePath} is not text.");

    /// <summary>Reads an integer attribute.</summary>
    public long ReadLong(string objectPath, string name) => ReadAttribute(objectPath, name) switch
    {
        long l => l,
        long[] { Length: 1 } a => a[0],
        _ => throw new InvalidDataException($"Attribute '{name}' of {objectPath} in {FilePath} is not an integer."),
    };

    /// <summary>Reads a floating-point attribute.</summary>
    public double ReadDouble(string objectPath, string name) => ReadAttribute(objectPath, name) switch
    {
        double d => d,
        double[] { Length: 1 } a => a[0],
        _ => throw new InvalidDataException($"Attribute '{name}' of {objectPath} in {FilePath} is not a number."),
    };

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        if (_file > 0) H5F.close(_file);
        _file = 0;
    }

    private void Write(string path, int length, int[] dims, long fileType, long memType, void* data)
    {
        ulong[] shape = dims.Length == 0 ? [(ulong)length] : dims.Select(d => (ulong)d).ToArray();
        ulong product = shape.Aggregate(1UL, (a, b) => a * b);
        if (product != (ulong)length) throw new ArgumentException($"Shape [{string.Join(", ", dims)}] does not hold {length} values.", nameof(dims));
        long space = H5S.create_simple(shape.Length, shape, null);
        try
        {
            long dataset = H5D.create(_file, path, fileType, space, H5P.DEFAULT, H5P.DEFAULT, H5P.DEFAULT);
            try
            {
                if (length > 0) H5D.write(dataset, memType, H5S.ALL, H5S.ALL, H5P.DEFAULT, data);
            }
            finally
            {
                H5D.close(dataset);
            }
        }
        finally
        {
            H5S.close(space);
        }
    }

    private (long Dataset, int Count) OpenDataset(string path)
    {
        long dataset = H5D.open(_file, path, H5P.DEFAULT);
        long space = H5D.get_space(dataset);
        try
        {
            return (dataset, checked((int)H5S.get_simple_extent_npoints(space)));
        }
        finally
        {
            H5S.close(space);
        }
    }
}
