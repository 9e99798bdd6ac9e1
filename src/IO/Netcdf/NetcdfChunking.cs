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

    /// <summary>Shortest time length <see cref="AlignToFlushes"/> shortens a chunk to.</summary>
    private const ulong MinAlignedRecords = 8;

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

    /// <summary>
    /// Shortens the time length of a record chunk to the largest divisor of
    /// <see cref="NetcdfWriterOptions.FlushEveryRecords"/> not above it, so that flushes by record
    /// count fall on chunk boundaries and <see cref="NetcdfWriter"/> writes every chunk once, complete
    /// and compressed. Left as it is when there is no record-count flush or when the divisor would be
    /// below 8 records (and smaller than the chunk): then partial chunks are stored unfiltered instead.
    /// </summary>
    public static ulong[] AlignToFlushes(ulong[] chunk, NetcdfWriterOptions options)
    {
        if (options.FlushEveryRecords is not { } every || chunk[0] <= 1)
        {
            return chunk;
        }
        var divisor = 1UL;
        for (var d = Math.Min(chunk[0], (ulong)every); d >= 1; d--)
        {
            if ((ulong)every % d == 0)
            {
                divisor = d;
                break;
            }
        }
        if (divisor < chunk[0] && divisor < MinAlignedRecords)
        {
            return chunk;
        }
        var aligned = (ulong[])chunk.Clone();
        aligned[0] = divisor;
        return aligned;
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
