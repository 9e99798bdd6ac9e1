using ClimateAD.IO.Data;
using ClimateAD.Physics.Forcing;
using Xunit;

using ClimateAD.TestKit;

namespace ClimateAD.IO.Tests.Data;

public sealed class ErfLoaderTests : IDisposable
{
    private const string Ar6Header =
        "year,co2,ch4,n2o,other_wmghg,o3,h2o_stratospheric,contrails,aerosol-radiation_interactions,aerosol-cloud_interactions,bc_on_snow,land_use,volcanic,solar,total";

    private readonly TempFiles _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>One AR6-format row whose 13 components are 0.1 each (total 1.3) unless overridden.</summary>
    private static string Row(string year, string co2 = "0.1", string total = "1.3") =>
        $"{year},{co2},0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,{total}";

    [Fact]
    public void Load_Ar6Historical_SpansYearsAndMatchesCells()
    {
        var t = ErfLoader.Load(RepositoryPaths.Data("ar6-erf-historical/AR6_ERF_1750-2019.csv"));
        Assert.Equal(1750, t.FirstYear);
        Assert.Equal(2019, t.LastYear);
        Assert.Empty(t.Missing);
        // Read off the file: 2019 row, columns co2 and aerosol-cloud_interactions; 1750 volcanic.
        Assert.Equal(2.156277925173476, t[ErfComponent.CarbonDioxide, 2019], 15);
        Assert.Equal(-0.8427783283750662, t[ErfComponent.AerosolCloud, 2019], 15);
        Assert.Equal(0.1999780663005404, t[ErfComponent.Volcanic, 1750], 15);
        Assert.Equal(0.08, t[ErfComponent.BlackCarbonOnSnow, 2019], 15);
    }

    [Fact]
    public void Load_Ar6Historical_ComponentsSumToFileTotal()
    {
        var t = ErfLoader.Load(RepositoryPaths.Data("ar6-erf-historical/AR6_ERF_1750-2019.csv"));
        // 1750 total from the file: 0.29756832829343005 (volcanic + solar).
        Assert.Equal(0.29756832829343005, t.Total(1750), 12);
        Assert.Equal(0.1999780663005404 + 0.09759026199288964, t.Total(1750), 15);
    }

    [Theory]
    [InlineData("ssp119")]
    [InlineData("ssp126")]
    [InlineData("ssp245")]
    [InlineData("ssp370")]
    [InlineData("ssp585")]
    public void Load_Ar6Ssp_Spans1750To2500(string ssp)
    {
        var t = ErfLoader.Load(RepositoryPaths.Data($"ar6-erf-ssp/ERF_{ssp}_1750-2500.csv"));
        Assert.Equal(1750, t.FirstYear);
        Assert.Equal(2500, t.LastYear);
        Assert.Equal(0.0, t[ErfComponent.Volcanic, 2030]);
    }

    [Fact]
    public void Load_Ar6Ssp245_SpotValuesFromFile()
    {
        var t = ErfLoader.Load(RepositoryPaths.Data("ar6-erf-ssp/ERF_ssp245_1750-2500.csv"));
        Assert.Equal(4.166380491971003, t[ErfComponent.CarbonDioxide, 2500], 15);
        Assert.Equal(4.470422600327725, t.Total(2500), 12);
        Assert.Equal(-0.00035845879813243935, t[ErfComponent.BlackCarbonOnSnow, 1751], 15);
    }

    [Fact]
    public void Load_IgccAggregates_MidYearLabelsMapToCalendarYears()
    {
        var t = ErfLoader.Load(RepositoryPaths.Data("igcc2024-erf/ERF_best_aggregates_1750-2024.csv"));
        Assert.Equal(1750, t.FirstYear);
        Assert.Equal(2024, t.LastYear);
        // Row 2024.5: CO2, volcanic, total read off the file.
        Assert.Equal(2.332456921700882, t[ErfComponent.CarbonDioxide, 2024], 15);
        Assert.Equal(0.2379542280569292, t[ErfComponent.Volcanic, 2024], 15);
        Assert.Equal(3.3028279001514402, t.Total(2024), 12);
        // Row 1750.5: solar 0.0975902619928896, volcanic 0.2036797672164808, total 0.3012700292093704.
        Assert.Equal(0.3012700292093704, t.Total(1750), 12);
    }

    [Fact]
    public void Load_IgccPerSpecies_HalogensSumToAggregateHalogenColumn()
    {
        var species = ErfLoader.Load(RepositoryPaths.Data("igcc2024-erf/ERF_best_1750-2024.csv"));
        var aggregates = ErfLoader.Load(RepositoryPaths.Data("igcc2024-erf/ERF_best_aggregates_1750-2024.csv"));
        Assert.Equal(1750, species.FirstYear);
        Assert.Equal(2024, species.LastYear);
        Assert.Equal(2.332456921700882, species[ErfComponent.CarbonDioxide, 2024], 15);
        // 1751: the only non-zero halogen is CH3Cl (7.95800959445302e-10), as in the aggregate 'halogen' column.
        Assert.Equal(7.95800959445302e-10, species[ErfComponent.OtherWellMixedGreenhouseGases, 1751]);
        for (int y = 1750; y <= 2024; y++)
        {
            Assert.Equal(aggregates[ErfComponent.OtherWellMixedGreenhouseGases, y], species[ErfComponent.OtherWellMixedGreenhouseGases, y], 12);
            Assert.Equal(aggregates.Total(y), species.Total(y), 12);
        }
    }

    [Theory]
    [InlineData("ar6-erf-historical/AR6_ERF_1750-2019_pc05.csv")]
    [InlineData("ar6-erf-historical/AR6_ERF_1750-2019_pc95.csv")]
    [InlineData("ar6-erf-ssp/ERF_ssp245_1750-2500_pc05.csv")]
    [InlineData("igcc2024-erf/ERF_p05_aggregates_1750-2024.csv")]
    [InlineData("igcc2024-erf/ERF_p95_aggregates_1750-2024.csv")]
    public void Load_PercentileFile_LoadsWithoutAggregateCheck(string file)
    {
        string path = RepositoryPaths.Data(file);
        Assert.True(ErfLoader.IsPercentileFile(path));
        var t = ErfLoader.Load(path);
        Assert.Equal(1750, t.FirstYear);
        // The same file with the check forced on fails: a percentile of a sum is not a sum of percentiles.
        var e = Assert.Throws<DataFileException>(() => ErfLoader.Load(path, checkAggregates: true));
        Assert.Contains("components sum to", e.Message);
    }

    [Fact]
    public void IsPercentileFile_BestEstimateNames_False()
    {
        Assert.False(ErfLoader.IsPercentileFile("ERF_best_aggregates_1750-2024.csv"));
        Assert.False(ErfLoader.IsPercentileFile("ERF_ssp245_1750-2500.csv"));
        Assert.False(ErfLoader.IsPercentileFile("AR6_ERF_1750-2019.csv"));
    }

    [Fact]
    public void Load_SmallValidFile_ReadsValues()
    {
        string path = _temp.Write("ok.csv", Ar6Header, Row("2000"), Row("2001", co2: "0.2", total: "1.4"));
        var t = ErfLoader.Load(path);
        Assert.Equal(2000, t.FirstYear);
        Assert.Equal(2001, t.LastYear);
        Assert.Equal(0.2, t[ErfComponent.CarbonDioxide, 2001]);
        Assert.Equal(1.4, t.Total(2001), 12);
    }

    [Fact]
    public void Load_MissingColumn_FailsOnHeaderLine()
    {
        string path = _temp.Write("x.csv", Ar6Header.Replace(",ch4", ""), "2000,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,1.2");
        var e = Assert.Throws<DataFileException>(() => ErfLoader.Load(path));
        Assert.Equal(1, e.Line);
        Assert.Equal(path, e.FilePath);
        Assert.Contains("missing column 'ch4'", e.Message);
        Assert.StartsWith($"{path}:1: ", e.Message);
    }

    [Fact]
    public void Load_UnknownColumn_FailsOnHeaderLine()
    {
        string path = _temp.Write("x.csv", Ar6Header + ",mystery", Row("2000") + ",0");
        var e = Assert.Throws<DataFileException>(() => ErfLoader.Load(path));
        Assert.Equal(1, e.Line);
        Assert.Contains("unknown column 'mystery'", e.Message);
    }

    [Fact]
    public void Load_NonConsecutiveYear_FailsOnThatLine()
    {
        string path = _temp.Write("x.csv", Ar6Header, Row("1800"), Row("1801"), Row("1803"));
        var e = Assert.Throws<DataFileException>(() => ErfLoader.Load(path));
        Assert.Equal(4, e.Line);
        Assert.Equal($"{path}:4: year 1803 follows 1801; years must be consecutive", e.Message);
    }

    [Fact]
    public void Load_NonNumericCell_FailsOnThatLine()
    {
        string path = _temp.Write("x.csv", Ar6Header, Row("2000"), Row("2001", co2: "n/a"), Row("2002"));
        var e = Assert.Throws<DataFileException>(() => ErfLoader.Load(path));
        Assert.Equal(3, e.Line);
        Assert.Contains("column 'co2': 'n/a' is not a number", e.Message);
    }

    [Fact]
    public void Load_ValueInWrongUnits_FailsOnThatLine()
    {
        // 410 looks like a CO2 concentration in ppm, not a forcing in W m-2.
        string path = _temp.Write("x.csv", Ar6Header, Row("2000"), Row("2001"), Row("2002", co2: "410", total: "411.2"));
        var e = Assert.Throws<DataFileException>(() => ErfLoader.Load(path));
        Assert.Equal(4, e.Line);
        Assert.Contains("wrong units", e.Message);
    }

    [Fact]
    public void Load_TotalDisagreesWithComponents_FailsOnThatLine()
    {
        string path = _temp.Write("x.csv", Ar6Header, Row("2000"), Row("2001", total: "1.31"));
        var e = Assert.Throws<DataFileException>(() => ErfLoader.Load(path));
        Assert.Equal(3, e.Line);
        Assert.Contains("column 'total'", e.Message);
    }

    [Fact]
    public void Load_ShortRow_FailsOnThatLine()
    {
        string path = _temp.Write("x.csv", Ar6Header, Row("2000"), "2001,0.1,0.1");
        var e = Assert.Throws<DataFileException>(() => ErfLoader.Load(path));
        Assert.Equal(3, e.Line);
        Assert.Contains("has 3 cells, the header has 15", e.Message);
    }

    [Fact]
    public void Load_MixedMidYearLabels_FailsOnThatLine()
    {
        string path = _temp.Write("x.csv", Ar6Header, Row("2000.5"), Row("2001"));
        var e = Assert.Throws<DataFileException>(() => ErfLoader.Load(path));
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void Load_UnrecognisedHeader_FailsOnLineOne()
    {
        string path = _temp.Write("x.csv", "time,CO2 forcing", "2000,1.0");
        var e = Assert.Throws<DataFileException>(() => ErfLoader.Load(path));
        Assert.Equal(1, e.Line);
        Assert.Contains("unrecognised ERF header", e.Message);
    }

    [Fact]
    public void Load_MissingFile_FailsWithoutLine()
    {
        string path = Path.Combine(_temp.Folder, "absent.csv");
        var e = Assert.Throws<DataFileException>(() => ErfLoader.Load(path));
        Assert.Equal(0, e.Line);
        Assert.Equal($"{path}: file not found", e.Message);
    }
}
