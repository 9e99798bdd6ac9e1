using System.Text.Json;
using ClimateAD.IO.Netcdf;
using Xunit;

namespace ClimateAD.IO.Tests.Netcdf;

/// <summary>
/// The files must open in the standard tools with real dimensions (DESIGN.md §5). Missing tools fail
/// the test with the install command; they are not skipped.
/// </summary>
public sealed class NetcdfWriterToolTests : IDisposable
{
    private const int Records = 5;
    private readonly TempDirectory _dir = new();
    private readonly string _path;

    public NetcdfWriterToolTests()
    {
        _path = _dir.File("tools.nc");
        SampleFile.Write(_path, Records);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Ncdump_Header_ShowsUnlimitedTimeRealDimensionsAndCfAttributes()
    {
        var header = ExternalTool.Run(ExternalTool.NcdumpPath, ExternalTool.NetcdfToolsInstall, "-h", _path);

        Assert.Contains($"time = UNLIMITED ; // ({Records} currently)", header);
        Assert.Contains("level = 3 ;", header);
        Assert.Contains("lat = 4 ;", header);
        Assert.Contains("lon = 5 ;", header);
        Assert.Contains("member = 2 ;", header);
        Assert.Contains("nv = 2 ;", header);
        Assert.DoesNotContain("phony_dim", header);
        Assert.Contains("double tas(time, lat, lon) ;", header);
        Assert.Contains("double ta(time, level, lat, lon) ;", header);
        Assert.Contains("double time_bnds(time, nv) ;", header);
        Assert.Contains("double land_fraction(lat, lon) ;", header);
        Assert.Contains("double global_mean_offset ;", header);
        Assert.Contains("tas:units = \"K\" ;", header);
        Assert.Contains("tas:long_name = \"Near-Surface Air Temperature\" ;", header);
        Assert.Contains("tas:standard_name = \"air_temperature\" ;", header);
        Assert.Contains($"time:units = \"{SampleFile.TimeUnits}\" ;", header);
        Assert.Contains("time:calendar = \"noleap\" ;", header);
        Assert.Contains("time:bounds = \"time_bnds\" ;", header);
        Assert.Contains("spread:_FillValue = -999. ;", header);
        Assert.Contains(":run_status = \"complete\" ;", header);
        Assert.Contains($":records_written = {Records}LL ;", header);
        Assert.Contains(":Conventions = \"CF-1.8\" ;", header);
        Assert.Contains("group: sensitivity {", header);
        Assert.Contains("double dJ_dtheta(level) ;", header);
    }

    [Fact]
    public void Ncdump_Data_ShowsFlushedTimeValues()
    {
        var dump = ExternalTool.Run(ExternalTool.NcdumpPath, ExternalTool.NetcdfToolsInstall, "-v", "time", _path);

        Assert.Contains("time = 182.5, 547.5, 912.5, 1277.5, 1642.5 ;", dump);
    }

    [Fact]
    public void H5dump_Header_ShowsUnlimitedMaxdimsAndShuffleDeflateFilters()
    {
        var header = ExternalTool.Run(ExternalTool.H5dumpPath, ExternalTool.NetcdfToolsInstall, "-H", "-p", "-d", "/tas", _path);

        Assert.Contains($"DATASPACE  SIMPLE {{ ( {Records}, 4, 5 ) / ( H5S_UNLIMITED, 4, 5 ) }}", header);
        Assert.Contains("SHUFFLE", header);
        Assert.Contains("DEFLATE { LEVEL 4 }", header);
        Assert.Contains("CHUNKED", header);
    }

    [Fact]
    public void Xarray_OpenDataset_HasRealDimsDecodedNoleapTimeAndUnlimitedTime()
    {
        const string script = """
            import json, sys, xarray as xr
            ds = xr.open_dataset(sys.argv[1], engine="netcdf4")
            grp = xr.open_dataset(sys.argv[1], engine="netcdf4", group="sensitivity")
            out = {
                "dims": {k: int(v) for k, v in ds.sizes.items()},
                "coords": sorted(ds.coords),
                "tas_dims": list(ds["tas"].dims),
                "unlimited": sorted(ds.encoding["unlimited_dims"]),
                "time0": ds["time"].values[0].isoformat(),
                "time_type": type(ds["time"].values[0]).__name__,
                "calendar": ds["time"].values[0].calendar,
                "tas_2_3_4": float(ds["tas"].values[2, 3, 4]),
                "spread_masked": bool(ds["spread"].isnull().values[1, 0]),
                "grad_dims": list(grp["dJ_dtheta"].dims),
                "run_status": ds.attrs["run_status"],
            }
            print(json.dumps(out))
            """;
        var output = ExternalTool.Run(ExternalTool.PythonPath, ExternalTool.XarrayInstall, "-c", script, _path);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;

        var dims = root.GetProperty("dims").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(Records, dims["time"]);
        Assert.Equal(SampleFile.Lats, dims["lat"]);
        Assert.Equal(SampleFile.Lons, dims["lon"]);
        Assert.Equal(SampleFile.Levels, dims["level"]);
        Assert.DoesNotContain(dims.Keys, k => k.StartsWith("phony_dim", StringComparison.Ordinal));
        Assert.Equal(["lat", "level", "lon", "time"], root.GetProperty("coords").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["time", "lat", "lon"], root.GetProperty("tas_dims").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["time"], root.GetProperty("unlimited").EnumerateArray().Select(e => e.GetString()));
        // 182.5 days after 1850-01-01 (noleap): Jan–Jun are 181 days, so day 181 is 1 July 00:00; +1.5 d = 2 July 12:00.
        Assert.Equal("1850-07-02T12:00:00", root.GetProperty("time0").GetString());
        Assert.Equal("DatetimeNoLeap", root.GetProperty("time_type").GetString());
        Assert.Equal("noleap", root.GetProperty("calendar").GetString());
        Assert.Equal(SampleFile.TasValue(2, 3 * SampleFile.Lons + 4), root.GetProperty("tas_2_3_4").GetDouble());
        Assert.True(root.GetProperty("spread_masked").GetBoolean());
        Assert.Equal(["level"], root.GetProperty("grad_dims").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("complete", root.GetProperty("run_status").GetString());
    }
}
