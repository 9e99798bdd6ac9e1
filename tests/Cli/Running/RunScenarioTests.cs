using ClimateAD.IO.Netcdf;
using ClimateAD.Physics.EnergyBalance;
using Xunit;

namespace ClimateAD.Cli.Tests.Running;

/// <summary>End-to-end runs of small scenarios through the command line, checked against analytic values.</summary>
public sealed class RunScenarioTests
{
    private const string AbruptScenario = """
        # test: abrupt 4xCO2 from rest, 150 model years
        [scenario]
        name = "abrupt-test"
        [model]
        name = "ebm-two-layer"
        [parameters]
        climate_feedback = 1.3
        deep_ocean_efficacy = 1.5
        [time]
        start = 1
        end = 150
        step = 1.0
        [forcing]
        type = "abrupt-co2"
        co2_multiple = 4.0
        [output]
        file = "out/abrupt.nc"
        variables = ["tas", "tas_deep", "toa_imbalance", "erf"]
        """;

    [Fact]
    public void Run_AbruptCo2_RecordsAreTrapezoidMeansOfAnalyticStepResponse()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.File("abrupt.toml"), AbruptScenario);
        var (code, stdout, stderr) = CliProcess.Run(tmp.Path, "run", "abrupt.toml", "--plain-progress");
        Assert.True(code == 0, stderr);
        Assert.Contains("Wrote out/abrupt.nc (150 records", stdout);

        using var nc = NetcdfReader.Open(tmp.File("out/abrupt.nc"));
        Assert.Equal("complete", nc.ReadStringAttribute(null, "run_status"));
        Assert.Equal(150, nc.RecordCount);
        var p = TwoLayerParameters.Default with { ClimateFeedback = 1.3, DeepOceanEfficacy = 1.5 };
        var analytic = new TwoLayerStepResponse(p);
        double f = p.Forcing4xCO2; // ln(4)/ln(4)
        var tas = nc.ReadVariable("tas").Values;
        var erf = nc.ReadVariable("erf").Values;
        var time = nc.ReadVariable("time").Values;
        for (int k = 1; k <= 150; k++)
        {
            double expected = 0.5 * (analytic.StepResponse(f, k - 1).Temperature + analytic.StepResponse(f, k).Temperature);
            Assert.Equal(expected, tas[k - 1], 1e-10 * Math.Max(1.0, Math.Abs(expected)));
            Assert.Equal(f, erf[k - 1], 1e-12);
            Assert.Equal((k - 0.5) * 365.0, time[k - 1], 1e-9);
        }
        Assert.Equal("days since 0001-01-01 00:00:00", nc.ReadStringAttribute("time", "units"));
        Assert.Equal(1.3, nc.ReadDoubleAttribute(null, "parameter_climate_feedback"));
        Assert.Contains("co2_multiple = 4.0", nc.ReadStringAttribute(null, "scenario"));
    }

    [Fact]
    public void Describe_Quickstart_ListsParametersForcingAndOutputPlan()
    {
        var stdout = new StringWriter();
        int code = CliApp.Run(["describe", ClimateAD.TestKit.RepositoryPaths.Combine("scenarios", "quickstart.toml")], stdout, new StringWriter());
        Assert.Equal(0, code);
        string text = stdout.ToString();
        Assert.Contains("climate_feedback", text);
        Assert.Contains("W m-2 K-1", text);
        Assert.Contains("[0.3, 3]", text);
        Assert.Contains("1850-2024 from", text);
        Assert.Contains("2025-2100 from", text);
        Assert.Contains("251 records", text);
    }
}
