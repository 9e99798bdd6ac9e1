namespace ClimateAD.IO.Netcdf;

/// <summary>
/// Chooses HDF5 chunk shapes. Time-dependent variables group whole records along time until a chunk
/// holds about <see cref="NetcdfWriterOptions.TargetChunkBytes"/> (capped at
/// <see cref="NetcdfWriterOptions.MaxRecordsPerChunk"/> records); any chunk above
/// <see cref="NetcdfWriterOptions.MaxChunkBytes"/> is halved along its largest non-time dimension until it fits.
/// </summary>
internal static class NetcdfChunking
{
    private const int BytesPerValue = sizeof(double);

    /// <summary>Chunk shape (time first) for a variable whose record has shape <paramref name="recordShape"/>.</summary>
    public static ulong[] ForRecordVariable(IReadOnlyList<ulong> recordShape, NetcdfWriterOptions options)
    {
        var recordBytes = (double)BytesPerValue;
        foreach (var n in recordShape)
        {
            recordBytes *= n;
        }
        var records = (ulong)Math.Clamp(Math.Floor(options.TargetChunkBytes / recordBytes), 1, options.MaxRecordsPerChunk);
        var chunk = new ulong[recordShape.Count + 1];
        chunk[0] = records;
        for (var i = 0; i < recordShape.Count; i++)
        {
            chunk[i + 1] = recordShape[i];
        }
        Shrink(chunk, firstSplittable: 1, options.MaxChunkBytes);
        return chunk;
    }

    /// <summary>Chunk shape for a fixed-shape variable: the whole array, split until it fits.</summary>
    public static ulong[] ForStaticVariable(IReadOnlyList<ulong> shape, NetcdfWriterOptions options)
    {
        var chunk = shape.ToArray();
        Shrink(chunk, firstSplittable: 0, options.MaxChunkBytes);
        return chunk;
    }

    private static void Shrink(ulong[] chunk, int firstSplittable, int maxBytes)
    {
        while (Bytes(chunk) > (ulong)maxBytes)
        {
            var largest = -1;
            for (var i = firstSplittable; i < chunk.Length; i++)
            {
                if (chunk[i] > 1 && (largest < 0 || chunk[i] > chunk[largest]))
                {
                    largest = i;
                }
            }
            if (largest < 0)
            {
                return;
            }
            chunk[largest] = (chunk[largest] + 1) / 2;
        }
    }

    private static ulong Bytes(ulong[] chunk)
    {
        ulong bytes = BytesPerValue;
        foreach (var n in chunk)
        {
            bytes *= n;
        }
        return bytes;
    }
}
