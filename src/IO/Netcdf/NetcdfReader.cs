using ClimateAD.IO.Hdf5;

namespace ClimateAD.IO.Netcdf;

/// <summary>
/// Reads netCDF-4 files such as those written by <see cref="NetcdfWriter"/> (tests, restarts, post-processing):
/// dimensions from HDF5 dimension scales (netCDF-4 format; HDF5 dimension-scale specification), variables
/// with the names of their attached scales, attributes, whole variables and single records.
/// </summary>
/// <remarks>
/// Values of any numeric type are converted to double by HDF5. Text attributes (fixed- or
/// variable-length) read as string; numeric attributes with one value as double or long, with more as
/// double[] or long[]. HDF5/netCDF bookkeeping attributes (CLASS, NAME, REFERENCE_LIST, DIMENSION_LIST,
/// _Netcdf4*, _NCProperties) are hidden, as netCDF-C hides them. Not thread-safe.
/// </remarks>
public sealed unsafe class NetcdfReader : IDisposable
{
    private readonly List<NetcdfDimensionInfo> _dimensions = [];
    private readonly List<NetcdfVariableInfo> _variables = [];
    private long _file;

    private NetcdfReader(string path, long file)
    {
        Path = path;
        _file = file;
    }

    /// <summary>Path of the open file.</summary>
    public string Path { get; }

    /// <summary>All dimensions (root group first, then sub-groups), in creation order where tracked.</summary>
    public IReadOnlyList<NetcdfDimensionInfo> Dimensions => _dimensions;

    /// <summary>All variables, coordinate variables included, in creation order where tracked.</summary>
    public IReadOnlyList<NetcdfVariableInfo> Variables => _variables;

    /// <summary>Length of the first UNLIMITED dimension (records on disk), or 0 when there is none.</summary>
    public long RecordCount => _dimensions.FirstOrDefault(d => d.IsUnlimited)?.Length ?? 0;

    /// <summary>Opens a file read-only and lists its dimensions and variables.</summary>
    /// <param name="path">File path.</param>
    /// <returns>The reader.</returns>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="Hdf5Exception">The file is not a readable HDF5 file.</exception>
    public static NetcdfReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"No netCDF file at '{full}'.", full);
        }
        var reader = new NetcdfReader(full, H5F.open(full, H5F.ACC_RDONLY, H5P.DEFAULT));
        try
        {
            var root = H5G.open(reader._file, "/", H5P.DEFAULT);
            try
            {
                reader.Scan(root, "");
            }
            finally
            {
                H5G.close(root);
            }
            return reader;
        }
        catch (Hdf5Exception e) when (e.FilePath is null)
        {
            reader.Dispose();
            throw e.ForFile(full);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The variable named <paramref name="name"/>.</summary>
    /// <param name="name">Variable name ("group/name" in a sub-group).</param>
    /// <returns>Its dimensions and shape.</returns>
    public NetcdfVariableInfo GetVariable(string name) =>
        _variables.FirstOrDefault(v => v.Name == name)
        ?? throw new ArgumentException(
            $"No variable '{name}' in '{Path}' (variables: {string.Join(", ", _variables.Select(v => v.Name))}).", nameof(name));

    /// <summary>Names of the attributes of a variable, or the global attributes when <paramref name="variable"/> is null.</summary>
    /// <param name="variable">Variable name, or null for global attributes.</param>
    /// <returns>Attribute names in creation order where tracked, name order otherwise.</returns>
    public IReadOnlyList<string> GetAttributeNames(string? variable = null) =>
        WithObject(variable, obj =>
        {
            IReadOnlyList<string> names;
            try
            {
                names = H5A.GetNames(obj, H5.INDEX_CRT_ORDER);
            }
            catch (Hdf5Exception)
            {
                names = H5A.GetNames(obj, H5.INDEX_NAME);
            }
            return (IReadOnlyList<string>)names.Where(n => !NetcdfNames.IsHidden(n)).ToArray();
        });

    /// <summary>Whether an attribute exists.</summary>
    /// <param name="variable">Variable name, or null for a global attribute.</param>
    /// <param name="name">Attribute name.</param>
    /// <returns>True when present.</returns>
    public bool HasAttribute(string? variable, string name) => WithObject(variable, obj => H5A.exists(obj, name));

    /// <summary>Reads an attribute: string, double, long, double[] or long[] (see the type remarks).</summary>
    /// <param name="variable">Variable name, or null for a global attribute.</param>
    /// <param name="name">Attribute name.</param>
    /// <returns>The value.</returns>
    public object ReadAttribute(string? variable, string name) =>
        WithObject(variable, obj =>
        {
            if (!H5A.exists(obj, name))
            {
                throw new KeyNotFoundException(
                    $"No attribute '{name}' on {(variable is null ? "the file" : $"variable '{variable}'")} in '{Path}'.");
            }
            return Hdf5Attribute.Read(obj, name);
        });

    /// <summary>Reads a text attribute.</summary>
    /// <param name="variable">Variable name, or null for a global attribute.</param>
    /// <param name="name">Attribute name.</param>
    /// <returns>The text.</returns>
    public string ReadStringAttribute(string? variable, string name) =>
        ReadAttribute(variable, name) as string ?? throw WrongType(variable, name, "text");

    /// <summary>Reads a one-value numeric attribute as double.</summary>
    /// <param name="variable">Variable name, or null for a global attribute.</param>
    /// <param name="name">Attribute name.</param>
    /// <returns>The value.</returns>
    public double ReadDoubleAttribute(string? variable, string name) =>
        ReadAttribute(variable, name) switch
        {
            double d => d,
            long l => l,
            _ => throw WrongType(variable, name, "a single number"),
        };

    /// <summary>Reads a one-value integer attribute.</summary>
    /// <param name="variable">Variable name, or null for a global attribute.</param>
    /// <param name="name">Attribute name.</param>
    /// <returns>The value.</returns>
    public long ReadInt64Attribute(string? variable, string name) =>
        ReadAttribute(variable, name) as long? ?? throw WrongType(variable, name, "a single integer");

    /// <summary>Reads a numeric attribute of any length as double[].</summary>
    /// <param name="variable">Variable name, or null for a global attribute.</param>
    /// <param name="name">Attribute name.</param>
    /// <returns>The values.</returns>
    public double[] ReadDoubleArrayAttribute(string? variable, string name) =>
        ReadAttribute(variable, name) switch
        {
            double d => [d],
            double[] ds => ds,
            long l => [l],
            long[] ls => ls.Select(x => (double)x).ToArray(),
            _ => throw WrongType(variable, name, "numbers"),
        };

    /// <summary>Reads a whole variable as doubles, row-major, with its current shape.</summary>
    /// <param name="name">Variable name.</param>
    /// <returns>Values and shape.</returns>
    public NetcdfArray ReadVariable(string name)
    {
        var info = GetVariable(name);
        var count = info.Shape.Aggregate(1L, (product, n) => product * n);
        var values = new double[count];
        Guard(() =>
        {
            var dataset = H5D.open(_file, "/" + name, H5P.DEFAULT);
            try
            {
                if (count > 0)
                {
                    fixed (double* p = values)
                    {
                        H5D.read(dataset, H5T.NATIVE_DOUBLE, H5S.ALL, H5S.ALL, H5P.DEFAULT, p);
                    }
                }
            }
            finally
            {
                H5D.close(dataset);
            }
            return 0;
        });
        return new NetcdfArray(values, info.Shape);
    }

    /// <summary>Reads record <paramref name="record"/> of a variable whose first dimension is UNLIMITED.</summary>
    /// <param name="name">Variable name.</param>
    /// <param name="record">Zero-based record index.</param>
    /// <returns>The record's values, row-major over the remaining dimensions.</returns>
    public double[] ReadRecord(string name, int record) => ReadRecords(name, record, 1);

    /// <summary>
    /// Reads records [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) of a
    /// variable whose first dimension is UNLIMITED, e.g. the first <c>records_written</c> records of a
    /// file whose run was killed.
    /// </summary>
    /// <param name="name">Variable name.</param>
    /// <param name="first">Zero-based first record.</param>
    /// <param name="count">Number of records (0 gives an empty array).</param>
    /// <returns>The records' values, row-major (time slowest).</returns>
    public double[] ReadRecords(string name, int first, int count)
    {
        var record = first;
        var info = GetVariable(name);
        var unlimited = info.Dimensions.Count > 0
            && _dimensions.FirstOrDefault(d => d.Name == info.Dimensions[0])?.IsUnlimited == true;
        if (!unlimited)
        {
            throw new ArgumentException($"Variable '{name}' does not start with an UNLIMITED dimension, so it has no records.", nameof(name));
        }
        if (record < 0 || count < 0 || (long)record + count > info.Shape[0] || (count == 0 && record > info.Shape[0]))
        {
            throw new ArgumentOutOfRangeException(
                count == 1 ? "record" : nameof(count), record, $"Variable '{name}' has {info.Shape[0]} records; asked for {count} from {record}.");
        }
        var rank = info.Shape.Count;
        var start = new ulong[rank];
        var counts = new ulong[rank];
        start[0] = (ulong)record;
        counts[0] = (ulong)count;
        for (var i = 1; i < rank; i++)
        {
            counts[i] = (ulong)info.Shape[i];
        }
        var values = new double[count * info.Shape.Skip(1).Aggregate(1L, (product, n) => product * n)];
        if (values.Length == 0)
        {
            return values;
        }
        Guard(() =>
        {
            var dataset = H5D.open(_file, "/" + name, H5P.DEFAULT);
            var fileSpace = H5D.get_space(dataset);
            var memSpace = H5S.create_simple(rank, counts, null);
            try
            {
                H5S.select_hyperslab(fileSpace, H5S.SELECT_SET, start, null, counts, null);
                fixed (double* p = values)
                {
                    H5D.read(dataset, H5T.NATIVE_DOUBLE, memSpace, fileSpace, H5P.DEFAULT, p);
                }
            }
            finally
            {
                H5S.close(memSpace);
                H5S.close(fileSpace);
                H5D.close(dataset);
            }
            return 0;
        });
        return values;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        if (_file > 0)
        {
            var file = _file;
            _file = -1;
            H5F.close(file);
        }
    }

    private void Scan(long group, string prefix)
    {
        H5G.get_info(group, out var info);
        var plist = H5G.get_create_plist(group);
        uint order;
        try
        {
            H5P.get_link_creation_order(plist, out order);
        }
        finally
        {
            H5P.close(plist);
        }
        var index = (order & H5P.CRT_ORDER_TRACKED) != 0 ? H5.INDEX_CRT_ORDER : H5.INDEX_NAME;
        var subgroups = new List<string>();
        for (ulong i = 0; i < info.nlinks; i++)
        {
            var name = H5L.get_name_by_idx(group, ".", index, H5.ITER_INC, i, H5P.DEFAULT);
            var obj = H5O.open(group, name, H5P.DEFAULT);
            try
            {
                switch (H5I.get_type(obj))
                {
                    case H5I.GROUP:
                        subgroups.Add(name);
                        break;
                    case H5I.DATASET:
                        AddDataset(obj, prefix + name);
                        break;
                }
            }
            finally
            {
                H5O.close(obj);
            }
        }
        foreach (var name in subgroups)
        {
            var child = H5G.open(group, name, H5P.DEFAULT);
            try
            {
                Scan(child, prefix + name + "/");
            }
            finally
            {
                H5G.close(child);
            }
        }
    }

    private void AddDataset(long dataset, string name)
    {
        var space = H5D.get_space(dataset);
        ulong[] dims, maxdims;
        try
        {
            var rank = H5S.get_simple_extent_ndims(space);
            dims = new ulong[rank];
            maxdims = new ulong[rank];
            if (rank > 0)
            {
                H5S.get_simple_extent_dims(space, dims, maxdims);
            }
        }
        finally
        {
            H5S.close(space);
        }
        var isScale = H5DS.is_scale(dataset);
        if (isScale && dims.Length == 1)
        {
            var scaleName = H5DS.get_scale_name(dataset);
            var dimensionOnly = scaleName?.StartsWith(NetcdfNames.DimensionWithoutVariable, StringComparison.Ordinal) == true;
            _dimensions.Add(new NetcdfDimensionInfo(name, (long)dims[0], maxdims[0] == H5S.UNLIMITED, !dimensionOnly));
            if (dimensionOnly)
            {
                return;
            }
            _variables.Add(new NetcdfVariableInfo(name, [name], [(long)dims[0]]));
            return;
        }
        var names = new string[dims.Length];
        for (var i = 0; i < dims.Length; i++)
        {
            var paths = H5DS.GetAttachedScalePaths(dataset, (uint)i);
            names[i] = paths.Count > 0 ? paths[0].TrimStart('/') : $"phony_dim_{i}";
        }
        _variables.Add(new NetcdfVariableInfo(name, names, dims.Select(d => (long)d).ToArray()));
    }

    private T WithObject<T>(string? variable, Func<long, T> action)
    {
        if (variable is not null)
        {
            GetVariable(variable);
        }
        return Guard(() =>
        {
            var obj = variable is null ? H5G.open(_file, "/", H5P.DEFAULT) : H5D.open(_file, "/" + variable, H5P.DEFAULT);
            try
            {
                return action(obj);
            }
            finally
            {
                if (variable is null)
                {
                    H5G.close(obj);
                }
                else
                {
                    H5D.close(obj);
                }
            }
        });
    }

    private T Guard<T>(Func<T> action)
    {
        ObjectDisposedException.ThrowIf(_file < 0, this);
        try
        {
            return action();
        }
        catch (Hdf5Exception e) when (e.FilePath is null)
        {
            throw e.ForFile(Path);
        }
    }

    private InvalidDataException WrongType(string? variable, string name, string expected) =>
        new($"Attribute '{name}' on {(variable is null ? "the file" : $"variable '{variable}'")} in '{Path}' is not {expected}.");
}
