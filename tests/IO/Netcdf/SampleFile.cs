using ClimateAD.IO.Netcdf;

namespace ClimateAD.IO.Tests.Netcdf;

/// <summary>
/// A small CF file: time (UNLIMITED, noleap, bounds), level(3), lat(4), lon(5), a dimension without
/// coordinate, 3-D/4-D/1-D record variables, a static field, a scalar and a sub-group variable.
/// </summary>
internal static class SampleFile
{
    public const int Levels = 3;
    public const int Lats = 4;
    public const int Lons = 5;
    public const string TimeUnits = "days since 1850-01-01 00:00:00";
    public const string Scenario = "[model]\nname = \"two_layer\"\n# scenario text with \"quotes\" and ünïcode";

    public static readonly double[] LevelValues = [1000, 500, 250];
    public static readonly double[] LatValues = [-67.5, -22.5, 22.5, 67.5];
    public static readonly double[] LonValues = [0, 72, 144, 216, 288];

    public static NetcdfSchema Schema() => new()
    {
        GlobalAttributes =
        [
            new("title", "ClimateAD test output"),
            new("scenario", Scenario),
            new("climate_sensitivity", 3.0000000000000004),
            new("ensemble_member", 7),
            new("seed", 1234567890123L),
            new("forcing_coefficients", new[] { 5.35, -0.0, 1e-300, double.MaxValue }),
        ],
        Time = new NetcdfTimeAxis(TimeUnits, "noleap") { BoundsName = "time_bnds" },
        Dimensions =
        [
            NetcdfDimension.Coordinate("level", LevelValues, "hPa", "pressure level", "air_pressure", "Z")
                with { Attributes = [new("positive", "down")] },
            NetcdfDimension.Coordinate("lat", LatValues, "degrees_north", "latitude", "latitude", "Y"),
            NetcdfDimension.Coordinate("lon", LonValues, "degrees_east", "longitude", "longitude", "X"),
            new NetcdfDimension("member", 2),
        ],
        Variables =
        [
            new("tas", ["time", "lat", "lon"], "K", "Near-Surface Air Temperature") { StandardName = "air_temperature" },
            new("ta", ["time", "level", "lat", "lon"], "K", "Air Temperature") { StandardName = "air_temperature" },
            new("ohc", ["time"], "J", "Ocean heat content")
            {
                Attributes = [new("cell_methods", "time: mean"), new("valid_range", new[] { -1e25, 1e25 })],
            },
            new("spread", ["time", "member"], "K", "Member temperature anomaly") { FillValue = -999.0 },
            new("land_fraction", ["lat", "lon"], "1", "Land fraction") { StandardName = "land_area_fraction" },
            new("global_mean_offset", [], "K", "Scalar offset"),
            new("sensitivity/dJ_dtheta", ["level"], "J K-1", "Gradient of the cost with respect to theta"),
        ],
    };

    public static double TasValue(int record, int i) => 250 + record * Math.PI + i / 7.0 + 1e-13 * i * record;

    public static double TaValue(int record, int i) => 200 - record / 3.0 + Math.Sqrt(i + 1);

    public static double OhcValue(int record) => 1e22 * Math.Exp(record / 11.0);

    public static double[] Tas(int record) => Enumerable.Range(0, Lats * Lons).Select(i => TasValue(record, i)).ToArray();

    public static double[] Ta(int record) => Enumerable.Range(0, Levels * Lats * Lons).Select(i => TaValue(record, i)).ToArray();

    public static double[] LandFraction() => Enumerable.Range(0, Lats * Lons).Select(i => (i % 3) / 3.0).ToArray();

    public static double[] Gradient() => [1.5e-3, -2.25, double.Epsilon];

    public static double Time(int record) => 365 * record + 182.5;

    /// <summary>Writes static fields and <paramref name="records"/> records (spread only in even records).</summary>
    public static void WriteRecords(NetcdfWriter writer, int first, int records)
    {
        for (var r = first; r < first + records; r++)
        {
            writer.BeginRecord(Time(r), 365.0 * r, 365.0 * (r + 1));
            writer.Write("tas", Tas(r));
            writer.Write("ta", Ta(r));
            writer.Write("ohc", [OhcValue(r)]);
            if (r % 2 == 0)
            {
                writer.Write("spread", [r, -r]);
            }
            writer.EndRecord();
        }
    }

    public static void WriteStatics(NetcdfWriter writer)
    {
        writer.WriteStatic("land_fraction", LandFraction());
        writer.WriteStatic("global_mean_offset", [0.125]);
        writer.WriteStatic("sensitivity/dJ_dtheta", Gradient());
    }

    /// <summary>Writes a complete sample file with <paramref name="records"/> records.</summary>
    public static void Write(string path, int records, NetcdfWriterOptions? options = null)
    {
        using var writer = NetcdfWriter.Create(path, Schema(), options);
        WriteStatics(writer);
        WriteRecords(writer, 0, records);
        writer.Complete();
    }
}
