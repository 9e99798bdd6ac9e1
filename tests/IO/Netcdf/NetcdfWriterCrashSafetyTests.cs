using ClimateAD.IO.Netcdf;
using Xunit;

namespace ClimateAD.IO.Tests.Netcdf;

/// <summary>
/// A killed run must leave a readable file marked incomplete holding the flushed records. Simulated
/// without killing the test process: the bytes on disk are copied while the writer is still open.
/// The copy is made by /bin/cp because HDF5 1.10.7+ holds an exclusive flock on a file open for
/// writing and .NET's File.Copy asks for a shared one (cp takes none).
/// </summary>
public sealed class NetcdfWriterCrashSafetyTests : IDisposable
{
    private static readonly NetcdfWriterOptions FlushOnlyWhenAsked = new() { FlushEveryRecords = null, FlushInterval = null };
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void CopyWhileOpen_AfterFlush_HoldsExactlyFlushedRecordsMarkedIncomplete()
    {
        var path = _dir.File("running.nc");
        var copy = _dir.File("crashed.nc");
        using var writer = NetcdfWriter.Create(path, SampleFile.Schema(), FlushOnlyWhenAsked);
        SampleFile.WriteStatics(writer);
        SampleFile.WriteRecords(writer, 0, 4);
        writer.Flush();
        SampleFile.WriteRecords(writer, 4, 2);

        CopyBytes(path, copy);

        using (var crashed = NetcdfReader.Open(copy))
        {
            Assert.Equal("incomplete", crashed.ReadStringAttribute(null, "run_status"));
            Assert.Equal(4, crashed.ReadInt64Attribute(null, "records_written"));
            Assert.Equal(4, crashed.RecordCount);
            NetcdfWriterRoundTripTests.AssertBitwiseEqual(
                Enumerable.Range(0, 4).SelectMany(SampleFile.Tas).ToArray(), crashed.ReadVariable("tas").Values);
            NetcdfWriterRoundTripTests.AssertBitwiseEqual(SampleFile.Ta(3), crashed.ReadRecord("ta", 3));
            NetcdfWriterRoundTripTests.AssertBitwiseEqual(SampleFile.Gradient(), crashed.ReadVariable("sensitivity/dJ_dtheta").Values);
        }

        writer.Complete();

        using var completed = NetcdfReader.Open(path);
        Assert.Equal("complete", completed.ReadStringAttribute(null, "run_status"));
        Assert.Equal(6, completed.ReadInt64Attribute(null, "records_written"));
        Assert.Equal(6, completed.RecordCount);
        NetcdfWriterRoundTripTests.AssertBitwiseEqual(SampleFile.Tas(5), completed.ReadRecord("tas", 5));
    }

    [Fact]
    public void CopyWhileOpen_AfterAutomaticFlushEveryThreeRecords_HoldsSixOfSevenRecords()
    {
        var path = _dir.File("auto.nc");
        var copy = _dir.File("auto-crashed.nc");
        using var writer = NetcdfWriter.Create(path, SampleFile.Schema(), new() { FlushEveryRecords = 3, FlushInterval = null });
        SampleFile.WriteRecords(writer, 0, 7);

        CopyBytes(path, copy);

        using var crashed = NetcdfReader.Open(copy);
        Assert.Equal(6, crashed.RecordCount);
        Assert.Equal(6, crashed.ReadInt64Attribute(null, "records_written"));
        Assert.Equal("incomplete", crashed.ReadStringAttribute(null, "run_status"));
    }

    [Fact]
    public void CopyWhileOpen_RightAfterCreate_OpensWithZeroRecordsMarkedIncomplete()
    {
        var path = _dir.File("fresh.nc");
        var copy = _dir.File("fresh-crashed.nc");
        using var writer = NetcdfWriter.Create(path, SampleFile.Schema(), FlushOnlyWhenAsked);

        CopyBytes(path, copy);

        using var crashed = NetcdfReader.Open(copy);
        Assert.Equal(0, crashed.RecordCount);
        Assert.Equal("incomplete", crashed.ReadStringAttribute(null, "run_status"));
        Assert.Equal(["time", "lat", "lon"], crashed.GetVariable("tas").Dimensions);
    }

    [Fact]
    public void Dispose_WithoutComplete_LeavesIncompleteFileWithAllEndedRecords()
    {
        var path = _dir.File("disposed.nc");
        using (var writer = NetcdfWriter.Create(path, SampleFile.Schema(), FlushOnlyWhenAsked))
        {
            SampleFile.WriteRecords(writer, 0, 3);
        }

        using var reader = NetcdfReader.Open(path);
        Assert.Equal("incomplete", reader.ReadStringAttribute(null, "run_status"));
        Assert.Equal(3, reader.ReadInt64Attribute(null, "records_written"));
        Assert.Equal(3, reader.RecordCount);
    }

    [Fact]
    public void Dispose_InsideARecord_DropsTheHalfWrittenRecord()
    {
        var path = _dir.File("half.nc");
        using (var writer = NetcdfWriter.Create(path, SampleFile.Schema(), FlushOnlyWhenAsked))
        {
            SampleFile.WriteRecords(writer, 0, 2);
            writer.BeginRecord(SampleFile.Time(2), 730, 1095);
            writer.Write("tas", SampleFile.Tas(2));
        }

        using var reader = NetcdfReader.Open(path);
        Assert.Equal(2, reader.RecordCount);
        Assert.Equal([2, SampleFile.Lats, SampleFile.Lons], reader.GetVariable("tas").Shape);
        Assert.Equal([2, 2], reader.GetVariable("time_bnds").Shape);
        Assert.Equal(2, reader.ReadInt64Attribute(null, "records_written"));
    }

    private static void CopyBytes(string source, string destination)
    {
        ExternalTool.Run("/bin/cp", "apt-get install coreutils", source, destination);
        Assert.True(File.Exists(destination));
    }
}
