using ClimateAD.Adjoint.Verification;
using ClimateAD.Hybrid.Networks;
using ClimateAD.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Hybrid.Tests.Networks;

public class NetworkGradientCheckTests(ITestOutputHelper output)
{
    private static readonly GradientCheckRegistry Registry = GradientCheckRegistry.Discover(typeof(DenseNetwork).Assembly);

    public static TheoryData<string> HybridComponents => [.. Registry.Names];

    [Theory]
    [MemberData(nameof(HybridComponents))]
    public void RunAll_RegisteredHybridComponent_AllChecksPass(string name)
    {
        var c = Registry.Create(name);
        GradientAssert.AllChecksPass(c, output, [.. c.CheckedStateComponents ?? [0]]);
    }

    [Fact]
    public void Discover_HybridAssembly_RegistersEverySmoothActivationTheMixedNetworkAndTheLearnedClosures()
    {
        foreach (var a in NetworkGradientChecks.SmoothActivations) Assert.Contains(NetworkGradientChecks.Prefix + a, Registry.Names);
        Assert.Contains(NetworkGradientChecks.Prefix + "Mixed", Registry.Names);
        Assert.Contains(ClimateAD.Hybrid.Terms.NetworkSubgridGradientChecks.OneScaleMlpName, Registry.Names);
        Assert.Contains(ClimateAD.Hybrid.Grid.GridClosureGradientChecks.Name, Registry.Names);
        Assert.Contains(ClimateAD.Hybrid.Terms.EbmCorrectionGradientChecks.Name, Registry.Names);
        Assert.Equal(NetworkGradientChecks.SmoothActivations.Length + 4, Registry.Names.Count);
    }
}
