using ClimateAD.TestKit;
using ClimateAD.Adjoint.Tests.TestModels;
using ClimateAD.Adjoint.Verification;
using Xunit.Abstractions;

namespace ClimateAD.Adjoint.Tests.Verification;

public class GradientCheckerTests(ITestOutputHelper output)
{
    private static readonly GradientCheckRegistry Registry = GradientCheckRegistry.Discover(typeof(GradientCheckerTests).Assembly);

    public static TheoryData<string> RegisteredComponents => [.. Registry.Names];

    [Theory]
    [MemberData(nameof(RegisteredComponents))]
    public void RunAll_RegisteredComponent_AllChecksPass(string name)
    {
        GradientAssert.AllChecksPass(Registry.Create(name), output);
    }

    [Fact]
    public void Discover_TestAssembly_FindsBothModelsOnce() =>
        Assert.Equal(["Duffing.SemiImplicit", "Lorenz63.Euler"], Registry.Names);

    [Fact]
    public void DotProduct_SignFlippedAdjoint_ReportsFailure()
    {
        var c = TestModelGradientChecks.Lorenz63() with { Name = "wrong", Step = new SignFlippedLorenz63Step() };
        var state = GradientChecker.DotProduct(c).Single(r => r.Test == "dot-product (state)");
        Assert.False(state.Pass);
        Assert.True(state.Value > 1e-6);
        Assert.False(GradientChecker.Taylor(c).Pass);
    }

    [Fact]
    public void DotProduct_AdjointThatAssigns_ReportsConventionFailure()
    {
        var c = TestModelGradientChecks.Lorenz63() with { Name = "assigning", Step = new AssigningLorenz63Step() };
        var results = GradientChecker.DotProduct(c);
        Assert.True(results.Single(r => r.Test == "dot-product (state)").Pass);
        Assert.False(results.Single(r => r.Test == "adjoint accumulates").Pass);
    }

    [Fact]
    public void DotProduct_TapedStep_ChecksTapedResultsBitForBit()
    {
        var right = TestModelGradientChecks.Lorenz63() with { Name = "taped", Step = new TapedLorenz63Step() };
        Assert.True(GradientChecker.DotProduct(right).Single(r => r.Test == "taped forward/adjoint bit-identical").Pass);
        var wrong = right with { Step = new TapedLorenz63Step(tapeError: 1e-9) };
        var result = GradientChecker.DotProduct(wrong).Single(r => r.Test == "taped forward/adjoint bit-identical");
        Assert.False(result.Pass);
        Assert.True(result.Value > 0);
    }

    [Fact]
    public void FiniteDifference_CostTooLargeToResolveAnyComponent_ReportsFailure()
    {
        // J = ½ x_L·x_L + 1e12: every gradient component is below 1e-9·J, so without the
        // vacuity check a sign-flipped adjoint would pass every finite-difference comparison.
        var wrong = TestModelGradientChecks.Lorenz63() with { Name = "huge", Step = new SignFlippedLorenz63Step(), Cost = new OffsetCost(1e12) };
        var results = GradientChecker.FiniteDifference(wrong);
        Assert.All(results.Where(r => r.Test.StartsWith("finite-difference", StringComparison.Ordinal)), r => Assert.True(r.Pass));
        Assert.False(results.Single(r => r.Test == "finite differences resolve at least one component").Pass);
        var resolvable = TestModelGradientChecks.Lorenz63() with { Name = "small", Cost = new OffsetCost(0) };
        Assert.All(GradientChecker.FiniteDifference(resolvable), r => Assert.True(r.Pass, r.Test));
    }

    /// <summary>J = ½ Σ_k x_L[k]² + offset, observed at the last step L = 30 of the case.</summary>
    private sealed class OffsetCost(double offset) : ClimateAD.Adjoint.Costs.ITrajectoryCost
    {
        public int WorkspaceLength => 1;

        public void Observe(int n, ReadOnlySpan<double> x, Span<double> workspace)
        {
            if (n == 30) foreach (double v in x) workspace[0] += 0.5 * v * v;
        }

        public double Complete(ReadOnlySpan<double> theta, Span<double> workspace) => workspace[0] + offset;

        public void AddStateForcing(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> workspace, Span<double> xBar)
        {
            if (n == 30) for (int k = 0; k < x.Length; k++) xBar[k] += x[k];
        }

        public void AddParameterGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> workspace, Span<double> thetaBar) { }
    }

    [Fact]
    public void Taylor_CorrectAdjoint_RateNearTwo()
    {
        var r = GradientChecker.Taylor(TestModelGradientChecks.Duffing());
        Assert.InRange(r.Value, 1.9, 2.1);
    }

    [Fact]
    public void Register_SameNameTwice_Throws()
    {
        var registry = new GradientCheckRegistry();
        registry.Register("a", TestModelGradientChecks.Lorenz63);
        Assert.Throws<ArgumentException>(() => registry.Register("a", TestModelGradientChecks.Lorenz63));
    }

    [Fact]
    public void FormatTable_FailingRow_ShowsHeaderAndFail()
    {
        string table = GradientCheckResult.FormatTable([new("m", "taylor rate", 1.0, 1.9, false)]);
        Assert.StartsWith("component", table, StringComparison.Ordinal);
        Assert.Contains("FAIL", table, StringComparison.Ordinal);
    }
}
