using ClimateAD.Adjoint.Verification;
using ClimateAD.Physics.LatitudeEbm;
using ClimateAD.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Physics.Tests.LatitudeEbm;

public class LatitudeEbmGradientTests(ITestOutputHelper output)
{
    private static readonly GradientCheckRegistry Registry = GradientCheckRegistry.Discover(typeof(LatitudeEbmStep).Assembly);

    private static string[] LatitudeNames => [.. Registry.Names.Where(n => n.StartsWith(LatitudeEbmGradientChecks.Prefix, StringComparison.Ordinal))];

    public static TheoryData<string> LatitudeComponents => [.. LatitudeNames];

    [Theory]
    [MemberData(nameof(LatitudeComponents))]
    public void RunAll_RegisteredLatitudeEbmComponent_AllChecksPass(string name)
    {
        var c = Registry.Create(name);
        Assert.Null(c.CheckedParameters); // every parameter is differenced
        GradientAssert.AllChecksPass(c, output, [.. c.CheckedStateComponents!]);
    }

    [Fact]
    public void Discover_PhysicsAssembly_RegistersStepSurfaceStepAndWholeModel() =>
        Assert.Equal(
            new[] { LatitudeEbmGradientChecks.MisfitName, LatitudeEbmGradientChecks.StepName, LatitudeEbmGradientChecks.SurfaceStepName }
                .Order(StringComparer.Ordinal),
            LatitudeNames);

    [Fact]
    public void CheckState_IceCapInsideDomain_AlbedoTransitionActive()
    {
        // The checks must linearise where the tanh transition matters: some cell within one width w of T_i.
        var model = LatitudeEbmGradientChecks.CheckModel(deepOcean: true);
        var x = LatitudeEbmGradientChecks.CheckState(model);
        double[] theta = LatitudeEbmGradientChecks.CheckParameters(true);
        double ti = theta[7], w = theta[8];
        Assert.Contains(x.Take(model.CellCount), t => Math.Abs(t - ti) < w);
        Assert.Contains(x.Take(model.CellCount), t => t < ti - w);
        Assert.Contains(x.Take(model.CellCount), t => t > ti + w);
    }

    [Fact]
    public void Forward_100Years_BitIdenticalToSimulation()
    {
        var c = LatitudeEbmGradientChecks.Misfit();
        var step = (LatitudeEbmStep)c.Step;
        var sim = new LatitudeEbmSimulation(step.Model, c.Parameters, c.State);
        double[] x = (double[])c.State.Clone(), next = new double[x.Length];
        for (int n = 0; n < c.Steps; n++)
        {
            var s = sim.Advance();
            step.Forward(n, x, c.Parameters, next);
            (x, next) = (next, x);
            Assert.Equal(x.Take(step.Model.CellCount).Select(BitConverter.DoubleToInt64Bits), s.Temperature.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(x.Skip(step.Model.CellCount).Select(BitConverter.DoubleToInt64Bits), s.DeepTemperature!.Select(BitConverter.DoubleToInt64Bits));
        }
    }
}
