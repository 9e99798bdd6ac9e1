using System.Diagnostics;
using ClimateAD.IO.Netcdf;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Cli.Tests.Running;

/// <summary>
/// Kills real <c>climatead run</c> processes with SIGKILL at random moments (from process start, so
/// some die before the file exists or while it is being created) and checks every file left behind:
/// it opens with <see cref="NetcdfReader"/> and with <c>ncdump -h</c>, says <c>run_status =
/// "incomplete"</c> (or "complete" with every record, when the kill came after the writer finished), has at least <c>records_written</c> records, every time-dependent variable reads
/// whole (no chunk fails to decompress), and the first <c>records_written</c> records equal those of
/// an uninterrupted run of the same scenario bit for bit (docs/output.md, "Crash safety").
/// </summary>
/// <remarks>
/// The suite runs a short version (<see cref="FastKills"/> kills). The long version is a tool: set
/// <c>CLIMATEAD_KILL_STRESS=N</c> (e.g. 50) and run
/// <c>dotnet test tests/Cli --filter FullyQualifiedName~KilledRunStressTests.Run_KilledAtManyRandomMoments</c>;
/// without the variable that test does nothing. <c>CLIMATEAD_KILL_STRESS_KEEP=folder</c> copies
/// every failing file there. Kills run one at a time: the point is a busy writer, not a busy machine.
/// </remarks>
public sealed class KilledRunStressTests(ITestOutputHelper output)
{
    /// <summary>Kills in the normal suite (about 1 s each).</summary>
    public const int FastKills = 10;

    private static string Scenario(int years) => $"""
        # stress test: one record per monthly step, killed at a random moment
        [scenario]
        name = "kill-stress"
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

    [Fact]
    public void Run_KilledAtTenRandomMoments_EveryFileHoldsItsFlushedRecordsBitForBit()
    {
        var summary = Stress(FastKills, years: 1500, seed: Environment.TickCount);
        Assert.True(summary.Failures.Count == 0, summary.ToString());
    }

    [Fact]
    public void Run_KilledAtManyRandomMoments_EveryFileHoldsItsFlushedRecordsBitForBit()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("CLIMATEAD_KILL_STRESS"), out var kills) || kills <= 0)
        {
            return; // a tool, not part of the normal suite; see the class remarks
        }
        var years = int.TryParse(Environment.GetEnvironmentVariable("CLIMATEAD_KILL_STRESS_YEARS"), out var y) ? y : 6000;
        var summary = Stress(kills, years, seed: Environment.TickCount);
        Assert.True(summary.Failures.Count == 0, summary.ToString());
    }

    private Summary Stress(int kills, int years, int seed)
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.File("run.toml"), Scenario(years));

        // Reference: the same scenario, uninterrupted; its duration sets the window for the kills.
        var started = Stopwatch.GetTimestamp();
        var (code, _, err) = CliProcess.Run(tmp.Path, "run", "run.toml");
        var window = Stopwatch.GetElapsedTime(started);
        Assert.True(code == 0, err);
        var reference = new Dictionary<string, double[]>(StringComparer.Ordinal);
        using (var nc = NetcdfReader.Open(tmp.File("out/run.nc")))
        {
            Assert.Equal("complete", nc.ReadStringAttribute(null, "run_status"));
            foreach (var v in RecordVariables(nc))
            {
                reference[v] = nc.ReadVariable(v).Values;
            }
        }
        var referenceRecords = reference["time"].Length;

        var random = new Random(seed);
        var summary = new Summary(kills, seed, window);
        for (int k = 0; k < kills; k++)
        {
            var folder = tmp.File($"k{k}");
            Directory.CreateDirectory(folder);
            File.Copy(tmp.File("run.toml"), Path.Combine(folder, "run.toml"));
            var delay = TimeSpan.FromMilliseconds(random.NextDouble() * window.TotalMilliseconds);
            using var p = CliProcess.Start(folder, "run", "run.toml");
            p.StandardOutput.ReadToEndAsync();
            p.StandardError.ReadToEndAsync();
            if (p.WaitForExit(delay))
            {
                summary.Finished++;
                continue;
            }
            p.Kill();
            p.WaitForExit();
            var path = Path.Combine(folder, "out", "run.nc");
            if (!File.Exists(path))
            {
                summary.NoFile++;
                continue;
            }
            var failure = Check(path, reference, referenceRecords, out var records);
            if (failure is null)
            {
                summary.Checked++;
                summary.Records.Add(records);
            }
            else
            {
                var at = $"kill {k} at {delay.TotalMilliseconds:F0} ms: {failure}";
                summary.Failures.Add(at);
                output.WriteLine(at);
                Keep(path, k);
            }
        }
        output.WriteLine(summary.ToString());
        return summary;
    }

    private static IEnumerable<string> RecordVariables(NetcdfReader nc) =>
        nc.Variables.Where(v => v.Dimensions.Count > 0 && v.Dimensions[0] == "time").Select(v => v.Name);

    private static string? Check(string path, Dictionary<string, double[]> reference, int referenceRecords, out long records)
    {
        records = -1;
        try
        {
            using var nc = NetcdfReader.Open(path);
            var status = nc.ReadStringAttribute(null, "run_status");
            records = nc.ReadInt64Attribute(null, "records_written");
            if (status != "incomplete" && !(status == "complete" && records == referenceRecords))
            {
                return $"run_status = '{status}' with records_written = {records} of {referenceRecords}";
            }
            if (records < 0 || records > nc.RecordCount || records > referenceRecords)
            {
                return $"records_written = {records}, time has {nc.RecordCount}, reference {referenceRecords}";
            }
            foreach (var (name, expected) in reference)
            {
                var values = nc.ReadRecords(name, 0, (int)records);
                var perRecord = expected.Length / referenceRecords;
                for (long i = 0; i < records * perRecord; i++)
                {
                    if (BitConverter.DoubleToInt64Bits(values[i]) != BitConverter.DoubleToInt64Bits(expected[i]))
                    {
                        return $"{name}[{i / perRecord}] = {values[i]:R}, reference {expected[i]:R} (records_written {records})";
                    }
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
        return Ncdump(path);
    }

    private static string? Ncdump(string path)
    {
        const string ncdump = "/usr/bin/ncdump";
        if (!File.Exists(ncdump))
        {
            return "ncdump is not installed; run: sudo apt-get install netcdf-bin";
        }
        var psi = new ProcessStartInfo(ncdump) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-h");
        psi.ArgumentList.Add(path);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return p.ExitCode == 0 ? null : $"ncdump -h exited with {p.ExitCode}: {stderr.Result.Trim()}";
    }

    private static void Keep(string path, int kill)
    {
        var keep = Environment.GetEnvironmentVariable("CLIMATEAD_KILL_STRESS_KEEP");
        if (string.IsNullOrEmpty(keep))
        {
            return;
        }
        Directory.CreateDirectory(keep);
        File.Copy(path, Path.Combine(keep, $"kill-{Environment.ProcessId}-{kill}.nc"), overwrite: true);
    }

    private sealed class Summary(int kills, int seed, TimeSpan window)
    {
        public int Finished { get; set; }

        public int NoFile { get; set; }

        public int Checked { get; set; }

        public List<long> Records { get; } = [];

        public List<string> Failures { get; } = [];

        public override string ToString()
        {
            var range = Records.Count == 0 ? "-" : FormattableString.Invariant($"{Records.Min()}..{Records.Max()}");
            var failed = Failures.Count == 0 ? "" : ":\n" + string.Join("\n", Failures);
            return FormattableString.Invariant(
                $"{kills} kills (seed {seed}, window {window.TotalSeconds:F2} s): {Checked} files checked OK (records_written {range}), ") +
                FormattableString.Invariant($"{NoFile} killed before the file existed, {Finished} finished before the kill, {Failures.Count} FAILED{failed}");
        }
    }
}
