using ClimateAD.IO.Netcdf;
using Xunit;

namespace ClimateAD.IO.Tests.Netcdf;

public sealed class NetcdfChunkingTests
{
    private static readonly NetcdfWriterOptions Defaults = new();

    [Fact]
    public void ForRecordVariable_TimeSeries_GroupsMaxRecordsPerChunk()
    {
        Assert.Equal([1024UL], NetcdfChunking.ForRecordVariable([], Defaults));
    }

    [Fact]
    public void ForRecordVariable_OneDegreeGrid_GroupsTwoRecordsToStayNearTarget()
    {
        // 90 × 180 doubles = 129 600 B per record; 262 144 / 129 600 = 2.02 → 2 records (259 KiB).
        Assert.Equal([2UL, 90, 180], NetcdfChunking.ForRecordVariable([90, 180], Defaults));
    }

    [Fact]
    public void ForRecordVariable_RecordAboveMaxChunk_SplitsLargestDimensionsUntilOneMebibyte()
    {
        // 1024² doubles = 8 MiB: halve 1024→512 (lat), 1024→512 (lon), 512→256 (lat) = 1 MiB.
        Assert.Equal([1UL, 256, 512], NetcdfChunking.ForRecordVariable([1024, 1024], Defaults));
    }

    [Fact]
    public void ForStaticVariable_SmallField_IsOneChunk()
    {
        Assert.Equal([4UL, 5], NetcdfChunking.ForStaticVariable([4, 5], Defaults));
    }
}
