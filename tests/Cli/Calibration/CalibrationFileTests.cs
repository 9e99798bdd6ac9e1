using ClimateAD.Cli.Calibration;
using ClimateAD.IO.Scenarios;
using ClimateAD.TestKit;
using Xunit;

namespace ClimateAD.Cli.Tests.Calibration;

/// <summary>The calibration file reader: the shipped files load; each mistake is one line naming file, line and key.</summary>
public sealed class CalibrationFileTests
{
    private const string Minimal = """
        [calibration]
        name = "t"
        [experiment]
        kind = "abrupt-co2"
        years = 20
        [experiment.truth]
        forcing_4xco2 = 7.78
        [[parameters]]
        name = "forcing_4xco2"
        [[observations]]
        variable = "tas"
        source = "twin"
        error = { sigma = 0.15 }
        """;

    [Theory]
    [InlineData("abrupt4xco2-twin.toml", "abrupt-co2", 6, 2)]
    [InlineData("historical.toml", "historical", 8, 2)]
    [InlineData("cmip6-abrupt4xco2.toml", "cmip6-abrupt4xco2", 0, 0)]
    public void ShippedFiles_Load(string file, string kind, int parameters, int observations)
    {
        var spec = CalibrationFile.Load(RepositoryPaths.Combine("calibrations", file));
        Assert.Equal(kind, spec.Experiment.Kind);
        Assert.Equal(parameters, spec.Parameters.Count);
        Assert.Equal(observations, spec.Observations.Count);
    }

    [Theory]
    [InlineData("[method]\nname = \"lbgfs\"", 15, "method.name: unknown value 'lbgfs' (did you mean 'lbfgs'?")]
    [InlineData("[method]\nname = \"lbfgs\"\nmembers = 10", 16, "method.members: unknown key in [method] (valid: name, max_iterations, cost_tolerance, memory, preconditioner)")]
    [InlineData("[output]\nfoldr = \"x\"", 15, "output.foldr: unknown key in [output] (did you mean 'folder'?")]
    [InlineData("[[parameters]]\nname = \"climate_feedbak\"", 15, "parameters[2].name: unknown parameter 'climate_feedbak' (did you mean 'climate_feedback'?")]
    [InlineData("[[observations]]\nvariable = \"tas\"\nsource = \"twin\"\noperator = \"period-means\"\nperiod = 0\nerror = { sigma = 1.0 }", 15, "observations[2].period: 0 is out of range (1 to 10000)")]
    [InlineData("[[observations]]\nvariable = \"tas\"\nsource = \"twin\"\nfirst_year = 30\nerror = { sigma = 1.0 }", 15, "observations[2].first_year: 30 is outside the simulation (1 to 20, the simulated years)")]
    [InlineData("[[observations]]\nvariable = \"tas\"\nsource = \"twin\"\nerror = { model = \"ar1\", sigma = 1.0 }", 15, "the ar1 error model needs a correlation")]
    [InlineData("[[observations]]\nvariable = \"tas\"\nsource = \"hadcrut5\"\nfile = \"x.csv\"", 15, "observations[2].source: 'hadcrut5' observations need the historical experiment")]
    public void Mistakes_OneLineWithFileLineAndKey(string extra, int line, string expected)
    {
        using var folder = new TempFolder();
        string path = folder.File("c.toml");
        File.WriteAllText(path, Minimal + "\n" + extra + "\n");
        var e = Assert.Throws<ScenarioException>(() => CalibrationFile.Load(path));
        Assert.DoesNotContain('\n', e.Message);
        Assert.StartsWith(path + ":", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.True(e.Line >= line, e.Message);
    }

    [Fact]
    public void Cli_BadFile_ExitCode2AndOneLine()
    {
        using var folder = new TempFolder();
        string path = folder.File("c.toml");
        File.WriteAllText(path, Minimal + "\n[method]\nname = \"newton\"\n");
        var stderr = new StringWriter();
        int code = CliApp.Run(["calibrate", path], new StringWriter(), stderr);
        Assert.Equal(2, code);
        string text = stderr.ToString().TrimEnd();
        Assert.DoesNotContain('\n', text);
        Assert.Contains(":15: method.name: unknown value 'newton'", text);
    }
}
