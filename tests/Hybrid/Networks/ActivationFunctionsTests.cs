using ClimateAD.Hybrid.Networks;
using Xunit;

namespace ClimateAD.Hybrid.Tests.Networks;

public class ActivationFunctionsTests
{
    [Theory]
    [InlineData(1.0, 0.8413447460685429)]            // Φ(1)·1
    [InlineData(-0.5, -0.15426876936299344)]         // −0.5·Φ(−0.5)
    [InlineData(2.0, 1.9544997361036416)]            // 2·Φ(2)
    public void Gelu_KnownPoints_EqualsZTimesNormalCdf(double z, double expected) =>
        Assert.Equal(expected, ActivationFunctions.Value(Activation.Gelu, z), 1e-15);

    [Fact]
    public void Softplus_LargeArguments_NoOverflowAndExactLimits()
    {
        Assert.Equal(800.0, ActivationFunctions.Value(Activation.Softplus, 800.0));
        Assert.Equal(Math.Exp(-800.0), ActivationFunctions.Value(Activation.Softplus, -800.0));
        Assert.Equal(Math.Log(2.0), ActivationFunctions.Value(Activation.Softplus, 0.0), 1e-16);
        Assert.Equal(1.0 / (1.0 + Math.Exp(-3.0)), ActivationFunctions.Value(Activation.Sigmoid, 3.0), 1e-16);
        Assert.Equal(Math.Exp(-700.0), ActivationFunctions.Value(Activation.Sigmoid, -700.0), 1e-300);
    }

    [Theory]
    [InlineData(Activation.Identity)]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Relu)]
    [InlineData(Activation.Gelu)]
    [InlineData(Activation.Softplus)]
    [InlineData(Activation.Sigmoid)]
    public void Derivative_AwayFromKinks_MatchesCentralDifference(Activation a)
    {
        const double h = 1e-5;
        foreach (double z in new[] { -3.1, -0.7, 0.3, 1.9, 4.2 })
        {
            double fd = (ActivationFunctions.Value(a, z + h) - ActivationFunctions.Value(a, z - h)) / (2 * h);
            Assert.Equal(fd, ActivationFunctions.Derivative(a, z), 1e-9);
        }
    }

    [Fact]
    public void Relu_AtZero_DerivativeIsZeroAsInPyTorch() => Assert.Equal(0.0, ActivationFunctions.Derivative(Activation.Relu, 0.0));
}
