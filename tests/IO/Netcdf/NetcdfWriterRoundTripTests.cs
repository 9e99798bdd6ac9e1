using ClimateAD.IO.Netcdf;
using Xunit;

namespace ClimateAD.IO.Tests.Netcdf;

public sealed class NetcdfWriterRoundTripTests : IDisposable
{
    private const int Records = 7;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ReadVariable_AfterWritingRecords_ReturnsBitwiseEqualValuesAndShapes()
    {
        var path = _dir.File("roundtrip.nc");
        SampleFile.Write(path, Records);

        using var reader = NetcdfReader.Open(path);
        Assert.Equal(Records, reader.RecordCount);

        var tas = reader.ReadVariable("tas");
        Assert.Equal([Records, SampleFile.Lats, SampleFile.Lons], tas.Shape);
        var expectedTas = Enumerable.Range(0, Records).SelectMany(SampleFile.Tas).ToArray();
        AssertBitwiseEqual(expectedTas, tas.Values);

        var ta = reader.ReadVariable("ta");
        Assert.Equal([Records, SampleFile.Levels, SampleFile.Lats, SampleFile.Lons], ta.Shape);
        AssertBitwiseEqual(Enumerable.Range(0, Records).SelectMany(SampleFile.Ta).ToArray(), ta.Values);

        AssertBitwiseEqual(Enumerable.Range(0, Records).Select(SampleFile.OhcValue).ToArray(), reader.ReadVariable("ohc").Values);
        AssertBitwiseEqual(Enumerable.Range(0, Records).Select(SampleFile.Time).ToArray(), reader.ReadVariable("time").Values);
        AssertBitwiseEqual(
            Enumerable.Range(0, Records).SelectMany(r => new[] { 365.0 * r, 365.0 * (r + 1) }).ToArray(),
            reader.ReadVariable("time_bnds").Values);
        AssertBitwiseEqual(SampleFile.LatValues, reader.ReadVariable("lat").Values);
        AssertBitwiseEqual(SampleFile.LandFraction(), reader.ReadVariable("land_fraction").Values);
        AssertBitwiseEqual(SampleFile.Gradient(), reader.ReadVariable("sensitivity/dJ_dtheta").Values);
        var scalar = reader.ReadVariable("global_mean_offset");
        Assert.Empty(scalar.Shape);
        Assert.Equal([0.125], scalar.Values);
    }

    [Fact]
    public void ReadRecord_OfFourDimensionalVariable_ReturnsThatRecordOnly()
    {
        var path = _dir.File("record.nc");
        SampleFile.Write(path, Records);

        using var reader = NetcdfReader.Open(path);

        AssertBitwiseEqual(SampleFile.Ta(4), reader.ReadRecord("ta", 4));
        AssertBitwiseEqual(SampleFile.Tas(0), reader.ReadRecord("tas", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.ReadRecord("tas", Records));
        Assert.Throws<ArgumentException>(() => reader.ReadRecord("land_fraction", 0));
    }

    [Fact]
    public void Variables_AfterWriting_HaveRealDimensionNamesInDeclaredOrder()
    {
        var path = _dir.File("dims.nc");
        SampleFile.Write(path, 3);

        using var reader = NetcdfReader.Open(path);

        Assert.Equal(
            ["time", "level", "lat", "lon", "member", "nv"],
            reader.Dimensions.Select(d => d.Name));
        var time = reader.Dimensions[0];
        Assert.True(time.IsUnlimited);
        Assert.Equal(3, time.Length);
        Assert.All(reader.Dimensions.Skip(1), d => Assert.False(d.IsUnlimited));
        Assert.False(reader.Dimensions.Single(d => d.Name == "member").HasCoordinate);
        Assert.Equal(2, reader.Dimensions.Single(d => d.Name == "nv").Length);

        Assert.Equal(["time", "lat", "lon"], reader.GetVariable("tas").Dimensions);
        Assert.Equal(["time", "level", "lat", "lon"], reader.GetVariable("ta").Dimensions);
        Assert.Equal(["time", "nv"], reader.GetVariable("time_bnds").Dimensions);
        Assert.Equal(["level"], reader.GetVariable("sensitivity/dJ_dtheta").Dimensions);
        Assert.DoesNotContain(reader.Variables, v => v.Name is "member" or "nv");
    }

    [Fact]
    public void ReadAttribute_AfterWriting_ReturnsEqualGlobalAndVariableAttributes()
    {
        var path = _dir.File("attributes.nc");
        SampleFile.Write(path, 2);

        using var reader = NetcdfReader.Open(path);

        Assert.Equal("CF-1.8", reader.ReadStringAttribute(null, "Conventions"));
        Assert.Equal("ClimateAD test output", reader.ReadStringAttribute(null, "title"));
        Assert.Equal(SampleFile.Scenario, reader.ReadStringAttribute(null, "scenario"));
        Assert.Equal(3.0000000000000004, reader.ReadDoubleAttribute(null, "climate_sensitivity"));
        Assert.Equal(7, reader.ReadInt64Attribute(null, "ensemble_member"));
        Assert.Equal(1234567890123L, reader.ReadInt64Attribute(null, "seed"));
        AssertBitwiseEqual([5.35, -0.0, 1e-300, double.MaxValue], reader.ReadDoubleArrayAttribute(null, "forcing_coefficients"));
        Assert.Equal("complete", reader.ReadStringAttribute(null, "run_status"));
        Assert.Equal(2, reader.ReadInt64Attribute(null, "records_written"));
        var names = reader.GetAttributeNames();
        Assert.Equal(
            ["Conventions", "title", "scenario", "climate_sensitivity", "ensemble_member", "seed", "forcing_coefficients"],
            names.Take(7));
        Assert.Equal(["records_written", "run_status"], names.Skip(7).Order());

        Assert.Equal(["units", "long_name", "standard_name"], reader.GetAttributeNames("tas"));
        Assert.Equal("K", reader.ReadStringAttribute("tas", "units"));
        Assert.Equal("air_temperature", reader.ReadStringAttribute("tas", "standard_name"));
        Assert.Equal(SampleFile.TimeUnits, reader.ReadStringAttribute("time", "units"));
        Assert.Equal("noleap", reader.ReadStringAttribute("time", "calendar"));
        Assert.Equal("time_bnds", reader.ReadStringAttribute("time", "bounds"));
        Assert.Equal("T", reader.ReadStringAttribute("time", "axis"));
        Assert.Equal("down", reader.ReadStringAttribute("level", "positive"));
        Assert.Equal("time: mean", reader.ReadStringAttribute("ohc", "cell_methods"));
        Assert.Equal([-1e25, 1e25], reader.ReadDoubleArrayAttribute("ohc", "valid_range"));
        Assert.Equal(-999.0, reader.ReadDoubleAttribute("spread", "_FillValue"));
        Assert.False(reader.HasAttribute("tas", "_FillValue"));
    }

    [Fact]
    public void ReadRecord_OfVariableSkippedInARecord_ReturnsItsFillValue()
    {
        var path = _dir.File("fill.nc");
        SampleFile.Write(path, 4);

        using var reader = NetcdfReader.Open(path);

        Assert.Equal([2.0, -2.0], reader.ReadRecord("spread", 2));
        Assert.Equal([-999.0, -999.0], reader.ReadRecord("spread", 3));
    }

    [Fact]
    public void SetGlobalAttribute_ReplacingValueOfAnotherType_ReadsNewValue()
    {
        var path = _dir.File("global.nc");
        using (var writer = NetcdfWriter.Create(path, SampleFile.Schema()))
        {
            writer.SetGlobalAttribute("title", 42.5);
            writer.SetGlobalAttribute("wall_clock_seconds", new long[] { 1, 2, 3 });
            writer.Complete();
        }

        using var reader = NetcdfReader.Open(path);

        Assert.Equal(42.5, reader.ReadDoubleAttribute(null, "title"));
        Assert.Equal(new long[] { 1, 2, 3 }, reader.ReadAttribute(null, "wall_clock_seconds"));
        Assert.Equal(0, reader.RecordCount);
    }

    [Fact]
    public void Create_WithManyRecordsAndSmallFlushInterval_ReadsEveryRecord()
    {
        var path = _dir.File("many.nc");
        var options = new NetcdfWriterOptions { FlushEveryRecords = 3, DeflateLevel = 9 };
        SampleFile.Write(path, 50, options);

        using var reader = NetcdfReader.Open(path);

        Assert.Equal(50, reader.RecordCount);
        AssertBitwiseEqual(Enumerable.Range(0, 50).Select(SampleFile.OhcValue).ToArray(), reader.ReadVariable("ohc").Values);
        AssertBitwiseEqual(SampleFile.Tas(49), reader.ReadRecord("tas", 49));
    }

    internal static void AssertBitwiseEqual(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
            {
                Assert.Fail($"Element {i}: expected {expected[i]:R}, got {actual[i]:R}.");
            }
        }
    }
}
