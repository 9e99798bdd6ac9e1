using Xunit;

namespace ClimateAD.Cli.Tests.Running;

/// <summary>
/// <c>climatead gradcheck</c> on the grid scenario models: the scenario's own case (its grid, stepper,
/// parameters and time step) passes the dot-product, Taylor and finite-difference checks, followed by
/// the model's registered components.
/// </summary>
public sealed class ShallowWaterGradcheckTests
{
    [Fact]
    public void Gradcheck_DoubleGyreScenario_AllChecksPass()
    {
        const string integrator = "ab3";
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.File("s.toml"), ShallowWaterRunTests.DoubleGyre.Replace("INTEGRATOR", integrator));
        var (code, stdout, stderr) = CliProcess.Run(tmp.Path, "gradcheck", "s.toml", "--steps", "6");
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains($"scenario gyre-test (6 steps after 28, h +-1 %, {integrator})", stdout);
        Assert.Matches(@"scenario gyre-test .*finite-difference θ\[3\]", stdout); // the wind-stress amplitude
        Assert.Contains("ShallowWater.", stdout);
        Assert.Matches(@"All \d+ checks passed\.", stdout);
    }

    [Fact]
    public void Gradcheck_TracerScenario_AllChecksPass()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.File("s.toml"), """
            [scenario]
            name = "tracer-check"
            [model]
            name = "tracer-advection"
            cells = 16
            tilt = 30.0
            [parameters]
            tracer_diffusivity = 2e5
            [time]
            start = 0
            end = 0
            step = 0.03125
            [output]
            variables = ["mass"]
            """);
        var (code, stdout, stderr) = CliProcess.Run(tmp.Path, "gradcheck", "s.toml");
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("scenario tracer-check (12 steps)", stdout);
        Assert.Matches(@"scenario tracer-check .*finite-difference θ\[0\]", stdout); // κ ≠ 0 is checked
        Assert.Contains("Tracer.Step.Sphere", stdout);
        Assert.Matches(@"All \d+ checks passed\.", stdout);
    }
}
