using ClimateAD.TestKit;
using ClimateAD.Adjoint.Verification;
using ClimateAD.Physics.Lorenz96;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Physics.Tests.Lorenz96;

public class Lorenz96GradientCheckTests(ITestOutputHelper output)
{
    private static readonly GradientCheckRegistry Registry = GradientCheckRegistry.Discover(typeof(TwoScaleLorenz96).Assembly);

    private static string[] Lorenz96Names => [.. Registry.Names.Where(n => n.StartsWith("Lorenz96.", StringComparison.Ordinal))];

    public static TheoryData<string> Lorenz96Components => [.. Lorenz96Names];

    [Theory]
    [MemberData(nameof(Lorenz96Components))]
    public void RunAll_RegisteredLorenz96Component_AllChecksPass(string name)
    {
        GradientAssert.AllChecksPass(Registry.Create(name), output);
    }

    [Fact]
    public void Discover_PhysicsAssembly_RegistersAllLorenz96Cases() =>
        Assert.Equal(
            [Lorenz96GradientChecks.OneScaleCubicName, Lorenz96GradientChecks.TwoScaleName, Lorenz96GradientChecks.TwoScaleWindowName],
            Lorenz96Names);

    [Fact]
    public void TwoScaleWindow_ThousandSteps_CoversEveryParameter()
    {
        var c = Lorenz96GradientChecks.TwoScaleWindow();
        Assert.Equal(1000, c.Steps);
        Assert.Null(c.CheckedParameters); // all of (F, h, b, c) are differenced
        Assert.Equal(4, c.Parameters.Length);
    }
}
