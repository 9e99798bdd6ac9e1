using ClimateAD.Adjoint.Verification;
using ClimateAD.Physics.Tracer;
using ClimateAD.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Physics.Tests.Tracer;

public class TracerGradientTests(ITestOutputHelper output)
{
    private static readonly GradientCheckRegistry Registry = GradientCheckRegistry.Discover(typeof(TracerStep).Assembly);

    private static string[] TracerNames => [.. Registry.Names.Where(n => n.StartsWith(TracerGradientChecks.Prefix, StringComparison.Ordinal))];

    public static TheoryData<string> TracerComponents => [.. TracerNames];

    [Theory]
    [MemberData(nameof(TracerComponents))]
    public void RunAll_RegisteredTracerComponent_AllChecksPass(string name)
    {
        var c = Registry.Create(name);
        Assert.Null(c.CheckedParameters); // κ and s are both differenced
        var results = GradientAssert.AllChecksPass(c, output, [.. c.CheckedStateComponents!]);
        Assert.All(results.Where(r => r.Test.StartsWith("dot-product", StringComparison.Ordinal)), r => Assert.True(r.Value <= 1e-12));
        ((IDisposable)c.Step).Dispose();
    }

    [Fact]
    public void Discover_PhysicsAssembly_RegistersThreeGridsAndTheMisfit() =>
        Assert.Equal(
            new[] { TracerGradientChecks.ClosedMaskedName, TracerGradientChecks.MisfitName, TracerGradientChecks.PeriodicName, TracerGradientChecks.SphereName }
                .Order(StringComparer.Ordinal),
            TracerNames);

    [Fact]
    public void Adjoint_LimitedScheme_NotSupported()
    {
        var grid = new ClimateAD.Grid.Grids.CartesianGrid(6, 5, 6, 5);
        using var step = new TracerStep(new TracerModel(grid, VelocityField.Uniform(grid, 0.2, 0.1), 1.0, AdvectionScheme.VanLeer));
        var x = new double[30];
        Assert.Throws<NotSupportedException>(() => step.Adjoint(0, x, [0.0, 1.0], x, new double[30], new double[2]));
    }
}
