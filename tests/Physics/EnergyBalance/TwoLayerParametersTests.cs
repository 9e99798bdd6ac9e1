using ClimateAD.Physics.EnergyBalance;
using ClimateAD.Physics.Forcing;
using ClimateAD.Physics.Parameters;
using Xunit;

namespace ClimateAD.Physics.Tests.EnergyBalance;

public class TwoLayerParametersTests
{
    [Fact]
    public void Default_MatchesTableDefaultsInThetaOrder()
    {
        var p = TwoLayerParameters.Default;
        Assert.Equal(new TwoLayerParameters(7.78, 1.06, 8.14, 109.6, 0.617, 1.34), p);
        var theta = new double[TwoLayerParameterTable.All.Count];
        p.CopyTo(theta);
        Assert.Equal(TwoLayerParameterTable.All.Defaults().Take(6), theta.Take(6));
    }

    [Fact]
    public void FromValues_OverriddenValue_IsRead()
    {
        var values = new ParameterValues(TwoLayerParameterTable.All);
        values[TwoLayerParameterTable.Efficacy] = 1.7;
        values[TwoLayerParameterTable.DeepHeatCapacity] = 150.0;
        var p = TwoLayerParameters.FromValues(values);
        Assert.Equal(1.7, p.DeepOceanEfficacy);
        Assert.Equal(150.0, p.DeepHeatCapacity);
        Assert.Equal(TwoLayerParameters.FromTheta(values.ToArray()), p);
    }

    [Fact]
    public void FromTheta_NonPositiveOrShort_Throws()
    {
        Assert.Throws<ArgumentException>(() => TwoLayerParameters.FromTheta([7.78, 1.06, 8.14]));
        Assert.Throws<ArgumentException>(() => TwoLayerParameters.FromTheta([7.78, -1.06, 8.14, 109.6, 0.617, 1.34]));
        Assert.Throws<ArgumentException>(() => TwoLayerParameters.FromTheta([7.78, 1.06, 8.14, double.NaN, 0.617, 1.34]));
    }

    [Fact]
    public void EquilibriumClimateSensitivity_Default_IsHalfF4xOverLambda()
    {
        Assert.Equal(7.78 / (2 * 1.06), TwoLayerParameters.Default.EquilibriumClimateSensitivity, 1e-14);
    }

    [Fact]
    public void TransientClimateResponse_Default_IsPlausibleAndBelowEcs()
    {
        var p = TwoLayerParameters.Default;
        // CMIP6 TCR spans 1.3-3.0 K (Meehl et al. 2020); a two-layer fit with ECS 3.7 K should sit near 2 K.
        Assert.InRange(p.TransientClimateResponse, 1.5, 2.5);
        Assert.True(p.TransientClimateResponse < 0.7 * p.EquilibriumClimateSensitivity);
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("HighEfficacy")]
    [InlineData("LowEfficacy")]
    public void TransientClimateResponse_EqualsModelRunOf1pctCo2AtYear70(string set)
    {
        // Exact integrator with midpoint (= step-mean) ramp forcing: the only error is the
        // piecewise-constant forcing, O(Δt²); 20 steps per year makes it < 1e-5 relative.
        var p = TwoLayerTestCases.ByName(set);
        var sim = new TwoLayerSimulation(TwoLayerTestCases.Theta(p), ForcingBasis.RampCo2(0.01, 70, 20));
        var year70 = sim.Run()[^1];
        Assert.Equal(70.0, year70.Time, 10);
        Assert.InRange(Math.Abs(year70.Temperature - p.TransientClimateResponse) / p.TransientClimateResponse, 0, 1e-5);
    }
}
