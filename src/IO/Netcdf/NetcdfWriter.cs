using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.InteropServices;
using ClimateAD.IO.Hdf5;

namespace ClimateAD.IO.Netcdf;

/// <summary>
/// Writes a netCDF-4 file (HDF5 underneath) following the CF-1.8 conventions: one UNLIMITED time
/// dimension written record by record, fixed dimensions with coordinate variables, double-precision
/// variables that are chunked, shuffled and deflated, and HDF5 dimension scales attached so that
/// <c>ncdump</c> and <c>xarray</c> show the real dimension names.
/// </summary>
/// <remarks>
/// <para>Record protocol: <see cref="BeginRecord"/> (time value and optional bounds), then
/// <see cref="Write"/> once per time-dependent variable, then <see cref="EndRecord"/>. A variable not
/// written in a record holds its <c>_FillValue</c> there. Fixed variables are written once with
/// <see cref="WriteStatic"/>.</para>
/// <para>Crash safety: from creation the global attribute <c>run_status</c> is "incomplete". Records
/// are kept in memory and reach HDF5 only at a flush (every
/// <see cref="NetcdfWriterOptions.FlushEveryRecords"/> records, counted from the first record, or
/// <see cref="NetcdfWriterOptions.FlushInterval"/>, and on <see cref="Flush"/>), so between flushes
/// HDF5 holds nothing dirty and writes nothing. A flush commits in two steps: (1) the new records,
/// chunk indexes and extents go to the operating system (<c>H5Fflush</c>); (2) only then is
/// <c>records_written</c> updated and flushed. A process that dies therefore leaves a file that opens
/// and holds at least <c>records_written</c> valid records (the time dimension may be longer when it
/// died between the two steps; trust <c>records_written</c>).</para>
/// <para>What makes step (1) safe to interrupt: HDF5 never overwrites bytes that the index already on
/// disk points to, because no chunk is ever rewritten with a different size. A chunk that is
/// complete when first written goes through the filters (shuffle + deflate) and is written once. A
/// chunk that is still partial at a flush is stored unfiltered (<c>H5Dwrite_chunk</c> with every
/// filter skipped), so its size is fixed and later flushes rewrite it in place with more records; the
/// records it already held are rewritten with the same bytes. (A rewritten compressed chunk changes
/// size: HDF5 frees its old space and may hand that space to another chunk in the same flush while the
/// index on disk still points there; a process killed before the index is flushed then leaves a chunk
/// that fails to inflate. That was the failure this design removes.) To keep partial chunks rare,
/// the time length of record chunks divides <see cref="NetcdfWriterOptions.FlushEveryRecords"/>
/// (<see cref="NetcdfChunking.AlignToFlushes"/>), so only flushes by time or by <see cref="Flush"/>
/// leave unfiltered chunks.</para>
/// <para>Only <see cref="Complete"/> sets <c>run_status</c> to "complete". The file uses the earliest
/// HDF5 superblock format, which has no "open for writing" flag, so a crashed file needs no
/// <c>h5clear</c>. There is no fsync: a power loss may lose what the OS had not yet written.</para>
/// <para>Not thread-safe; calls into HDF5 are serialised process-wide by <see cref="Hdf5Library.SyncRoot"/>.</para>
/// </remarks>
public sealed unsafe class NetcdfWriter : IDisposable
{
    /// <summary>netCDF-C's default fill value for <c>NC_DOUBLE</c> (<c>NC_FILL_DOUBLE</c>).</summary>
    public const double DefaultFillValue = 9.9692099683868690e+36;

    private const uint CreationOrder = H5P.CRT_ORDER_TRACKED | H5P.CRT_ORDER_INDEXED;

    private readonly NetcdfSchema _schema;
    private readonly NetcdfWriterOptions _options;
    private readonly Dictionary<string, long> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _scales = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Slot> _variables = new(StringComparer.Ordinal);
    private readonly List<Slot> _recordSlots = [];
    private long _file = -1;
    private Slot? _time;
    private Slot? _bounds;
    private bool _inRecord;
    private double _lastTime = double.NegativeInfinity;
    private int _committed;
    private long _lastFlushTimestamp;

    private NetcdfWriter(string path, NetcdfSchema schema, NetcdfWriterOptions options)
    {
        Path = path;
        _schema = schema;
        _options = options;
    }

    /// <summary>Path of the file being written.</summary>
    public string Path { get; }

    /// <summary>Most bytes of records held in memory between flushes; beyond this a record end flushes early.</summary>
    public const long MaxBufferedBytes = 64L * 1024 * 1024;

    /// <summary>Number of completed records (calls to <see cref="EndRecord"/>).</summary>
    public int RecordCount { get; private set; }

    /// <summary>True after <see cref="Complete"/>; the file is closed and marked complete.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>
    /// Creates (overwriting) the file at <paramref name="path"/>, declares everything in
    /// <paramref name="schema"/>, writes the coordinate values, and flushes it, marked incomplete.
    /// </summary>
    /// <remarks>
    /// On Unix the file is built as <c>path + ".creating"</c> and renamed to <paramref name="path"/>
    /// after that first flush, so a process killed while creating it leaves no half-made file at
    /// <paramref name="path"/> (and an older file there stays until the rename).
    /// </remarks>
    /// <param name="path">File path; by convention ending in ".nc".</param>
    /// <param name="schema">Dimensions, variables and global attributes.</param>
    /// <param name="options">Compression, chunking and flush settings; null for the defaults.</param>
    /// <returns>The open writer.</returns>
    /// <exception cref="ArgumentException">The schema or options are invalid.</exception>
    /// <exception cref="Hdf5Exception">HDF5 could not create the file.</exception>
    /// <exception cref="Hdf5NotFoundException">The HDF5 library is not installed.</exception>
    public static NetcdfWriter Create(string path, NetcdfSchema schema, NetcdfWriterOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(schema);
        options ??= new NetcdfWriterOptions();
        schema.Validate();
        options.Validate();
        var writer = new NetcdfWriter(System.IO.Path.GetFullPath(path), schema, options);
        try
        {
            writer.Define();
            writer.Publish();
            return writer;
        }
        catch (Hdf5Exception e) when (e.FilePath is null)
        {
            writer.Abandon();
            throw e.ForFile(writer.Path);
        }
        catch
        {
            writer.Abandon();
            throw;
        }
    }

    /// <summary>Writes a variable that does not depend on time, whole, row-major (last dimension fastest).</summary>
    /// <param name="variable">Variable name as declared (e.g. "land_fraction" or "sensitivity/dJ_dtheta").</param>
    /// <param name="values">All values; length = product of its dimension lengths (1 for a scalar).</param>
    public void WriteStatic(string variable, ReadOnlySpan<double> values)
    {
        ThrowIfClosed();
        var slot = Find(variable);
        if (slot.IsRecord)
        {
            throw new InvalidOperationException(
                $"Variable '{variable}' depends on time; write it inside BeginRecord/EndRecord with Write.");
        }
        CheckLength(slot, values.Length);
        try
        {
            fixed (double* p = values)
            {
                H5D.write(slot.Dataset, H5T.NATIVE_DOUBLE, H5S.ALL, H5S.ALL, H5P.DEFAULT, p);
            }
        }
        catch (Hdf5Exception e) when (e.FilePath is null)
        {
            throw e.ForFile(Path);
        }
    }

    /// <summary>
    /// Starts record <see cref="RecordCount"/> at <paramref name="time"/> (in the time axis units),
    /// extending every time-dependent variable by one record.
    /// </summary>
    /// <param name="time">Time coordinate; strictly greater than the previous record's.</param>
    /// <param name="lowerBound">Start of the record's time cell (required when the axis has bounds).</param>
    /// <param name="upperBound">End of the record's time cell (required when the axis has bounds).</param>
    public void BeginRecord(double time, double? lowerBound = null, double? upperBound = null)
    {
        ThrowIfClosed();
        if (_time is null)
        {
            throw new InvalidOperationException("The schema has no time axis, so the file has no records.");
        }
        if (_inRecord)
        {
            throw new InvalidOperationException($"Record {RecordCount} is still open; call EndRecord first.");
        }
        if (!double.IsFinite(time) || time <= _lastTime)
        {
            throw new ArgumentException(
                $"Time {time} must be finite and greater than the previous record's time {_lastTime}.", nameof(time));
        }
        double[]? bounds = null;
        if (_bounds is not null)
        {
            if (lowerBound is not { } lo || upperBound is not { } hi)
            {
                throw new ArgumentException(
                    $"The time axis declares bounds '{_schema.Time!.BoundsName}'; pass lowerBound and upperBound.");
            }
            if (!double.IsFinite(lo) || !double.IsFinite(hi) || lo > hi)
            {
                throw new ArgumentException($"Time bounds [{lo}, {hi}] must be finite with lower ≤ upper.");
            }
            bounds = [lo, hi];
        }
        else if (lowerBound is not null || upperBound is not null)
        {
            throw new ArgumentException("The time axis has no bounds variable (NetcdfTimeAxis.BoundsName); do not pass bounds.");
        }
        foreach (var slot in _recordSlots)
        {
            slot.AddRecord(RecordCount);
            slot.Written = false;
        }
        _time.Store(RecordCount, [time]);
        if (bounds is not null)
        {
            _bounds!.Store(RecordCount, bounds);
        }
        _lastTime = time;
        _inRecord = true;
    }

    /// <summary>Writes the current record of a time-dependent variable.</summary>
    /// <param name="variable">Variable name as declared.</param>
    /// <param name="values">The record's values, row-major over the non-time dimensions.</param>
    public void Write(string variable, ReadOnlySpan<double> values)
    {
        ThrowIfClosed();
        var slot = Find(variable);
        if (!slot.IsRecord)
        {
            throw new InvalidOperationException($"Variable '{variable}' does not depend on time; write it with WriteStatic.");
        }
        if (!_inRecord)
        {
            throw new InvalidOperationException($"Write('{variable}') outside a record; call BeginRecord first.");
        }
        if (slot.Written)
        {
            throw new InvalidOperationException($"Variable '{variable}' was already written in record {RecordCount}.");
        }
        CheckLength(slot, values.Length);
        slot.Store(RecordCount, values);
        slot.Written = true;
    }

    /// <summary>Ends the current record and flushes when the record-count or time trigger is due.</summary>
    public void EndRecord()
    {
        ThrowIfClosed();
        if (!_inRecord)
        {
            throw new InvalidOperationException("EndRecord without BeginRecord.");
        }
        _inRecord = false;
        RecordCount++;
        var dueByCount = _options.FlushEveryRecords is { } n && RecordCount % n == 0;
        var dueByTime = _options.FlushInterval is { } interval && Stopwatch.GetElapsedTime(_lastFlushTimestamp) >= interval;
        var dueByMemory = _recordSlots.Sum(s => s.BufferedBytes(RecordCount)) > MaxBufferedBytes;
        if (dueByCount || dueByTime || dueByMemory)
        {
            Flush();
        }
    }

    /// <summary>
    /// Writes the records ended since the last flush, hands all data and metadata to the operating
    /// system (<c>H5Fflush</c>), then updates <c>records_written</c> and flushes again. Call between records.
    /// </summary>
    public void Flush()
    {
        ThrowIfClosed();
        if (_inRecord)
        {
            throw new InvalidOperationException($"Flush inside record {RecordCount}; call it between EndRecord and BeginRecord.");
        }
        try
        {
            FlushCore();
        }
        catch (Hdf5Exception e) when (e.FilePath is null)
        {
            throw e.ForFile(Path);
        }
    }

    /// <summary>Adds or replaces a global attribute (e.g. wall-clock time, final diagnostics).</summary>
    /// <param name="name">Attribute name; not <c>run_status</c> or <c>records_written</c>, which the writer manages.</param>
    /// <param name="value">string, double, int, long, double[], int[] or long[].</param>
    public void SetGlobalAttribute(string name, object value)
    {
        ThrowIfClosed();
        NetcdfNames.ValidateAttribute(name);
        ArgumentNullException.ThrowIfNull(value);
        NetcdfAttribute.ValidateValue(name, value);
        if (name is NetcdfNames.RunStatus or NetcdfNames.RecordsWritten)
        {
            throw new ArgumentException($"Global attribute '{name}' is managed by the writer.", nameof(name));
        }
        try
        {
            Hdf5Attribute.Write(_file, name, value);
        }
        catch (Hdf5Exception e) when (e.FilePath is null)
        {
            throw e.ForFile(Path);
        }
    }

    /// <summary>Marks the file complete (<c>run_status = "complete"</c>), flushes and closes it.</summary>
    public void Complete()
    {
        ThrowIfClosed();
        if (_inRecord)
        {
            throw new InvalidOperationException($"Record {RecordCount} is still open; call EndRecord before Complete.");
        }
        try
        {
            FlushCore(final: true);
            Hdf5Attribute.Write(_file, NetcdfNames.RunStatus, "complete");
            H5F.flush(_file, H5F.SCOPE_LOCAL);
        }
        catch (Hdf5Exception e) when (e.FilePath is null)
        {
            throw e.ForFile(Path);
        }
        IsComplete = true;
        CloseHandles();
    }

    /// <summary>
    /// Closes the file if <see cref="Complete"/> was not called: drops a half-written record, flushes,
    /// and leaves <c>run_status = "incomplete"</c>.
    /// </summary>
    public void Dispose()
    {
        if (_file < 0)
        {
            return;
        }
        try
        {
            _inRecord = false; // a half-written record lives only in memory: dropped
            FlushCore(final: true);
        }
        catch (Hdf5Exception e) when (e.FilePath is null)
        {
            throw e.ForFile(Path);
        }
        finally
        {
            CloseHandles();
        }
    }

    /// <summary>Where the file is built before <see cref="Publish"/> renames it to <see cref="Path"/>.</summary>
    private string CreationPath => OperatingSystem.IsWindows() ? Path : Path + ".creating";

    /// <summary>Renames the created and flushed file to its path (the open HDF5 handle follows the rename).</summary>
    private void Publish()
    {
        if (CreationPath != Path)
        {
            File.Move(CreationPath, Path, overwrite: true);
        }
    }

    private void Define()
    {
        var fcpl = H5P.create(H5P.FILE_CREATE);
        try
        {
            H5P.set_link_creation_order(fcpl, CreationOrder);
            H5P.set_attr_creation_order(fcpl, CreationOrder);
            try
            {
                _file = H5F.create(CreationPath, H5F.ACC_TRUNC, fcpl, H5P.DEFAULT);
            }
            catch (Hdf5Exception e)
            {
                throw e.ForFile(Path); // report the path the caller asked for
            }
        }
        finally
        {
            H5P.close(fcpl);
        }

        if (!_schema.GlobalAttributes.Any(a => a.Name == "Conventions"))
        {
            Hdf5Attribute.Write(_file, "Conventions", "CF-1.8");
        }
        foreach (var attribute in _schema.GlobalAttributes)
        {
            if (attribute.Name is NetcdfNames.RunStatus or NetcdfNames.RecordsWritten)
            {
                throw new ArgumentException($"Global attribute '{attribute.Name}' is managed by the writer.");
            }
            Hdf5Attribute.Write(_file, attribute.Name, attribute.Value);
        }
        Hdf5Attribute.Write(_file, NetcdfNames.RunStatus, "incomplete");
        Hdf5Attribute.Write(_file, NetcdfNames.RecordsWritten, 0L);

        if (_schema.Time is { } time)
        {
            DefineTime(time);
        }
        foreach (var dimension in _schema.Dimensions)
        {
            DefineDimension(dimension);
        }
        if (_schema.Time?.BoundsName is { } boundsName)
        {
            DefineBounds(_schema.Time, boundsName);
        }
        foreach (var variable in _schema.Variables)
        {
            DefineVariable(variable);
        }
        _lastFlushTimestamp = Stopwatch.GetTimestamp();
        FlushCore();
    }

    private void DefineTime(NetcdfTimeAxis time)
    {
        var chunk = NetcdfChunking.AlignToFlushes(NetcdfChunking.ForRecordVariable([], _options), _options);
        var dataset = CreateDataset(_file, time.Name, [0], [H5S.UNLIMITED], chunk, DefaultFillValue);
        Hdf5Attribute.Write(dataset, "units", time.Units);
        Hdf5Attribute.Write(dataset, "calendar", time.Calendar);
        Hdf5Attribute.Write(dataset, "long_name", time.LongName);
        Hdf5Attribute.Write(dataset, "standard_name", time.StandardName);
        Hdf5Attribute.Write(dataset, "axis", "T");
        if (time.BoundsName is { } bounds)
        {
            Hdf5Attribute.Write(dataset, "bounds", bounds);
        }
        foreach (var attribute in time.Attributes)
        {
            Hdf5Attribute.Write(dataset, attribute.Name, attribute.Value);
        }
        H5DS.set_scale(dataset, time.Name);
        _scales[time.Name] = dataset;
        _time = new Slot(time.Name, dataset, isRecord: true, [], chunk[0], DefaultFillValue, FilterMask);
        _recordSlots.Add(_time);
    }

    private void DefineDimension(NetcdfDimension dimension)
    {
        var length = (ulong)dimension.Length;
        if (dimension.Values is null)
        {
            _scales[dimension.Name] = CreateDimensionOnly(dimension.Name, length);
            return;
        }
        var dataset = CreateDataset(_file, dimension.Name, [length], null, chunk: null, DefaultFillValue);
        WriteAttributeIfSet(dataset, "units", dimension.Units);
        WriteAttributeIfSet(dataset, "long_name", dimension.LongName);
        WriteAttributeIfSet(dataset, "standard_name", dimension.StandardName);
        WriteAttributeIfSet(dataset, "axis", dimension.Axis);
        foreach (var attribute in dimension.Attributes)
        {
            Hdf5Attribute.Write(dataset, attribute.Name, attribute.Value);
        }
        var values = dimension.Values.ToArray();
        fixed (double* p = values)
        {
            H5D.write(dataset, H5T.NATIVE_DOUBLE, H5S.ALL, H5S.ALL, H5P.DEFAULT, p);
        }
        H5DS.set_scale(dataset, dimension.Name);
        _scales[dimension.Name] = dataset;
    }

    private void DefineBounds(NetcdfTimeAxis time, string boundsName)
    {
        if (!_scales.ContainsKey(time.BoundsDimension))
        {
            _scales[time.BoundsDimension] = CreateDimensionOnly(time.BoundsDimension, 2);
        }
        var chunk = NetcdfChunking.AlignToFlushes(NetcdfChunking.ForRecordVariable([2UL], _options), _options);
        var dataset = CreateDataset(_file, boundsName, [0, 2], [H5S.UNLIMITED, 2], chunk, DefaultFillValue);
        H5DS.attach_scale(dataset, _scales[time.Name], 0);
        H5DS.attach_scale(dataset, _scales[time.BoundsDimension], 1);
        _bounds = new Slot(boundsName, dataset, isRecord: true, [2], chunk[0], DefaultFillValue, FilterMask);
        _recordSlots.Add(_bounds);
    }

    private void DefineVariable(NetcdfVariable variable)
    {
        var parts = variable.Name.Split('/');
        var location = parts.Length == 1 ? _file : Group(parts[0]);
        var timeName = _schema.Time?.Name;
        var isRecord = variable.Dimensions.Count > 0 && variable.Dimensions[0] == timeName;
        var shape = variable.Dimensions.Select(DimensionLength).ToArray();
        var fill = variable.FillValue ?? DefaultFillValue;
        long dataset;
        ulong[] recordShape;
        ulong chunkRecords = 0;
        if (isRecord)
        {
            recordShape = shape[1..];
            var chunk = NetcdfChunking.AlignToFlushes(NetcdfChunking.ForRecordVariable(recordShape, _options), _options);
            chunkRecords = chunk[0];
            if (chunkRecords > 1 && !chunk.AsSpan(1).SequenceEqual(recordShape))
            {
                throw new InvalidOperationException(
                    $"Variable '{variable.Name}': a chunk of {chunkRecords} records must hold whole records (chunk {string.Join(" × ", chunk)}).");
            }
            var maxdims = (ulong[])shape.Clone();
            maxdims[0] = H5S.UNLIMITED;
            dataset = CreateDataset(location, parts[^1], shape, maxdims, chunk, fill);
        }
        else
        {
            recordShape = shape;
            var chunk = shape.Length == 0 ? null : NetcdfChunking.ForStaticVariable(shape, _options);
            dataset = CreateDataset(location, parts[^1], shape, null, chunk, fill);
        }
        var slot = new Slot(variable.Name, dataset, isRecord, recordShape, chunkRecords, fill, FilterMask);
        _variables[variable.Name] = slot;
        if (isRecord)
        {
            _recordSlots.Add(slot);
        }
        Hdf5Attribute.Write(dataset, "units", variable.Units);
        Hdf5Attribute.Write(dataset, "long_name", variable.LongName);
        WriteAttributeIfSet(dataset, "standard_name", variable.StandardName);
        if (variable.FillValue is { } fillValue)
        {
            Hdf5Attribute.Write(dataset, "_FillValue", fillValue);
        }
        foreach (var attribute in variable.Attributes)
        {
            if (attribute.Name is "units" or "long_name" or "standard_name" or "_FillValue")
            {
                throw new ArgumentException(
                    $"Variable '{variable.Name}' sets '{attribute.Name}' in Attributes; use the NetcdfVariable property instead.");
            }
            Hdf5Attribute.Write(dataset, attribute.Name, attribute.Value);
        }
        for (var i = 0; i < variable.Dimensions.Count; i++)
        {
            H5DS.attach_scale(dataset, _scales[variable.Dimensions[i]], (uint)i);
        }
    }

    private ulong DimensionLength(string name)
    {
        if (name == _schema.Time?.Name)
        {
            return 0;
        }
        if (_schema.Time is { BoundsName: not null } time && name == time.BoundsDimension
            && _schema.Dimensions.All(d => d.Name != name))
        {
            return 2;
        }
        return (ulong)_schema.Dimensions.First(d => d.Name == name).Length;
    }

    private long Group(string name)
    {
        if (_groups.TryGetValue(name, out var group))
        {
            return group;
        }
        var gcpl = H5P.create(H5P.GROUP_CREATE);
        try
        {
            H5P.set_link_creation_order(gcpl, CreationOrder);
            H5P.set_attr_creation_order(gcpl, CreationOrder);
            H5P.set_obj_track_times(gcpl, false);
            group = H5G.create(_file, name, H5P.DEFAULT, gcpl, H5P.DEFAULT);
        }
        finally
        {
            H5P.close(gcpl);
        }
        _groups[name] = group;
        return group;
    }

    private long CreateDimensionOnly(string name, ulong length)
    {
        var dcpl = H5P.create(H5P.DATASET_CREATE);
        var space = H5S.create_simple(1, [length], null);
        try
        {
            H5P.set_obj_track_times(dcpl, false);
            var dataset = H5D.create(_file, name, H5T.IEEE_F32BE, space, H5P.DEFAULT, dcpl, H5P.DEFAULT);
            H5DS.set_scale(dataset, $"{NetcdfNames.DimensionWithoutVariable}{length,10}");
            return dataset;
        }
        finally
        {
            H5S.close(space);
            H5P.close(dcpl);
        }
    }

    private long CreateDataset(long location, string name, ulong[] shape, ulong[]? maxdims, ulong[]? chunk, double fill)
    {
        var dcpl = H5P.create(H5P.DATASET_CREATE);
        var space = shape.Length == 0 ? H5S.create(H5S.SCALAR) : H5S.create_simple(shape.Length, shape, maxdims);
        try
        {
            H5P.set_attr_creation_order(dcpl, CreationOrder);
            H5P.set_obj_track_times(dcpl, false);
            if (chunk is not null)
            {
                H5P.set_chunk(dcpl, chunk.Length, chunk);
                if (_options.DeflateLevel > 0)
                {
                    if (_options.Shuffle)
                    {
                        H5P.set_shuffle(dcpl);
                    }
                    H5P.set_deflate(dcpl, (uint)_options.DeflateLevel);
                }
            }
            H5P.set_fill_value(dcpl, H5T.NATIVE_DOUBLE, &fill);
            return H5D.create(location, name, H5T.IEEE_F64LE, space, H5P.DEFAULT, dcpl, H5P.DEFAULT);
        }
        finally
        {
            H5S.close(space);
            H5P.close(dcpl);
        }
    }

    private static void WriteAttributeIfSet(long obj, string name, string? value)
    {
        if (value is not null)
        {
            Hdf5Attribute.Write(obj, name, value);
        }
    }

    /// <summary>Filters skipped in a chunk stored unfiltered: every filter of the pipeline (shuffle, deflate).</summary>
    private uint FilterMask => _options.DeflateLevel > 0 ? (_options.Shuffle ? 0b11u : 0b1u) : 0u;

    private void FlushCore(bool final = false)
    {
        if (RecordCount > _committed)
        {
            foreach (var slot in _recordSlots)
            {
                WriteRecords(slot, _committed, RecordCount, final);
            }
            // Step 1: records, chunk indexes and extents reach the OS before records_written says so.
            H5F.flush(_file, H5F.SCOPE_LOCAL);
        }
        // Step 2: commit.
        Hdf5Attribute.Overwrite(_file, NetcdfNames.RecordsWritten, RecordCount);
        H5F.flush(_file, H5F.SCOPE_LOCAL);
        _committed = RecordCount;
        foreach (var slot in _recordSlots)
        {
            slot.Trim(RecordCount);
        }
        _lastFlushTimestamp = Stopwatch.GetTimestamp();
    }

    /// <summary>
    /// Extends <paramref name="slot"/> to <paramref name="to"/> records and writes records
    /// [<paramref name="from"/>, <paramref name="to"/>) chunk by chunk along time: a chunk complete now
    /// and never written before goes through the filters (so does a partial one on the
    /// <paramref name="final"/> flush, as it is never rewritten); any other chunk (partial now, or
    /// partial at an earlier flush) is stored unfiltered at a fixed size, so it is rewritten in place.
    /// </summary>
    private void WriteRecords(Slot slot, int from, int to, bool final)
    {
        var extent = new ulong[slot.RecordShape.Length + 1];
        extent[0] = (ulong)to;
        slot.RecordShape.CopyTo(extent, 1);
        H5D.set_extent(slot.Dataset, extent);
        var c = (long)slot.ChunkRecords;
        var filteredStart = -1L; // first record of a run of complete, fresh chunks written with one H5Dwrite
        for (var chunk = from / c; chunk * c < to; chunk++)
        {
            var start = chunk * c;
            var complete = start + c <= to;
            if ((complete || final) && start >= from && chunk != slot.UnfilteredChunk)
            {
                if (filteredStart < 0)
                {
                    filteredStart = start;
                }
                continue;
            }
            if (filteredStart >= 0)
            {
                WriteFiltered(slot, filteredStart, start);
                filteredStart = -1;
            }
            WriteUnfiltered(slot, start, Math.Min(start + c, to));
            slot.UnfilteredChunk = complete ? -1 : chunk;
        }
        if (filteredStart >= 0)
        {
            WriteFiltered(slot, filteredStart, final ? to : (to / c) * c);
        }
    }

    private void WriteFiltered(Slot slot, long from, long to)
    {
        var rank = slot.RecordShape.Length + 1;
        var start = new ulong[rank];
        var count = new ulong[rank];
        start[0] = (ulong)from;
        count[0] = (ulong)(to - from);
        slot.RecordShape.CopyTo(count, 1);
        var values = slot.Records(from, to);
        var fileSpace = H5D.get_space(slot.Dataset);
        try
        {
            H5S.select_hyperslab(fileSpace, H5S.SELECT_SET, start, null, count, null);
            var memSpace = H5S.create_simple(rank, count, null);
            try
            {
                fixed (double* p = values)
                {
                    H5D.write(slot.Dataset, H5T.NATIVE_DOUBLE, memSpace, fileSpace, H5P.DEFAULT, p);
                }
            }
            finally
            {
                H5S.close(memSpace);
            }
        }
        finally
        {
            H5S.close(fileSpace);
        }
    }

    private static void WriteUnfiltered(Slot slot, long from, long to)
    {
        var chunk = new double[(long)slot.ChunkRecords * slot.ElementCount];
        chunk.AsSpan().Fill(slot.FillValue);
        slot.Records(from, to).CopyTo(chunk);
        if (!BitConverter.IsLittleEndian)
        {
            var bits = MemoryMarshal.Cast<double, long>(chunk.AsSpan());
            BinaryPrimitives.ReverseEndianness(bits, bits); // the file type is IEEE_F64LE
        }
        var offset = new ulong[slot.RecordShape.Length + 1];
        offset[0] = (ulong)from;
        fixed (double* p = chunk)
        {
            H5D.write_chunk(slot.Dataset, H5P.DEFAULT, slot.UnfilteredMask, offset, (nuint)(chunk.Length * sizeof(double)), p);
        }
    }

    private Slot Find(string variable)
    {
        if (_variables.TryGetValue(variable, out var slot))
        {
            return slot;
        }
        throw new ArgumentException(
            $"Variable '{variable}' is not in the schema (declared: {string.Join(", ", _variables.Keys)}).", nameof(variable));
    }

    private static void CheckLength(Slot slot, int length)
    {
        if (length != slot.ElementCount)
        {
            var shape = slot.RecordShape.Length == 0 ? "scalar" : string.Join(" × ", slot.RecordShape);
            throw new ArgumentException(
                $"Variable '{slot.Name}' expects {slot.ElementCount} values ({shape}{(slot.IsRecord ? " per record" : "")}) but got {length}.");
        }
    }

    private void ThrowIfClosed()
    {
        if (_file < 0)
        {
            throw IsComplete
                ? new InvalidOperationException($"'{Path}' was completed and closed.")
                : new ObjectDisposedException(nameof(NetcdfWriter), $"The writer for '{Path}' is closed.");
        }
    }

    private void Abandon()
    {
        try
        {
            CloseHandles();
        }
        catch (Hdf5Exception)
        {
            // The creation error is the one worth reporting.
        }
        try
        {
            File.Delete(CreationPath);
        }
        catch (IOException)
        {
            // Left behind; it is marked incomplete.
        }
    }

    private void CloseHandles()
    {
        if (_file < 0)
        {
            return;
        }
        var datasets = _variables.Values.Select(s => s.Dataset)
            .Concat(_bounds is null ? [] : [_bounds.Dataset])
            .Concat(_scales.Values)
            .ToList();
        var groups = _groups.Values.ToList();
        var file = _file;
        _file = -1;
        _variables.Clear();
        _recordSlots.Clear();
        _scales.Clear();
        _groups.Clear();
        _bounds = null;
        _time = null;
        Hdf5Exception? first = null;
        void Close(Func<long, int> close, long id)
        {
            try
            {
                close(id);
            }
            catch (Hdf5Exception e)
            {
                first ??= e;
            }
        }
        datasets.ForEach(id => Close(H5D.close, id));
        groups.ForEach(id => Close(H5G.close, id));
        Close(H5F.close, file);
        if (first is not null)
        {
            throw first.ForFile(Path);
        }
    }

    /// <summary>One dataset; for a record variable also the records not yet committed plus the
    /// records before them in the same time chunk (needed to rewrite an unfiltered chunk whole).</summary>
    private sealed class Slot(string name, long dataset, bool isRecord, ulong[] recordShape, ulong chunkRecords, double fillValue, uint unfilteredMask)
    {
        private double[] _buffer = [];
        private long _bufferStart;

        public string Name { get; } = name;

        public long Dataset { get; } = dataset;

        public bool IsRecord { get; } = isRecord;

        public ulong[] RecordShape { get; } = recordShape;

        public long ElementCount { get; } = recordShape.Aggregate(1L, (product, n) => product * (long)n);

        /// <summary>Records per chunk along time (record variables).</summary>
        public ulong ChunkRecords { get; } = chunkRecords;

        public double FillValue { get; } = fillValue;

        /// <summary>Filter mask of a chunk stored unfiltered.</summary>
        public uint UnfilteredMask { get; } = unfilteredMask;

        /// <summary>Index along time of the partial chunk stored unfiltered, or -1.</summary>
        public long UnfilteredChunk { get; set; } = -1;

        public bool Written { get; set; }

        /// <summary>Appends record <paramref name="record"/> holding the fill value.</summary>
        public void AddRecord(int record)
        {
            var needed = (record + 1 - _bufferStart) * ElementCount;
            if (needed > _buffer.Length)
            {
                Array.Resize(ref _buffer, (int)Math.Max(needed, Math.Min(Array.MaxLength, 2L * _buffer.Length)));
            }
            _buffer.AsSpan((int)((record - _bufferStart) * ElementCount), (int)ElementCount).Fill(FillValue);
        }

        public void Store(int record, ReadOnlySpan<double> values) =>
            values.CopyTo(_buffer.AsSpan((int)((record - _bufferStart) * ElementCount), (int)ElementCount));

        public ReadOnlySpan<double> Records(long from, long to) =>
            _buffer.AsSpan((int)((from - _bufferStart) * ElementCount), (int)((to - from) * ElementCount));

        public long BufferedBytes(int records) => (records - _bufferStart) * ElementCount * sizeof(double);

        /// <summary>After a flush of <paramref name="records"/> records: keeps only the partial last chunk.</summary>
        public void Trim(int records)
        {
            var keepFrom = records / (long)ChunkRecords * (long)ChunkRecords;
            if (keepFrom == _bufferStart)
            {
                return;
            }
            var kept = (int)((records - keepFrom) * ElementCount);
            Array.Copy(_buffer, (int)((keepFrom - _bufferStart) * ElementCount), _buffer, 0, kept);
            _bufferStart = keepFrom;
        }
    }
}
