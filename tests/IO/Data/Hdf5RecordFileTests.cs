using ClimateAD.IO.Data;
using Xunit;

namespace ClimateAD.IO.Tests.Data;

public sealed class Hdf5RecordFileTests
{
    [Fact]
    public void Records_RoundTripBitForBit()
    {
        string dir = Path.Combine(Path.GetTempPath(), "climatead-records-" + Guid.NewGuid().ToString("N"));
        string path = Path.Combine(dir, "r.h5");
        try
        {
            double[] values = [Math.PI, -0.0, double.NaN, 1e-310, double.MaxValue, 0.1 + 0.2];
            using (var f = Hdf5RecordFile.Create(path))
            {
                f.CreateGroup("g");
                f.WriteDoubles("g/m", values, 2, 3);
                f.WriteLongs("g/l", [long.MinValue, 0, 42]);
                f.WriteDoubles("empty", []);
                f.WriteAttribute("/", "text", "λ = 1.06 W m-2 K-1");
                f.WriteAttribute("g", "n", 7L);
                f.WriteAttribute("g", "x", 2.5);
                Assert.Throws<ArgumentException>(() => f.WriteDoubles("bad", values, 4, 2));
            }
            using var r = Hdf5RecordFile.OpenRead(path);
            Assert.True(r.Exists("g/m"));
            Assert.False(r.Exists("g/nothing"));
            Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), r.ReadDoubles("g/m").Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal([long.MinValue, 0, 42], r.ReadLongs("g/l"));
            Assert.Empty(r.ReadDoubles("empty"));
            Assert.Equal("λ = 1.06 W m-2 K-1", r.ReadText("/", "text"));
            Assert.Equal(7L, r.ReadLong("g", "n"));
            Assert.Equal(2.5, r.ReadDouble("g", "x"));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
