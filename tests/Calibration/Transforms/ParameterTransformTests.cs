using ClimateAD.Calibration.Transforms;
using ClimateAD.Physics.Parameters;
using Xunit;

namespace ClimateAD.Calibration.Tests.Transforms;

public sealed class ParameterTransformTests
{
    public static TheoryData<string> Kinds => new() { "identity", "log", "logit" };

    private static readonly ParameterSpec Spec = new("x", "x", "1", 2.0, 0.5, 10.0, "test");

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Transform_RoundTrip_RecoversTheValue(string name)
    {
        var t = ParameterTransform.Create(ParameterTransform.Parse(name)!.Value, Spec);
        foreach (double theta in new[] { 0.6, 2.0, 7.3, 9.99 })
            Assert.Equal(theta, t.ToParameter(t.ToUnbounded(theta)), 12);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Transform_Derivative_MatchesCentralDifference(string name)
    {
        var t = ParameterTransform.Create(ParameterTransform.Parse(name)!.Value, Spec);
        foreach (double u in new[] { -3.0, -0.4, 0.0, 1.1, 2.5 })
        {
            double h = 1e-5;
            double fd = (t.ToParameter(u + h) - t.ToParameter(u - h)) / (2 * h);
            Assert.Equal(fd, t.Derivative(u), 1e-8 * Math.Max(1, Math.Abs(fd)));
        }
    }

    [Fact]
    public void Logit_ExtremeUnboundedValues_StayInsideTheBounds()
    {
        var t = new LogitTransform(0.5, 10.0);
        foreach (double u in new[] { -700.0, -40.0, 40.0, 700.0 })
        {
            double theta = t.ToParameter(u);
            Assert.InRange(theta, 0.5, 10.0);
            Assert.True(double.IsFinite(t.Derivative(u)));
        }
        Assert.Equal(0.5 + 9.5 / (1 + Math.Exp(-1.0)), t.ToParameter(1.0), 14);
    }

    [Fact]
    public void Log_ValueIsLowerBoundPlusExponential()
    {
        var t = new LogTransform(0.5);
        Assert.Equal(0.5 + Math.E, t.ToParameter(1.0), 14);
        Assert.Equal(Math.Log(2.0), t.ToUnbounded(2.5), 14);
        Assert.Throws<ArgumentOutOfRangeException>(() => t.ToUnbounded(0.5));
    }

    [Fact]
    public void DefaultKind_FollowsTheFiniteBounds()
    {
        Assert.Equal(TransformKind.Logit, ParameterTransform.DefaultKind(Spec));
        Assert.Equal(TransformKind.Log, ParameterTransform.DefaultKind(Spec with { Upper = double.PositiveInfinity }));
        Assert.Equal(TransformKind.Identity, ParameterTransform.DefaultKind(Spec with { Lower = double.NegativeInfinity, Upper = double.PositiveInfinity }));
        Assert.Null(ParameterTransform.Parse("sqrt"));
    }
}
