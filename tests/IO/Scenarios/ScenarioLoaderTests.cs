using ClimateAD.IO.Data;
using ClimateAD.IO.Scenarios;
using ClimateAD.IO.Tests.Data;
using ClimateAD.Physics.EnergyBalance;
using ClimateAD.Physics.Forcing;
using Xunit;

using ClimateAD.TestKit;

namespace ClimateAD.IO.Tests.Scenarios;

public sealed class ScenarioLoaderTests : IDisposable
{
    private readonly TempFiles _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string ScenarioFile(string name) => RepositoryPaths.Combine("scenarios", name);

    [Fact]
    public void Load_Quickstart_HasTheValuesWritten()
    {
        var s = ScenarioLoader.Load(ScenarioFile("quickstart.toml"), _temp.Folder);

        Assert.Equal("quickstart", s.Name);
        Assert.Equal(Path.GetFullPath(ScenarioFile("quickstart.toml")), s.File);
        Assert.Equal(File.ReadAllText(ScenarioFile("quickstart.toml")), s.Text);
        Assert.Equal("ebm-two-layer", s.Model.Name);
        Assert.Equal("exact", s.Integrator);
        Assert.Equal(DevicePreference.Auto, s.Device);
        Assert.Empty(s.Overrides);
        Assert.Equal(TwoLayerParameterTable.All.Defaults(), s.Parameters.ToArray());
        Assert.Equal(new SimulationTime(1850, 2100, 1), s.Time);
        Assert.Equal(251, s.Time.Steps);
        Assert.Equal(EnsembleSpec.Single, s.Ensemble);
        Assert.Equal(0.0, s.Initial["tas"]);
        Assert.Equal(0.0, s.Initial["tas_deep"]);

        var forcing = Assert.IsType<ErfScenarioForcing>(s.Forcing);
        Assert.Equal(1850, forcing.Table.FirstYear);
        Assert.Equal(2100, forcing.Table.LastYear);
        Assert.Equal(2, forcing.Sources.Count);
        Assert.Equal((1750, 2024), (forcing.Sources[0].FirstYear, forcing.Sources[0].LastYear));
        Assert.Equal((2025, 2500), (forcing.Sources[1].FirstYear, forcing.Sources[1].LastYear));
        // IGCC 2024 row 2024.5 and SSP2-4.5 row 2500 (not used) / 2025 volcanic = 0, read off the files.
        Assert.Equal(2.332456921700882, forcing.Table[ErfComponent.CarbonDioxide, 2024], 15);
        Assert.Equal(0.0, forcing.Table[ErfComponent.Volcanic, 2025]);
        Assert.Equal(0.2379542280569292, forcing.Table[ErfComponent.Volcanic, 2024], 15);

        Assert.Equal(Path.Combine(_temp.Folder, "output", "quickstart.nc"), s.Output.File);
        Assert.Equal(["tas", "tas_deep", "toa_imbalance", "erf"], s.Output.Variables.Select(v => v.Name));
        Assert.Equal(1.0, s.Output.Interval);
        Assert.Equal(1, s.Output.StepsPerRecord);

        var plot = Assert.Single(s.Plots);
        Assert.Equal(Path.Combine(_temp.Folder, "output", "quickstart.png"), plot.File);
        Assert.Equal("tas", plot.Variable.Name);
        Assert.Equal(new ReferencePeriod(1850, 1900), plot.ReferencePeriod);
        var obs = Assert.IsType<PlotObservations>(plot.Observations);
        Assert.Equal(ObservationKind.HadCrut5, obs.Kind);
        Assert.Equal("HadCRUT5 (95% range)", obs.Label);
        Assert.Equal(1850, obs.Series.FirstYear);
        Assert.Equal(2023, obs.Series.LastYear);
        Assert.Equal(-0.4177114, obs.Series[1850]);
        var drawn = plot.ObservationsToDraw()!;
        Assert.Equal(0.0, new ReferencePeriod(1850, 1900).MeanOf(drawn.Values, drawn.FirstYear), 12);
    }

    [Fact]
    public void Load_Quickstart_CreatesNoOutput()
    {
        ScenarioLoader.Load(ScenarioFile("quickstart.toml"), _temp.Folder);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Folder));
    }

    [Fact]
    public void Parse_AllOptionalSections_AppliedAndResolved()
    {
        string text = $"""
            # Every optional section.
            [scenario]
            name = "full"
            description = "all options"
            [model]
            name = "ebm-two-layer"
            integrator = "rk4"
            device = "cpu"
            [parameters]
            climate_feedback = 1.2
            deep_heat_capacity = 200     # an integer is accepted for a float
            [time]
            start = 1
            end = 20
            step = 0.25
            [forcing]
            type = "ramp-co2"
            rate_percent_per_year = 2.0
            [initial]
            tas = 0.5
            [ensemble]
            members = 50
            seed = 7
            sample = ["forcing_scale_aerosol", "forcing_scale_co2"]
            [output]
            file = "runs/full.nc"
            variables = ["erf", "tas"]
            interval = 0.5
            [[plot]]
            file = "runs/a.png"
            variable = "tas"
            [[plot]]
            file = "runs/b.png"
            variable = "erf"
            title = "ERF"
            """;
        var s = ScenarioLoader.Parse(text, Path.Combine(_temp.Folder, "full.toml"), _temp.Folder);
        Assert.Equal("all options", s.Description);
        Assert.Equal("rk4", s.Integrator);
        Assert.Equal(DevicePreference.Cpu, s.Device);
        Assert.Equal(1.2, s.Parameters[TwoLayerParameterTable.ClimateFeedback]);
        Assert.Equal(200.0, s.Parameters[TwoLayerParameterTable.DeepHeatCapacity]);
        Assert.Equal(2, s.Overrides.Count);
        Assert.Equal(0.25, s.Time.Step);
        Assert.Equal(4, s.Time.StepsPerYear);
        Assert.Equal(80, s.Time.Steps);
        Assert.Equal(2.0, Assert.IsType<RampCo2Forcing>(s.Forcing).RatePercentPerYear);
        Assert.Equal(0.5, s.Initial["tas"]);
        Assert.Equal(0.0, s.Initial["tas_deep"]);
        Assert.Equal(50, s.Ensemble.Members);
        Assert.Equal(7, s.Ensemble.Seed);
        Assert.Equal(["forcing_scale_aerosol", "forcing_scale_co2"], s.Ensemble.Sample);
        Assert.Equal(Path.Combine(_temp.Folder, "runs", "full.nc"), s.Output.File);
        Assert.Equal(["erf", "tas"], s.Output.Variables.Select(v => v.Name));
        Assert.Equal(2, s.Output.StepsPerRecord);
        Assert.Equal(2, s.Plots.Count);
        Assert.Equal("full: Upper-layer (surface) temperature anomaly", s.Plots[0].Title);
        Assert.Null(s.Plots[0].ReferencePeriod);
        Assert.Equal("ERF", s.Plots[1].Title);
    }

    [Fact]
    public void Parse_MonthlyStepWrittenToSevenDigits_RoundsToTwelvePerYear()
    {
        var s = ScenarioLoader.Parse(Minimal("step = 0.0833333"), Path.Combine(_temp.Folder, "m.toml"), _temp.Folder);
        Assert.Equal(12, s.Time.StepsPerYear);
        Assert.Equal(1.0 / 12, s.Time.Step);
    }

    [Fact]
    public void Parse_AbruptDefaults_FourTimesCo2AndAnnualRecords()
    {
        var s = ScenarioLoader.Parse(Minimal(""), Path.Combine(_temp.Folder, "m.toml"), _temp.Folder);
        Assert.Equal(4.0, Assert.IsType<AbruptCo2Forcing>(s.Forcing).Co2Multiple);
        Assert.Equal("exact", s.Integrator);
        Assert.Equal(Path.Combine(_temp.Folder, "output", "minimal.nc"), s.Output.File);
        Assert.Equal(1.0, s.Output.Interval);
        Assert.Empty(s.Plots);
    }

    [Fact]
    public void Load_MissingScenarioFile_NamesFile()
    {
        string path = Path.Combine(_temp.Folder, "absent.toml");
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));
        Assert.Equal($"{path}: scenario file not found", e.Message);
    }

    private static string Minimal(string timeExtra) => $"""
        [scenario]
        name = "minimal"
        [model]
        name = "ebm-two-layer"
        [time]
        start = 1
        end = 10
        {timeExtra}
        [forcing]
        type = "abrupt-co2"
        [output]
        variables = ["tas"]
        """;
}
