using System.Globalization;
using System.Text.RegularExpressions;
using ClimateAD.IO.Netcdf;
using Xunit;

namespace ClimateAD.Cli.Tests.Running;

/// <summary>
/// A run killed with SIGKILL partway leaves a file that opens, holds the records flushed so far
/// (identical to those of an uninterrupted run) and says it is incomplete.
/// </summary>
public sealed partial class KilledRunTests
{
    private static string Scenario(int years) => $"""
        # test: a long run, one record per monthly step, to be killed halfway
        [scenario]
        name = "kill-test"
        [model]
        name = "ebm-two-layer"
        integrator = "rk4"
        [time]
        start = 1
        end = {years}
        step = 0.0833333333333333
        [forcing]
        type = "ramp-co2"
        [output]
        file = "out/run.nc"
        variables = ["tas", "toa_imbalance"]
        interval = 0.0833333333333333
        """;

    [GeneratedRegex(@"^\s*(\d+)%\s+(\d+)/(\d+) steps")]
    private static partial Regex ProgressLine();

    [Fact]
    public void Run_KilledHalfway_FileOpensWithFlushedRecordsMarkedIncomplete()
    {
        using var tmp = new TempFolder();
        const int years = 40_000; // 480,000 records: far longer than the time it takes to reach halfway
        File.WriteAllText(tmp.File("long.toml"), Scenario(years));
        using var p = CliProcess.Start(tmp.Path, "run", "long.toml", "--plain-progress", "--progress-interval", "0.1");
        long total = 0, done = 0;
        string? line;
        while ((line = p.StandardError.ReadLine()) is not null)
        {
            var m = ProgressLine().Match(line);
            if (!m.Success) continue;
            done = long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            total = long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            if (done * 2 >= total) break;
        }
        Assert.True(total > 0 && done * 2 >= total, $"run ended before halfway (exit {(p.HasExited ? p.ExitCode : -1)})");
        p.Kill(); // SIGKILL on Unix
        p.WaitForExit();
        Assert.Equal(137, p.ExitCode); // 128 + SIGKILL

        string path = tmp.File("out/run.nc");
        using (var nc = NetcdfReader.Open(path))
        {
            Assert.Equal("incomplete", nc.ReadStringAttribute(null, "run_status"));
            // records_written counts the committed records; a kill inside a flush may leave the time
            // dimension longer (docs/output.md, "Crash safety").
            long records = nc.ReadInt64Attribute(null, "records_written");
            Assert.InRange(records, 1, years * 12L - 1);
            Assert.InRange(records, 1, nc.RecordCount);
            var tas = nc.ReadRecords("tas", 0, (int)records);
            Assert.Equal(records, tas.Length);

            // The same first records as a complete, shorter run of the same scenario.
            File.WriteAllText(tmp.File("short.toml"), Scenario(10).Replace("out/run.nc", "out/short.nc", StringComparison.Ordinal));
            var (code, _, err) = CliProcess.Run(tmp.Path, "run", "short.toml");
            Assert.True(code == 0, err);
            using var reference = NetcdfReader.Open(tmp.File("out/short.nc"));
            Assert.Equal("complete", reference.ReadStringAttribute(null, "run_status"));
            var expected = reference.ReadVariable("tas").Values;
            for (int i = 0; i < Math.Min(expected.Length, tas.Length); i++) Assert.Equal(expected[i], tas[i]);
        }
    }
}
