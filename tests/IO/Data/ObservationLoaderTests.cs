using ClimateAD.IO.Data;
using Xunit;

using ClimateAD.TestKit;

namespace ClimateAD.IO.Tests.Data;

public sealed class ObservationLoaderTests : IDisposable
{
    private const string HadCrutHeader = "Time,Anomaly (deg C),Lower confidence limit (2.5%),Upper confidence limit (97.5%)";
    private const string OhcTitle = "Changes in global ocean heat content in Zettajoules (ZJ) relative to the 1971 average.";
    private const string OhcHeader = "Year,Central Estimate 0-700m,0-700m Uncertainty (1-sigma),Central Estimate 700-2000m,700-2000m Uncertainty (1-sigma),Central Estimate >2000m,>2000m Uncertainty (1-sigma),Central Estimate Full-depth,Full-depth Uncertainty (1-sigma)";

    private readonly TempFiles _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void LoadHadCrut5_RealFile_SpansAndSpotValues()
    {
        var s = ObservationLoader.LoadHadCrut5(RepositoryPaths.Data("hadcrut5/HadCRUT.5.0.2.0.analysis.summary_series.global.annual.csv"));
        Assert.Equal(1850, s.FirstYear);
        Assert.Equal(2024, s.LastYear);
        Assert.Equal("K", s.Units);
        // Row 1850: -0.4177114, -0.58925647, -0.2461663.
        Assert.Equal(-0.4177114, s[1850]);
        Assert.Equal(-0.58925647, s.Lower[0]);
        Assert.Equal(-0.2461663, s.Upper[0]);
        Assert.Equal((-0.2461663 + 0.58925647) / 3.92, s.Sigma[0], 15);
        // Row 2023: 1.1003127.
        Assert.Equal(1.1003127, s[2023]);
    }

    [Fact]
    public void Rebase_HadCrut5To1850_1900_MatchesIndependentlyRebasedFile()
    {
        // igcc2024-gmst holds HadCRUT5 rebased to 1850-1900 by C. Smith; the 2024 rows differ
        // because data/hadcrut5 has a partial 2024, so compare 1850-2023.
        var ours = ObservationLoader.LoadHadCrut5(RepositoryPaths.Data("hadcrut5/HadCRUT.5.0.2.0.analysis.summary_series.global.annual.csv"))
            .Rebase(new ReferencePeriod(1850, 1900));
        var theirs = ObservationLoader.LoadIgccGmst(RepositoryPaths.Data("igcc2024-gmst/HadCRUT.5.0.2.0.analysis.summary_series.global.annual.rebased_1850-1900_2024.csv"));
        Assert.Equal("HadCRUT5", theirs.Name);
        for (int y = 1850; y <= 2023; y++) Assert.Equal(theirs[y], ours[y], 1e-8);
    }

    [Fact]
    public void LoadIgccGmst_RealFile_BomAndMidYearsHandled()
    {
        var s = ObservationLoader.LoadIgccGmst(RepositoryPaths.Data("igcc2024-gmst/IGCC_GMST_1850-2024.csv"));
        Assert.Equal(1850, s.FirstYear);
        Assert.Equal(2024, s.LastYear);
        Assert.Equal(-0.051569, s[1850]);
        Assert.Equal(1.523431, s[2024]);
        Assert.False(s.HasSigma);
        Assert.Equal("1850-1900 mean", s.Reference);
    }

    [Fact]
    public void LoadOceanHeatContent_Ar6_FullDepthByDefault()
    {
        var s = ObservationLoader.LoadOceanHeatContent(RepositoryPaths.Data("ar6-ohc/AR6_OHC_ensemble_FGDprelim.csv"));
        Assert.Equal(1971, s.FirstYear);
        Assert.Equal(2018, s.LastYear);
        Assert.Equal("ZJ", s.Units);
        Assert.Equal(0.0, s[1971]);
        Assert.Equal(395.27945447108414, s[2018]);
        Assert.Equal(31.186974640796286, s.Sigma[^1]);
    }

    [Fact]
    public void LoadOceanHeatContent_Ar6_700To2000mDespiteHeaderMissingParenthesis()
    {
        var s = ObservationLoader.LoadOceanHeatContent(RepositoryPaths.Data("ar6-ohc/AR6_OHC_ensemble_FGDprelim.csv"), "700-2000m");
        Assert.Equal(123.28486666666666, s[2018]);
        Assert.Equal(10.675038969247137, s.Sigma[^1]);
    }

    [Fact]
    public void LoadOceanHeatContent_Igcc_Spans1971To2023()
    {
        var s = ObservationLoader.Load(ObservationKind.OhcIgcc, RepositoryPaths.Data("igcc-ohc-energy-inventory/AR6_OHC_ensemble_IGCC_update_2024-04-13.csv"));
        Assert.Equal(1971, s.FirstYear);
        Assert.Equal(2023, s.LastYear);
        Assert.Equal(484.82157000000063, s[2023]);
        Assert.Equal(36.8551891022091, s.Sigma[^1]);
    }

    [Fact]
    public void LoadHadCrut5_WrongHeader_FailsOnLineOne()
    {
        string path = _temp.Write("h.csv", "Time,Anomaly (deg F),Lower,Upper", "1850,-0.4,-0.5,-0.3");
        var e = Assert.Throws<DataFileException>(() => ObservationLoader.LoadHadCrut5(path));
        Assert.Equal(1, e.Line);
        Assert.Contains("Anomaly (deg C)", e.Message);
    }

    [Fact]
    public void LoadHadCrut5_AnomalyOutsideLimits_FailsOnThatLine()
    {
        string path = _temp.Write("h.csv", HadCrutHeader, "1850,-0.4,-0.5,-0.3", "1851,-0.2,-0.5,-0.3");
        var e = Assert.Throws<DataFileException>(() => ObservationLoader.LoadHadCrut5(path));
        Assert.Equal(3, e.Line);
        Assert.Contains("not between its limits", e.Message);
    }

    [Fact]
    public void LoadHadCrut5_ValueInWrongUnits_FailsOnThatLine()
    {
        // 33 looks like a temperature in degrees Fahrenheit or an absolute temperature.
        string path = _temp.Write("h.csv", HadCrutHeader, "1850,-0.4,-0.5,-0.3", "1851,33,32,34");
        var e = Assert.Throws<DataFileException>(() => ObservationLoader.LoadHadCrut5(path));
        Assert.Equal(3, e.Line);
        Assert.Contains("wrong units", e.Message);
    }

    [Fact]
    public void LoadIgccGmst_NonConsecutiveYear_FailsOnThatLine()
    {
        string path = _temp.Write("g.csv", "year,gmst", "1850.5,0.1", "1851.5,0.2", "1853.5,0.3");
        var e = Assert.Throws<DataFileException>(() => ObservationLoader.LoadIgccGmst(path));
        Assert.Equal(4, e.Line);
        Assert.Contains("year 1853 follows 1851", e.Message);
    }

    [Fact]
    public void LoadIgccGmst_NonNumericCell_FailsOnThatLine()
    {
        string path = _temp.Write("g.csv", "year,gmst", "1850.5,0.1", "1851.5,abc");
        var e = Assert.Throws<DataFileException>(() => ObservationLoader.LoadIgccGmst(path));
        Assert.Equal(3, e.Line);
        Assert.Contains("'abc' is not a number", e.Message);
    }

    [Fact]
    public void LoadOceanHeatContent_TitleWithoutZettajoules_FailsOnLineOne()
    {
        string path = _temp.Write("o.csv", "Changes in global ocean heat content in Joules relative to the 1971 average.", OhcHeader,
            "1971.5,0,1,0,1,0,0,0,1");
        var e = Assert.Throws<DataFileException>(() => ObservationLoader.LoadOceanHeatContent(path));
        Assert.Equal(1, e.Line);
        Assert.Contains("Zettajoules", e.Message);
    }

    [Fact]
    public void LoadOceanHeatContent_ValueInJoules_FailsOnThatLine()
    {
        string path = _temp.Write("o.csv", OhcTitle, OhcHeader, "1971.5,0,1,0,1,0,0,0,1", "1972.5,0,1,0,1,0,0,9.5e21,1");
        var e = Assert.Throws<DataFileException>(() => ObservationLoader.LoadOceanHeatContent(path));
        Assert.Equal(4, e.Line);
        Assert.Contains("wrong units", e.Message);
    }

    [Fact]
    public void LoadOceanHeatContent_MissingColumn_FailsOnHeaderLine()
    {
        string path = _temp.Write("o.csv", OhcTitle, OhcHeader.Replace("Central Estimate Full-depth", "Central Estimate Whole"),
            "1971.5,0,1,0,1,0,0,0,1");
        var e = Assert.Throws<DataFileException>(() => ObservationLoader.LoadOceanHeatContent(path));
        Assert.Equal(2, e.Line);
        Assert.Contains("Central Estimate Full-depth", e.Message);
    }

    [Fact]
    public void ParseKind_AllNames_RoundTrip()
    {
        foreach (var name in ObservationLoader.KindNames)
            Assert.Equal(name, ObservationLoader.KindName(ObservationLoader.ParseKind(name)!.Value));
        Assert.Null(ObservationLoader.ParseKind("gistemp"));
    }
}
