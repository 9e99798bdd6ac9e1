using ClimateAD.Physics.LatitudeEbm;
using ClimateAD.Physics.Lorenz96;
using Xunit;

namespace ClimateAD.Physics.Tests.LatitudeEbm;

/// <summary>The correction slot of the latitude EBM (<see cref="LatitudeEbmModel.Correction"/>).</summary>
public class LatitudeEbmCorrectionTests
{
    [Fact]
    public void ConstantCorrection_IsTheSameAsLoweringTheOlrIntercept()
    {
        // S(T) = c adds c W m-2 to every cell's budget, exactly what A → A − c does.
        const double c = 3.7;
        var plain = LatitudeEbmModel.Default(deepOcean: true, cellCount: 24);
        var corrected = plain.WithCorrection(new CubicSubgridTerm());
        double[] theta = plain.Parameters.Defaults();
        double[] lowered = (double[])theta.Clone();
        lowered[1] -= c;
        Assert.Equal(theta.Length + 4, corrected.Parameters.Count);
        var a = new LatitudeEbmStep(plain);
        var b = new LatitudeEbmStep(corrected);
        double[] x = plain.UniformState(5.0), y = plain.UniformState(5.0), next = new double[x.Length];
        for (int n = 0; n < 200; n++)
        {
            a.Forward(n, x, lowered, next);
            (x, next) = (next, x);
            b.Forward(n, y, [.. theta, c, 0, 0, 0], next);
            (y, next) = (next, y);
        }
        for (int i = 0; i < x.Length; i++) Assert.Equal(x[i], y[i], 1e-10);
        Assert.True(Math.Abs(x[0] - 5.0) > 1.0, "the run must have moved away from its start");
    }

    [Fact]
    public void Simulation_WithAConstantCorrection_MatchesTheLoweredInterceptIncludingTheImbalance()
    {
        const double c = 2.5;
        var plain = LatitudeEbmModel.Default(cellCount: 30);
        var corrected = plain.WithCorrection(new CubicSubgridTerm());
        double[] theta = plain.Parameters.Defaults();
        double[] lowered = (double[])theta.Clone();
        lowered[1] -= c;
        var a = new LatitudeEbmSimulation(plain, lowered, plain.UniformState(12)).Run(50);
        var b = new LatitudeEbmSimulation(corrected, [.. theta, c, 0, 0, 0], plain.UniformState(12)).Run(50);
        Assert.Equal(a[^1].GlobalMeanTemperature, b[^1].GlobalMeanTemperature, 1e-10);
        Assert.Equal(a[^1].ToaImbalance, b[^1].ToaImbalance, 1e-10);
        Assert.True(Math.Abs(a[0].ToaImbalance) > 0.1, "the start must be out of balance");
    }

    [Fact]
    public void Equilibrium_WithACorrection_IsRefusedWithAClearMessage()
    {
        var model = LatitudeEbmModel.Default().WithCorrection(new CubicSubgridTerm());
        var e = Assert.Throws<NotSupportedException>(() => LatitudeEbmEquilibrium.Solve(model, model.Parameters.Defaults(), new double[model.CellCount]));
        Assert.Contains("steady state", e.Message);
    }
}
