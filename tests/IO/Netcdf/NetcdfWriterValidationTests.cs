using ClimateAD.IO.Hdf5;
using ClimateAD.IO.Netcdf;
using Xunit;

namespace ClimateAD.IO.Tests.Netcdf;

public sealed class NetcdfWriterValidationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static NetcdfSchema WithVariables(params NetcdfVariable[] variables) =>
        SampleFile.Schema() with { Variables = variables };

    [Fact]
    public void Create_VariableWithUndeclaredDimension_ThrowsNamingIt()
    {
        var schema = WithVariables(new NetcdfVariable("pr", ["time", "latitude"], "kg m-2 s-1", "Precipitation"));

        var error = Assert.Throws<ArgumentException>(() => NetcdfWriter.Create(_dir.File("x.nc"), schema));

        Assert.Contains("'latitude'", error.Message);
        Assert.False(File.Exists(_dir.File("x.nc")));
    }

    [Fact]
    public void Create_TimeNotFirst_ThrowsSayingTimeMustComeFirst()
    {
        var schema = WithVariables(new NetcdfVariable("tas", ["lat", "time"], "K", "T"));

        var error = Assert.Throws<ArgumentException>(() => NetcdfWriter.Create(_dir.File("x.nc"), schema));

        Assert.Contains("must come first", error.Message);
    }

    [Fact]
    public void Create_TwoLevelsOfGroups_ThrowsSayingOneLevelIsSupported()
    {
        var schema = WithVariables(new NetcdfVariable("a/b/c", ["lat"], "1", "x"));

        var error = Assert.Throws<ArgumentException>(() => NetcdfWriter.Create(_dir.File("x.nc"), schema));

        Assert.Contains("one sub-group level", error.Message);
    }

    [Fact]
    public void Create_InMissingDirectory_ThrowsHdf5ExceptionNamingCallAndFile()
    {
        var path = _dir.File(Path.Combine("no-such-dir", "x.nc"));

        var error = Assert.Throws<Hdf5Exception>(() => NetcdfWriter.Create(path, SampleFile.Schema()));

        Assert.Equal("H5Fcreate", error.Function);
        Assert.Equal(path, error.FilePath);
        Assert.Contains(path, error.Message);
        Assert.Contains("unable to", error.Detail);
    }

    [Fact]
    public void Write_WrongNumberOfValues_ThrowsWithExpectedCount()
    {
        using var writer = NetcdfWriter.Create(_dir.File("x.nc"), SampleFile.Schema());
        writer.BeginRecord(0.5, 0, 1);

        var error = Assert.Throws<ArgumentException>(() => writer.Write("tas", new double[19]));

        Assert.Contains("expects 20 values (4 × 5 per record) but got 19", error.Message);
    }

    [Fact]
    public void Write_OutsideRecord_ThrowsInvalidOperation()
    {
        using var writer = NetcdfWriter.Create(_dir.File("x.nc"), SampleFile.Schema());

        Assert.Throws<InvalidOperationException>(() => writer.Write("tas", SampleFile.Tas(0)));
        Assert.Throws<InvalidOperationException>(() => writer.WriteStatic("tas", SampleFile.Tas(0)));
    }

    [Fact]
    public void Write_SameVariableTwiceInOneRecord_ThrowsInvalidOperation()
    {
        using var writer = NetcdfWriter.Create(_dir.File("x.nc"), SampleFile.Schema());
        writer.BeginRecord(0.5, 0, 1);
        writer.Write("ohc", [1.0]);

        Assert.Throws<InvalidOperationException>(() => writer.Write("ohc", [2.0]));
    }

    [Fact]
    public void BeginRecord_TimeNotIncreasing_ThrowsArgumentException()
    {
        using var writer = NetcdfWriter.Create(_dir.File("x.nc"), SampleFile.Schema());
        writer.BeginRecord(10, 9, 11);
        writer.EndRecord();

        Assert.Throws<ArgumentException>(() => writer.BeginRecord(10, 10, 12));
        Assert.Equal(1, writer.RecordCount);
    }

    [Fact]
    public void BeginRecord_WithoutBoundsWhenAxisDeclaresThem_ThrowsNamingBoundsVariable()
    {
        using var writer = NetcdfWriter.Create(_dir.File("x.nc"), SampleFile.Schema());

        var error = Assert.Throws<ArgumentException>(() => writer.BeginRecord(1));

        Assert.Contains("time_bnds", error.Message);
    }

    [Fact]
    public void SetGlobalAttribute_RunStatus_ThrowsBecauseWriterManagesIt()
    {
        using var writer = NetcdfWriter.Create(_dir.File("x.nc"), SampleFile.Schema());

        Assert.Throws<ArgumentException>(() => writer.SetGlobalAttribute("run_status", "complete"));
        Assert.Throws<ArgumentException>(() => writer.SetGlobalAttribute("flag", true));
    }

    [Fact]
    public void Complete_InsideRecord_ThrowsAndLeavesWriterUsable()
    {
        var path = _dir.File("x.nc");
        using var writer = NetcdfWriter.Create(path, SampleFile.Schema());
        writer.BeginRecord(1, 0, 2);

        Assert.Throws<InvalidOperationException>(() => writer.Complete());
        writer.EndRecord();
        writer.Complete();

        Assert.True(writer.IsComplete);
        Assert.Throws<InvalidOperationException>(() => writer.BeginRecord(5, 4, 6));
    }
}
