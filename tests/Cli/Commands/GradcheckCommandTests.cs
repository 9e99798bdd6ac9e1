using ClimateAD.TestKit;
using Xunit;

namespace ClimateAD.Cli.Tests.Commands;

public sealed class GradcheckCommandTests
{
    [Fact]
    public void Gradcheck_Abrupt4xCo2Scenario_AllChecksPassIncludingScenarioCase()
    {
        var stdout = new StringWriter();
        int code = CliApp.Run(["gradcheck", RepositoryPaths.Combine("scenarios", "abrupt-4xco2.toml"), "--steps", "150"], stdout, new StringWriter());
        string text = stdout.ToString();
        Assert.True(code == 0, text);
        Assert.Contains("scenario abrupt-4xco2 (150 steps)", text);
        Assert.Matches(@"scenario abrupt-4xco2 \(150 steps\)\s+taylor rate\s+[12]\.\d+\s+1\.9\s+pass", text);
        Assert.Contains("EbmTwoLayer.Exact.Misfit750", text);
        Assert.DoesNotContain("FAIL", text);
    }
}
