using ClimateAD.Calibration.Transforms;
using ClimateAD.Physics.EnergyBalance;
using Xunit;

namespace ClimateAD.Calibration.Tests.Transforms;

public sealed class FreeParametersTests
{
    private static readonly double[] Base = TwoLayerParameterTable.All.Defaults();

    [Fact]
    public void Expand_SetsOnlyTheFreeEntries_InTheGivenOrder()
    {
        var free = new FreeParameters(TwoLayerParameterTable.All, ["deep_ocean_efficacy", "forcing_scale_aerosol"], Base);
        var theta = free.Expand([1.5, 0.7]);
        Assert.Equal(1.5, theta[5]);
        Assert.Equal(0.7, theta[TwoLayerParameterTable.All.IndexOf("forcing_scale_aerosol")]);
        for (int i = 0; i < theta.Length; i++)
            if (i != 5 && i != TwoLayerParameterTable.All.IndexOf("forcing_scale_aerosol")) Assert.Equal(Base[i], theta[i]);
        Assert.Equal([1.5, 0.7], free.Extract(theta));
    }

    [Fact]
    public void Unbounded_RoundTripAndJacobian_Agree()
    {
        var free = new FreeParameters(TwoLayerParameterTable.All, ["climate_feedback", "deep_heat_capacity"], Base,
            [TransformKind.Logit, TransformKind.Log]);
        var u = free.ToUnbounded([1.2, 150.0]);
        var back = free.ToParameters(u);
        Assert.Equal(1.2, back[0], 12);
        Assert.Equal(150.0, back[1], 10);
        var d = free.Jacobian(u);
        Assert.Equal((1.2 - 0.3) * (3.0 - 1.2) / 2.7, d[0], 12);
        Assert.Equal(150.0 - 10.0, d[1], 9);
    }

    [Fact]
    public void Constructor_UnknownOrRepeatedName_Throws()
    {
        Assert.Throws<ArgumentException>(() => new FreeParameters(TwoLayerParameterTable.All, ["climate_feedbak"], Base));
        Assert.Throws<ArgumentException>(() => new FreeParameters(TwoLayerParameterTable.All, ["climate_feedback", "climate_feedback"], Base));
    }

    [Fact]
    public void Interior_MovesValuesOnABoundInside()
    {
        var free = new FreeParameters(TwoLayerParameterTable.All, ["climate_feedback"], Base);
        var inside = free.Interior([3.0]);
        Assert.True(inside[0] < 3.0 && inside[0] > 2.99);
        Assert.True(double.IsFinite(free.ToUnbounded(inside)[0]));
    }
}
