using ClimateAD.Cli.Progress;
using Xunit;

namespace ClimateAD.Cli.Tests.Progress;

public sealed class ProgressReporterTests
{
    [Fact]
    public void Line_HalfDoneAfterTenSeconds_RateAndEtaFromElapsed()
    {
        var r = new ProgressReporter(new StringWriter(), total: 1000, unit: "steps", interactive: false);
        string line = r.Line(500, TimeSpan.FromSeconds(10));
        Assert.Equal(" 50%  500/1000 steps  50 steps/s  elapsed 0:10  ETA 0:10", line);
    }

    [Fact]
    public void Line_Interactive_DrawsBarProportionalToFraction()
    {
        var r = new ProgressReporter(new StringWriter(), total: 4, unit: "steps", interactive: true);
        Assert.StartsWith("[######------------------]  25%", r.Line(1, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Plain_ShortRun_PrintsOnlyTheFinalLine()
    {
        var output = new StringWriter();
        var r = new ProgressReporter(output, total: 3, unit: "steps", interactive: false);
        for (int i = 1; i <= 3; i++) r.Report(i);
        r.Finish();
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("100%  3/3 steps", lines[0]);
    }
}
