using ClimateAD.Physics.ShallowWater;
using ClimateAD.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Physics.Tests.ShallowWater;

public class ShallowWaterWholeModelTests(ITestOutputHelper output)
{
    // The full-size check: every term, SSP-RK3, 64 × 64 basin, 1000 steps; dot-product, Taylor and finite differences of
    // all 7 parameters and 3 initial-state components. Measured: 61 s on the 2-core machine (Taylor rate 1.996, dot-product 3e-15).
    // The default suite runs the same case on 16 × 16 over 200 steps (ShallowWater.WholeModel16x16.200Steps).
    [LongFact]
    public void WholeModel_64x64Over1000Steps_AllGradientChecksPass()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var c = ShallowWaterGradientChecks.WholeModel(64, 1000);
        output.WriteLine($"setup (truth run of 1000 steps): {sw.Elapsed.TotalSeconds:F1} s");
        GradientAssert.AllChecksPass(c, output, [.. c.CheckedStateComponents!]);
        output.WriteLine($"total {sw.Elapsed.TotalSeconds:F1} s");
    }
}
