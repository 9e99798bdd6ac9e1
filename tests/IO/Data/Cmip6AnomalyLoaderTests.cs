using ClimateAD.IO.Data;
using ClimateAD.TestKit;
using Xunit;

namespace ClimateAD.IO.Tests.Data;

public sealed class Cmip6AnomalyLoaderTests : IDisposable
{
    private const string Header = "model,member,year_index,tas_K,rlut_Wm-2,rsut_Wm-2,rsdt_Wm-2";
    private static readonly string RealFile = RepositoryPaths.Data("cmip6-abrupt4xco2-anomalies-hbf/cmip6_abrupt-4xCO2_anomalies_hbf.csv");
    private readonly TempFiles _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_RealFile_HasEveryMemberAndTheFirstRowValues()
    {
        var all = Cmip6AnomalyLoader.Load(RealFile);
        Assert.Equal(68, all.Count);
        Assert.Equal(49, all.Select(s => s.Model).Distinct().Count());
        var access = all[0];
        Assert.Equal(("ACCESS-CM2", "r1i1p1f1", 150), (access.Model, access.Member, access.Years));
        // Row 1: tas 1.1199868603265486; N = rsdt − rsut − rlut.
        Assert.Equal(1.1199868603265486, access.Temperature[0]);
        Assert.Equal(-0.007633584246264036 - (-3.221263905520715) - (-4.160187864753283), access.ToaImbalance[0], 14);
    }

    [Fact]
    public void OneMemberPerModel_PrefersR1i1p1f1_AndSkipsIncompleteMembers()
    {
        var chosen = Cmip6AnomalyLoader.OneMemberPerModel(Cmip6AnomalyLoader.Load(RealFile), 150);
        Assert.Equal(49, chosen.Count);
        Assert.All(chosen, s => Assert.True(s.IsComplete(150)));
        Assert.Equal("r1i1p1f1", chosen.Single(s => s.Model == "GISS-E2-1-G").Member); // r1i1p1f3 is empty
        Assert.Equal("r1i1p1f2", chosen.Single(s => s.Model == "CNRM-CM6-1").Member);
        Assert.Equal("r1i1p1f1", chosen.Single(s => s.Model == "CAMS-CSM1-0").Member); // r2 is empty for years 1-5
    }

    [Fact]
    public void Load_EmptyCells_AreMissingValues()
    {
        var path = _temp.Write("a.csv", Header, "M,r1,1,1.0,-1,-2,0", "M,r1,2,,,,");
        var s = Assert.Single(Cmip6AnomalyLoader.Load(path));
        Assert.Equal(3.0, s.ToaImbalance[0]);
        Assert.True(double.IsNaN(s.Temperature[1]));
        Assert.False(s.IsComplete(2));
        Assert.True(s.IsComplete(1));
    }

    [Theory]
    [InlineData("model,member,year,tas_K,rlut_Wm-2,rsut_Wm-2,rsdt_Wm-2", "M,r1,1,1,1,1,1", ":1: column 3 is 'year', expected 'year_index'")]
    [InlineData(Header, "M,r1,2,1,1,1,1", ":2: year_index '2' of M r1; expected 1 (consecutive from 1)")]
    [InlineData(Header, "M,r1,1,1,1,1,1\nN,r1,1,1,1,1,1\nM,r1,2,1,1,1,1", ":4: rows of M r1 are not contiguous")]
    [InlineData(Header, "M,r1,1,300,1,1,1", ":2: column 'tas_K': 300 K is implausible")]
    [InlineData(Header, "M,r1,1,1,x,1,1", ":2: column 'rlut_Wm-2': 'x' is not a number")]
    [InlineData(Header, "M,r1,1,1,1,1", ":2: has 6 cells, the header has 7")]
    public void Load_BadFile_OneLineErrorWithFileAndLine(string header, string body, string expected)
    {
        var path = _temp.Write("bad.csv", [header, .. body.Split('\n')]);
        var e = Assert.Throws<DataFileException>(() => Cmip6AnomalyLoader.Load(path));
        Assert.DoesNotContain('\n', e.Message);
        Assert.StartsWith(path, e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Load_MissingFile_Throws()
    {
        var e = Assert.Throws<DataFileException>(() => Cmip6AnomalyLoader.Load(Path.Combine(_temp.Folder, "none.csv")));
        Assert.Contains("file not found", e.Message);
    }
}
