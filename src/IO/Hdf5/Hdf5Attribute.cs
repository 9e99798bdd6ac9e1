using System.Text;

namespace ClimateAD.IO.Hdf5;

/// <summary>
/// Writes and reads attributes in the encodings netCDF-4 uses: text as a scalar fixed-length string
/// sized to its UTF-8 bytes (<c>NC_CHAR</c>), doubles as <c>NC_DOUBLE</c> arrays, integers as
/// <c>NC_INT</c> or <c>NC_INT64</c> arrays.
/// </summary>
internal static unsafe class Hdf5Attribute
{
    /// <summary>Writes (or replaces) attribute <paramref name="name"/> on <paramref name="obj"/>.</summary>
    /// <param name="obj">File, group or dataset id.</param>
    /// <param name="name">Attribute name.</param>
    /// <param name="value">string, double, float, int, long, double[], int[] or long[].</param>
    public static void Write(long obj, string name, object value)
    {
        lock (Hdf5Library.SyncRoot)
        {
            if (H5A.exists(obj, name))
            {
                H5A.delete(obj, name);
            }
            switch (value)
            {
                case string text:
                    WriteString(obj, name, text);
                    break;
                case double d:
                    WriteNumbers<double>(obj, name, [d], H5T.IEEE_F64LE, H5T.NATIVE_DOUBLE);
                    break;
                case float f:
                    WriteNumbers<double>(obj, name, [f], H5T.IEEE_F64LE, H5T.NATIVE_DOUBLE);
                    break;
                case int i:
                    WriteNumbers<int>(obj, name, [i], H5T.STD_I32LE, H5T.NATIVE_INT);
                    break;
                case long l:
                    WriteNumbers<long>(obj, name, [l], H5T.STD_I64LE, H5T.NATIVE_LLONG);
                    break;
                case double[] ds:
                    WriteNumbers<double>(obj, name, ds, H5T.IEEE_F64LE, H5T.NATIVE_DOUBLE);
                    break;
                case int[] ints:
                    WriteNumbers<int>(obj, name, ints, H5T.STD_I32LE, H5T.NATIVE_INT);
                    break;
                case long[] longs:
                    WriteNumbers<long>(obj, name, longs, H5T.STD_I64LE, H5T.NATIVE_LLONG);
                    break;
                default:
                    throw new ArgumentException(
                        $"Attribute '{name}' has unsupported type {value.GetType().Name}; use string, double, int, long, double[], int[] or long[].",
                        nameof(value));
            }
        }
    }

    /// <summary>Overwrites an existing 64-bit integer attribute in place (no delete/recreate).</summary>
    public static void Overwrite(long obj, string name, long value)
    {
        lock (Hdf5Library.SyncRoot)
        {
            var attribute = H5A.open(obj, name, H5P.DEFAULT);
            try
            {
                H5A.write(attribute, H5T.NATIVE_LLONG, &value);
            }
            finally
            {
                H5A.close(attribute);
            }
        }
    }

    /// <summary>
    /// Reads an attribute: text as string, floating point as double (one value) or double[], integers
    /// as long (one value) or long[].
    /// </summary>
    public static object Read(long obj, string name)
    {
        lock (Hdf5Library.SyncRoot)
        {
            var attribute = H5A.open(obj, name, H5P.DEFAULT);
            var type = H5A.get_type(attribute);
            var space = H5A.get_space(attribute);
            try
            {
                var count = checked((int)H5S.get_simple_extent_npoints(space));
                switch (H5T.get_class(type))
                {
                    case H5T.STRING:
                        return ReadString(attribute, type, count);
                    case H5T.FLOAT:
                        {
                            var values = new double[count];
                            fixed (double* p = values)
                            {
                                if (count > 0)
                                {
                                    H5A.read(attribute, H5T.NATIVE_DOUBLE, p);
                                }
                            }
                            return count == 1 ? values[0] : values;
                        }
                    case H5T.INTEGER:
                        {
                            var values = new long[count];
                            fixed (long* p = values)
                            {
                                if (count > 0)
                                {
                                    H5A.read(attribute, H5T.NATIVE_LLONG, p);
                                }
                            }
                            return count == 1 ? values[0] : values;
                        }
                    default:
                        throw new InvalidDataException(
                            $"Attribute '{name}' has an HDF5 type class ({H5T.get_class(type)}) that is not text, float or integer.");
                }
            }
            finally
            {
                H5S.close(space);
                H5T.close(type);
                H5A.close(attribute);
            }
        }
    }

    private static void WriteString(long obj, string name, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var type = H5T.copy(H5T.C_S1);
        var space = H5S.create(H5S.SCALAR);
        try
        {
            // netCDF-C stores NC_CHAR attributes exactly so: size = text length, NULLTERM padding.
            H5T.set_size(type, (nuint)Math.Max(bytes.Length, 1));
            H5T.set_strpad(type, H5T.STR_NULLTERM);
            H5T.set_cset(type, bytes.Length == text.Length ? H5T.CSET_ASCII : H5T.CSET_UTF8);
            var attribute = H5A.create(obj, name, type, space, H5P.DEFAULT, H5P.DEFAULT);
            try
            {
                var buffer = bytes.Length == 0 ? new byte[1] : bytes;
                fixed (byte* p = buffer)
                {
                    H5A.write(attribute, type, p);
                }
            }
            finally
            {
                H5A.close(attribute);
            }
        }
        finally
        {
            H5S.close(space);
            H5T.close(type);
        }
    }

    private static void WriteNumbers<T>(long obj, string name, T[] values, long fileType, long memType)
        where T : unmanaged
    {
        if (values.Length == 0)
        {
            throw new ArgumentException($"Attribute '{name}' is an empty array; netCDF attributes hold at least one value.");
        }
        var space = H5S.create_simple(1, [(ulong)values.Length], null);
        try
        {
            var attribute = H5A.create(obj, name, fileType, space, H5P.DEFAULT, H5P.DEFAULT);
            try
            {
                fixed (T* p = values)
                {
                    H5A.write(attribute, memType, p);
                }
            }
            finally
            {
                H5A.close(attribute);
            }
        }
        finally
        {
            H5S.close(space);
        }
    }

    private static string ReadString(long attribute, long fileType, int count)
    {
        if (count == 0)
        {
            return "";
        }
        if (H5T.is_variable_str(fileType))
        {
            var pointers = new nint[count];
            fixed (nint* p = pointers)
            {
                H5A.read(attribute, fileType, p);
            }
            var parts = new string[count];
            for (var i = 0; i < count; i++)
            {
                parts[i] = System.Runtime.InteropServices.Marshal.PtrToStringUTF8(pointers[i]) ?? "";
                H5.free_memory(pointers[i]);
            }
            return string.Join("\n", parts);
        }
        var size = checked((int)H5T.get_size(fileType));
        var buffer = new byte[size * count];
        fixed (byte* p = buffer)
        {
            H5A.read(attribute, fileType, p);
        }
        var texts = new string[count];
        for (var i = 0; i < count; i++)
        {
            var span = buffer.AsSpan(i * size, size);
            var end = span.IndexOf((byte)0);
            texts[i] = Encoding.UTF8.GetString(end < 0 ? span : span[..end]);
        }
        return string.Join("\n", texts);
    }
}
