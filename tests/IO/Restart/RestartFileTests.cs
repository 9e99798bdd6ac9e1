using ClimateAD.IO.Restart;
using Xunit;

namespace ClimateAD.IO.Tests.Restart;

/// <summary>The HDF5 restart file: exact bits back, identity checks, one-line errors for wrong files.</summary>
public sealed class RestartFileTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "climatead-restart-" + Guid.NewGuid().ToString("N"));

    public RestartFileTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static long[] Bits(double[] v) => v.Select(BitConverter.DoubleToInt64Bits).ToArray();

    [Fact]
    public void WriteRead_ReturnsExactBitsAndIdentity_AndLeavesNoTemporaryFile()
    {
        double[] state = [1.0, -0.0, double.Epsilon, double.NaN, 1e308, Math.PI, -1.0 / 3.0, 2.5e-310];
        string path = Path.Combine(_dir, "sub", "r.h5");
        new RestartFile(path, "swe-double-gyre", "ab3", "gyre", 1234, 1.0 / 288, state).Write();
        new RestartFile(path, "swe-double-gyre", "ab3", "gyre", 1235, 1.0 / 288, state.Reverse().ToArray()).Write(); // overwrite
        Assert.False(File.Exists(path + ".tmp"));
        var back = RestartFile.Read(path);
        Assert.Equal(1235, back.Step);
        Assert.Equal(("swe-double-gyre", "ab3", "gyre"), (back.Model, back.Integrator, back.Scenario));
        Assert.Equal(BitConverter.DoubleToInt64Bits(1.0 / 288), BitConverter.DoubleToInt64Bits(back.TimeStep));
        Assert.Equal(Bits(state.Reverse().ToArray()), Bits(back.State));
        Assert.Null(back.Mismatch("swe-double-gyre", "ab3", 1.0 / 288, 8, 2000));
        Assert.Equal($"{path}: restart of model swe-double-gyre, but the scenario runs swe-galewsky", back.Mismatch("swe-galewsky", "ab3", 1.0 / 288, 8, 2000));
        Assert.Contains("holds 8 state values, the scenario's grid needs 9", back.Mismatch("swe-double-gyre", "ab3", 1.0 / 288, 9, 2000));
        Assert.Contains("time step", back.Mismatch("swe-double-gyre", "ab3", 1.0 / 289, 8, 2000));
        Assert.Contains("outside the run's 1000 steps", back.Mismatch("swe-double-gyre", "ab3", 1.0 / 288, 8, 1000));
    }

    [Fact]
    public void Read_NotARestartFile_ThrowsOneLineNamingTheFile()
    {
        string text = Path.Combine(_dir, "t.h5");
        File.WriteAllText(text, "not hdf5");
        var e = Assert.Throws<InvalidDataException>(() => RestartFile.Read(text));
        Assert.Equal($"{text}: not an HDF5 file", e.Message);
        var missing = Assert.Throws<InvalidDataException>(() => RestartFile.Read(Path.Combine(_dir, "none.h5")));
        Assert.EndsWith("none.h5: restart file not found", missing.Message);
        using (var store = new ClimateAD.IO.Checkpoints.Hdf5SnapshotStore(1, 3, _dir))
        {
            var other = Assert.Throws<InvalidDataException>(() => RestartFile.Read(store.FilePath));
            Assert.Contains("not a ClimateAD restart file (climatead_kind = 'adjoint-snapshots')", other.Message);
        }
    }

    [Fact]
    public void PathAt_NamesStepNextToOutput()
    {
        var r = new RestartRequest(10, null) { OutputFile = Path.Combine(_dir, "run.nc") };
        Assert.Equal(Path.Combine(_dir, "run.restart.00000020.h5"), r.PathAt(20));
        Assert.True(r.IsDue(20, 30));
        Assert.False(r.IsDue(25, 30));
        Assert.False(r.IsDue(30, 30));
        Assert.False(new RestartRequest(0, "x.h5").IsDue(10, 30));
    }
}
