using ClimateAD.Adjoint.Verification;
using ClimateAD.Physics.ShallowWater;
using ClimateAD.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Physics.Tests.ShallowWater;

public class ShallowWaterGradientTests(ITestOutputHelper output)
{
    private static readonly GradientCheckRegistry Registry = new();

    static ShallowWaterGradientTests() => new ShallowWaterGradientChecks().Register(Registry);

    public static TheoryData<string> Components => [.. Registry.Names];

    [Theory]
    [MemberData(nameof(Components))]
    public void RunAll_RegisteredShallowWaterComponent_AllChecksPass(string name)
    {
        var c = Registry.Create(name);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        GradientAssert.AllChecksPass(c, output, [.. c.CheckedStateComponents!]);
        output.WriteLine($"{name}: {sw.Elapsed.TotalSeconds:F2} s");
    }

    [Fact]
    public void Discover_PhysicsAssembly_RegistersEveryShallowWaterTermAndStepper()
    {
        var names = GradientCheckRegistry.Discover(typeof(ShallowWaterStep).Assembly).Names
            .Where(n => n.StartsWith(ShallowWaterGradientChecks.Prefix, StringComparison.Ordinal)).ToArray();
        foreach (var term in new[] { "Core", "Linear", "LaplacianViscosity", "BiharmonicViscosity", "LinearDrag", "QuadraticDrag", "WindStress", "Relaxation", "Sphere", "MaskedBasin" })
            Assert.Contains(ShallowWaterGradientChecks.Prefix + term, names);
        foreach (var stepper in Enum.GetValues<ShallowWaterTimeStepper>())
            Assert.Contains($"{ShallowWaterGradientChecks.Prefix}AllTerms.{stepper}", names);
    }
}
