using ClimateAD.Grid.Grids;

namespace ClimateAD.Grid.Tests.Grids;

public class LocationTests
{
    [Fact]
    public void Suffix_NamesTheStaggering()
    {
        Assert.Equal("ccc", Location.Ccc.Suffix);
        Assert.Equal("fcc", Location.Fcc.Suffix);
        Assert.Equal("cfc", Location.Cfc.Suffix);
        Assert.Equal("ffc", Location.Ffc.ToString());
    }

    [Fact]
    public void LandSeaMask_FromArray_ReadsIandJ()
    {
        var a = new bool[3, 2];
        a[2, 1] = true;
        var m = LandSeaMask.FromArray(a);
        Assert.True(m.IsSea(2, 1));
        Assert.False(m.IsSea(1, 2 - 1));
        Assert.Equal(1, m.WetCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => m.IsSea(3, 0));
    }
}
