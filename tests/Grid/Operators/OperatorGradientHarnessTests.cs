using ClimateAD.Adjoint.Verification;
using Xunit.Abstractions;

namespace ClimateAD.Grid.Tests.Operators;

public class OperatorGradientHarnessTests(ITestOutputHelper output)
{
    private static readonly GradientCheckRegistry Registry = GradientCheckRegistry.Discover(typeof(GridOperatorGradientChecks).Assembly);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var n in Registry.Names) data.Add(n);
        return data;
    }

    [Fact]
    public void Registry_HoldsEveryOperator()
        => Assert.Equal(OperatorCase.All.Length, Registry.Names.Count(n => n.StartsWith("Grid.", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(Names))]
    public void SharedHarness_DotProductChecks_Pass(string name)
    {
        var results = GradientChecker.DotProduct(Registry.Create(name));
        output.WriteLine(GradientCheckResult.FormatTable(results));
        Assert.Contains(results, r => r.Test == "dot-product (state)");
        Assert.All(results, r => Assert.True(r.Pass, GradientCheckResult.FormatTable(results)));
    }
}
