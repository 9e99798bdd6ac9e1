using ClimateAD.IO.Data;
using ClimateAD.Physics.Forcing;
using Xunit;

using ClimateAD.TestKit;

namespace ClimateAD.IO.Tests.Data;

public sealed class ErfSplicerTests
{
    /// <summary>A table whose CO2 value in year y is <paramref name="offset"/> + y, other components absent.</summary>
    private static ErfTable Ramp(string name, int first, int last, double offset) =>
        new(name, first, new Dictionary<ErfComponent, double[]>
        {
            [ErfComponent.CarbonDioxide] = Enumerable.Range(first, last - first + 1).Select(y => offset + y).ToArray(),
        });

    [Fact]
    public void Splice_TwoSources_TakesEachYearFromItsWindow()
    {
        var a = Ramp("a", 1750, 2024, 0);
        var b = Ramp("b", 1750, 2500, 10_000);
        var t = ErfSplicer.Splice([new ErfSource(a, LastYear: 2024), new ErfSource(b, FirstYear: 2025)], 1850, 2100);
        Assert.Equal(1850, t.FirstYear);
        Assert.Equal(2100, t.LastYear);
        Assert.Equal(1850.0, t[ErfComponent.CarbonDioxide, 1850]);
        Assert.Equal(2024.0, t[ErfComponent.CarbonDioxide, 2024]);
        Assert.Equal(12_025.0, t[ErfComponent.CarbonDioxide, 2025]);
        Assert.Equal(12_100.0, t[ErfComponent.CarbonDioxide, 2100]);
        Assert.Contains(ErfComponent.Methane, t.Missing);
        Assert.DoesNotContain(ErfComponent.CarbonDioxide, t.Missing);
        Assert.Equal("a [1850-2024] + b [2025-2100]", t.Source);
    }

    [Fact]
    public void Splice_SecondSourceWithoutFirstYear_StartsAfterPrevious()
    {
        var a = Ramp("a", 1750, 2000, 0);
        var b = Ramp("b", 1900, 2100, 5);
        var windows = ErfSplicer.Windows([new ErfSource(a, LastYear: 1950), new ErfSource(b)]);
        Assert.Equal((1750, 1950), windows[0]);
        Assert.Equal((1951, 2100), windows[1]);
    }

    [Fact]
    public void Splice_RangeInsideFirstSourceOnly_IgnoresLaterSources()
    {
        var a = Ramp("a", 1750, 2024, 0);
        var b = Ramp("b", 1750, 2500, 10_000);
        var t = ErfSplicer.Splice([new ErfSource(a, LastYear: 2024), new ErfSource(b, FirstYear: 2025)], 1900, 1910);
        Assert.Equal("a [1900-1910]", t.Source);
        Assert.Equal(1910.0, t[ErfComponent.CarbonDioxide, 1910]);
    }

    [Fact]
    public void Splice_OverlappingWindows_Throws()
    {
        var a = Ramp("a", 1750, 2024, 0);
        var b = Ramp("b", 1750, 2500, 0);
        var e = Assert.Throws<ArgumentException>(() => ErfSplicer.Splice([new ErfSource(a), new ErfSource(b, FirstYear: 2015)], 1850, 2100));
        Assert.Contains("overlaps", e.Message);
    }

    [Fact]
    public void Splice_GapBetweenWindows_Throws()
    {
        var a = Ramp("a", 1750, 2024, 0);
        var b = Ramp("b", 1750, 2500, 0);
        var e = Assert.Throws<ArgumentException>(() => ErfSplicer.Splice([new ErfSource(a, LastYear: 2010), new ErfSource(b, FirstYear: 2015)], 1850, 2100));
        Assert.Contains("gap", e.Message);
    }

    [Fact]
    public void Splice_WindowOutsideTable_Throws()
    {
        var a = Ramp("a", 1750, 2024, 0);
        var e = Assert.Throws<ArgumentException>(() => ErfSplicer.Splice([new ErfSource(a, LastYear: 2030)], 1850, 2020));
        Assert.Contains("outside the table", e.Message);
    }

    [Fact]
    public void Splice_RangeBeyondCoverage_Throws()
    {
        var a = Ramp("a", 1750, 2024, 0);
        var e = Assert.Throws<ArgumentException>(() => ErfSplicer.Splice([new ErfSource(a)], 1850, 2030));
        Assert.Contains("1750-2024", e.Message);
    }

    [Fact]
    public void Splice_RealIgccThenSsp245_JointTakesEachFilesValue()
    {
        var igcc = ErfLoader.Load(RepositoryPaths.Data("igcc2024-erf/ERF_best_aggregates_1750-2024.csv"));
        var ssp = ErfLoader.Load(RepositoryPaths.Data("ar6-erf-ssp/ERF_ssp245_1750-2500.csv"));
        var t = ErfSplicer.Splice([new ErfSource(igcc, LastYear: 2024), new ErfSource(ssp, FirstYear: 2025)], 1850, 2100);
        Assert.Empty(t.Missing);
        Assert.Equal(igcc[ErfComponent.Volcanic, 2024], t[ErfComponent.Volcanic, 2024]);
        Assert.Equal(0.0, t[ErfComponent.Volcanic, 2025]);
        Assert.Equal(ssp.Total(2100), t.Total(2100), 12);
        Assert.Equal(igcc.Total(1850), t.Total(1850), 12);
    }
}
