using ClimateAD.Adjoint.Verification;

namespace ClimateAD.Adjoint.Tests.TestModels;

/// <summary>Registers the correct test models with the gradient-check harness (the wrong ones are not registered).</summary>
public sealed class TestModelGradientChecks : IGradientCheckProvider
{
    public static GradientCheckCase Lorenz63() =>
        new("Lorenz63.Euler", new Lorenz63Step(), [1.0, 2.0, 20.0], [10.0, 28.0, 8.0 / 3.0]) { Steps = 30 };

    public static GradientCheckCase Duffing() =>
        new("Duffing.SemiImplicit", new DuffingStep(), [0.8, -0.2], [0.15, 1.0, 0.5]) { Steps = 40, CheckedStateComponents = [0, 1] };

    public void Register(GradientCheckRegistry registry)
    {
        registry.Register("Lorenz63.Euler", Lorenz63);
        registry.Register("Duffing.SemiImplicit", Duffing);
    }
}
