namespace ClimateAD.IO.Netcdf;

/// <summary>
/// Storage and durability settings of <see cref="NetcdfWriter"/>: compression (HDF5 shuffle + deflate
/// filters, as netCDF-4 <c>nc_def_var_deflate</c>), chunk sizing and flush interval.
/// </summary>
public sealed record NetcdfWriterOptions
{
    /// <summary>Deflate (zlib) level 0–9; 0 turns compression off. Default 4.</summary>
    public int DeflateLevel { get; init; } = 4;

    /// <summary>Apply the byte-shuffle filter before deflate (usually 1.5–3× better on doubles). Default true.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>
    /// Flush to disk whenever the record count reaches a multiple of this; null for no record-count
    /// trigger. Default 50. Record chunks are shortened along time to a divisor of it
    /// (<see cref="NetcdfChunking.AlignToFlushes"/>).
    /// </summary>
    public int? FlushEveryRecords { get; init; } = 50;

    /// <summary>Flush to disk at the first record end this long after the last flush; null for no time trigger. Default 5 s.</summary>
    public TimeSpan? FlushInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Target chunk size in bytes for time-dependent variables: small records are grouped along time
    /// until a chunk reaches about this size (at most <see cref="MaxRecordsPerChunk"/> records). Default 256 KiB.
    /// </summary>
    public int TargetChunkBytes { get; init; } = 256 * 1024;

    /// <summary>Upper limit of a chunk in bytes; larger record slabs are split along their largest dimensions. Default 1 MiB
    /// (HDF5's default per-dataset chunk cache).</summary>
    public int MaxChunkBytes { get; init; } = 1024 * 1024;

    /// <summary>Most records per chunk along time (a 1-D time series of doubles gets 1024 × 8 B = 8 KiB chunks). Default 1024.</summary>
    public int MaxRecordsPerChunk { get; init; } = 1024;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (DeflateLevel is < 0 or > 9)
        {
            throw new ArgumentException($"DeflateLevel is {DeflateLevel}; use 0 (off) to 9.");
        }
        if (FlushEveryRecords is < 1)
        {
            throw new ArgumentException($"FlushEveryRecords is {FlushEveryRecords}; use at least 1, or null to flush only by time.");
        }
        if (FlushInterval is { } interval && interval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"FlushInterval is {interval}; use a positive interval, or null to flush only by record count.");
        }
        if (TargetChunkBytes < 8 || MaxChunkBytes < TargetChunkBytes)
        {
            throw new ArgumentException(
                $"Chunk sizes are target {TargetChunkBytes} B, max {MaxChunkBytes} B; need 8 ≤ target ≤ max.");
        }
        if (MaxRecordsPerChunk < 1)
        {
            throw new ArgumentException($"MaxRecordsPerChunk is {MaxRecordsPerChunk}; use at least 1.");
        }
    }
}
