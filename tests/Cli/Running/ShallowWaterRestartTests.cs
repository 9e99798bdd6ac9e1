using ClimateAD.IO.Netcdf;
using ClimateAD.IO.Restart;
using Xunit;

namespace ClimateAD.Cli.Tests.Running;

/// <summary>
/// <c>climatead run --restart-every / --restart-from</c>: a shallow-water run restarted halfway from its
/// HDF5 restart file writes records bit-identical to those of the uninterrupted run, for a Runge–Kutta
/// stepper and for Adams–Bashforth 3 (whose two previous tendencies are part of the restart state).
/// </summary>
public sealed class ShallowWaterRestartTests
{
    private static readonly string[] Variables = ["h", "u", "v", "vorticity", "mass", "energy", "enstrophy"];

    [Theory]
    [InlineData("ssp-rk3", 3)]
    [InlineData("ab3", 9)]
    public void Run_RestartedHalfway_IsBitIdenticalToUninterruptedRun(string integrator, int blocks)
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.File("s.toml"), ShallowWaterRunTests.DoubleGyre.Replace("INTEGRATOR", integrator));
        var full = CliProcess.Run(tmp.Path, "run", "s.toml", "--plain-progress", "--device", "cpu", "-o", "full.nc", "--restart-every", "144");
        Assert.True(full.Code == 0, full.Err);
        string restart = tmp.File("full.restart.00000144.h5");
        Assert.True(File.Exists(restart), full.Err);
        Assert.False(File.Exists(tmp.File("full.restart.00000288.h5"))); // none after the last step

        var file = RestartFile.Read(restart);
        Assert.Equal(144, file.Step);
        Assert.Equal(integrator, file.Integrator);
        Assert.Equal(blocks * 144, file.State.Length);
        if (blocks == 9) Assert.Contains(file.State[(3 * 144)..], g => g != 0); // the AB3 history is stored

        var resumed = CliProcess.Run(tmp.Path, "run", "s.toml", "--plain-progress", "--device", "cpu", "-o", "resumed.nc", "--restart-from", restart);
        Assert.True(resumed.Code == 0, resumed.Err);
        Assert.Contains("Resuming from " + restart + " at step 144", resumed.Out);
        using var a = NetcdfReader.Open(tmp.File("full.nc"));
        using var b = NetcdfReader.Open(tmp.File("resumed.nc"));
        Assert.Equal(8, a.RecordCount);
        Assert.Equal(4, b.RecordCount);
        for (int r = 0; r < 4; r++)
        {
            Assert.Equal(a.ReadRecord("time", r + 4), b.ReadRecord("time", r));
            foreach (var v in Variables)
            {
                var expected = a.ReadRecord(v, r + 4);
                var actual = b.ReadRecord(v, r);
                Assert.Equal(expected.Length, actual.Length);
                for (int k = 0; k < expected.Length; k++)
                    Assert.True(BitConverter.DoubleToInt64Bits(expected[k]) == BitConverter.DoubleToInt64Bits(actual[k]),
                        $"{integrator}: {v}[{k}] of record {r + 4}: {expected[k]:R} uninterrupted, {actual[k]:R} restarted");
            }
        }
    }

    [Fact]
    public void Run_RestartMisuse_FailsWithOneLine()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.File("rk.toml"), ShallowWaterRunTests.DoubleGyre.Replace("INTEGRATOR", "ssp-rk3"));
        File.WriteAllText(tmp.File("ab.toml"), ShallowWaterRunTests.DoubleGyre.Replace("INTEGRATOR", "ab3"));
        var first = CliProcess.Run(tmp.Path, "run", "rk.toml", "--plain-progress", "--device", "cpu", "-o", "rk.nc", "--restart-every", "72");
        Assert.True(first.Code == 0, first.Err);
        var (code, _, stderr) = CliProcess.Run(tmp.Path, "run", "ab.toml", "--plain-progress", "--device", "cpu", "-o", "ab.nc",
            "--restart-from", "rk.restart.00000072.h5");
        Assert.Equal(2, code);
        Assert.Contains("climatead: --restart-from rk.restart.00000072.h5: restart written with integrator ssp-rk3, but the scenario uses ab3", stderr);

        var (code2, _, stderr2) = CliProcess.Run(tmp.Path, "run", "rk.toml", "--plain-progress", "--device", "cpu", "-o", "x.nc", "--restart-every", "50");
        Assert.Equal(2, code2);
        Assert.Contains("multiple of the 36 steps per record", stderr2);

        var (code3, _, stderr3) = CliProcess.Run(tmp.Path, "run", ClimateAD.TestKit.RepositoryPaths.Combine("scenarios", "lorenz96-k8.toml"),
            "--plain-progress", "-o", "l96.nc", "--restart-every", "10");
        Assert.Equal(2, code3);
        Assert.Contains("--restart-every/--restart-from are supported for the shallow-water models only, not lorenz96-two-scale", stderr3);
        Assert.False(File.Exists(tmp.File("l96.nc")));
    }
}
