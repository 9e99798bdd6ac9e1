using ClimateAD.Calibration.Experiments;
using ClimateAD.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Calibration.Tests.Experiments;

/// <summary>
/// The issue-6 shallow-water twin: viscosity, drag time and wind-stress amplitude of the double
/// gyre recovered from noisy sea-surface-height snapshots by Gauss–Newton with adjoint gradients
/// and tangent Jacobians, each within 5 % of the truth, the truth inside the Laplace 2σ interval.
/// </summary>
public sealed class ShallowWaterTwinExperimentTests(ITestOutputHelper output)
{
    [Fact]
    public void DoubleGyreTwin_RecoversViscosityDragAndWindWithinFivePercent()
    {
        var experiment = new ShallowWaterTwinExperiment();
        output.WriteLine($"{experiment.Steps} steps, {experiment.Operator.Count} observations, sigma_h {experiment.Sigma:G3} m");
        var o = experiment.Run(0);
        for (int i = 0; i < 3; i++)
            output.WriteLine($"{o.Names[i]}: truth {o.Truth[i]:G4} guess {o.FirstGuess[i]:G4} estimate {o.Estimate[i]:G5} ± {o.StandardDeviations[i]:G3} (error {o.RelativeErrors[i]:P2})");
        output.WriteLine($"iterations {o.Iterations}, forward-equivalent runs {o.Counts.ForwardEquivalentRuns:F1}, converged {o.Converged}");
        Assert.True(o.Converged);
        Assert.All(o.RelativeErrors, e => Assert.True(e <= 0.05, $"relative error {e:P2}"));
        Assert.All(o.Covered, Assert.True);
    }

    [LongFact]
    public void DoubleGyreTwin_TenRealisations_MedianErrorsWithinFivePercentAndCoverage()
    {
        var experiment = new ShallowWaterTwinExperiment();
        var outcomes = Enumerable.Range(0, 10).Select(r => experiment.Run(r)).ToList();
        var summary = new TwinSummary(outcomes);
        output.WriteLine(summary.ToMarkdown());
        foreach (var o in outcomes)
            output.WriteLine($"r{o.Realisation}: runs {o.Counts.ForwardEquivalentRuns:F1} iterations {o.Iterations} errors {string.Join(" ", o.RelativeErrors.Select(e => e.ToString("P2")))}");
        Assert.All(summary.MedianRelativeErrors, e => Assert.True(e <= 0.05, summary.ToMarkdown()));
        Assert.True(summary.OverallCoverage >= 0.8, summary.ToMarkdown());
    }
}
