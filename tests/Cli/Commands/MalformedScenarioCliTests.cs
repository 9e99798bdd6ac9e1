using ClimateAD.TestKit;
using Xunit;

namespace ClimateAD.Cli.Tests.Commands;

/// <summary>
/// Every malformed scenario in tests/IO/Scenarios/Malformed must give exactly one line on standard
/// error naming the file and line, exit code 2, no stack trace and no output file.
/// </summary>
public sealed class MalformedScenarioCliTests
{
    public static TheoryData<string> MalformedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(RepositoryPaths.Combine("tests", "IO", "Scenarios", "Malformed"), "*.toml").Order())
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void Run_MalformedScenario_OneLineExit2NoOutput(string name)
    {
        using var tmp = new TempFolder();
        string file = RepositoryPaths.Combine("tests", "IO", "Scenarios", "Malformed", name);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string cwd = Directory.GetCurrentDirectory();
        int code = CliApp.Run(["run", file, "--output", tmp.File("out.nc")], stdout, stderr);

        Assert.Equal(CliApp.ExitBadInput, code);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("climatead: ", lines[0]);
        Assert.Matches(@":\d+: ", lines[0]);
        Assert.DoesNotContain("   at ", lines[0]);
        Assert.Empty(Directory.GetFiles(tmp.Path));
        Assert.Equal(cwd, Directory.GetCurrentDirectory());
    }

    [Fact]
    public void Process_UnknownModel_Exit2AndOneLineNamingValidChoices()
    {
        using var tmp = new TempFolder();
        string file = RepositoryPaths.Combine("tests", "IO", "Scenarios", "Malformed", "unknown-model.toml");
        var (code, _, err) = CliProcess.Run(tmp.Path, "run", file);

        Assert.Equal(2, code);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("unknown-model.toml:", line);
        Assert.Contains("model.name", line);
        Assert.Contains("ebm-two-layer", line);
        Assert.Empty(Directory.GetFileSystemEntries(tmp.Path));
    }

    [Fact]
    public void Run_MissingScenarioFile_Exit2OneLine()
    {
        var stderr = new StringWriter();
        int code = CliApp.Run(["run", "/nonexistent/scenario.toml"], new StringWriter(), stderr);
        Assert.Equal(CliApp.ExitBadInput, code);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("/nonexistent/scenario.toml", line);
    }

    [Theory]
    [InlineData("gpu", "unknown device 'gpu'")]
    [InlineData("cuda", "model ebm-two-layer runs on the CPU only")]
    public void Run_BadDeviceOption_Exit2OneLineNoOutput(string device, string message)
    {
        using var tmp = new TempFolder();
        string file = RepositoryPaths.Combine("scenarios", "abrupt-4xco2.toml");
        var stderr = new StringWriter();
        int code = CliApp.Run(["run", file, "--device", device, "--output", tmp.File("out.nc")], new StringWriter(), stderr);
        Assert.Equal(CliApp.ExitBadInput, code);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--device", line);
        Assert.Contains(message, line);
        Assert.Empty(Directory.GetFiles(tmp.Path));
    }
}
