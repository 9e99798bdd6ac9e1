using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Grids;
using ClimateAD.Grid.Numerics;
using ClimateAD.Physics.ShallowWater;
using Xunit;

namespace ClimateAD.Physics.Tests.ShallowWater;

public class ShallowWaterTermTests
{
    // A doubly periodic 6 × 5 f-plane (f = 10⁻⁴ s⁻¹) of 10 km cells with no term switched on: each test adds the slots it needs.
    private static ShallowWaterConfiguration Bare() =>
        new(new CartesianGrid(6, 5, 6e4, 5e4, Topology.Periodic, Topology.Periodic, halo: 2, coriolisParameter: 1e-4), 60)
        {
            Vorticity = null,
            Pressure = null,
        };

    private static (double[,] H, double[,] U, double[,] V) Tendency(ShallowWaterConfiguration config, Func<int, int, double> h, Func<int, int, double> u, Func<int, int, double> v)
    {
        using var device = new CpuDevice();
        using var engine = new ShallowWaterEngine<Real>(config, device);
        using var g = new ShallowWaterFields<Real>(config.Grid, device);
        engine.State.H.SetInterior(h);
        engine.State.U.SetInterior(u);
        engine.State.V.SetInterior(v);
        engine.Tendency(engine.State, g);
        g.CopyToHost();
        return (g.H.InteriorToArray(), g.U.InteriorToArray(), g.V.InteriorToArray());
    }

    private static void AllEqual(double expected, double[,] actual, double tolerance)
    {
        foreach (double a in actual) Assert.Equal(expected, a, tolerance);
    }

    [Fact]
    public void NoTerms_UniformFlowOverUniformDepth_TendencyIsZero()
    {
        var (gh, gu, gv) = Tendency(Bare(), (_, _) => 100, (_, _) => 0.3, (_, _) => -0.2);
        AllEqual(0, gh, 0);
        AllEqual(0, gu, 0);
        AllEqual(0, gv, 0);
    }

    [Fact]
    public void LinearDrag_DampingTime_GivesMinusVelocityOverTime()
    {
        var (_, gu, gv) = Tendency(Bare() with { LinearDrag = new LinearDrag(1e5) }, (_, _) => 100, (_, _) => 0.3, (_, _) => -0.2);
        AllEqual(-0.3 / 1e5, gu, 1e-20);
        AllEqual(0.2 / 1e5, gv, 1e-20);
    }

    [Fact]
    public void WindStress_UniformDepth_GivesStressOverDensityAndDepth()
    {
        var p = new double[6, 5];
        for (int i = 0; i < 6; i++) for (int j = 0; j < 5; j++) p[i, j] = 0.5;
        var (_, gu, gv) = Tendency(Bare() with { Wind = new WindStress(0.1, 1025), WindPatternX = p }, (_, _) => 200, (_, _) => 0, (_, _) => 0);
        AllEqual(0.1 * 0.5 / (1025 * 200), gu, 1e-22);
        AllEqual(0, gv, 0);
    }

    [Fact]
    public void Relaxation_GivesTargetMinusThicknessOverTime()
    {
        var target = new double[6, 5];
        for (int i = 0; i < 6; i++) for (int j = 0; j < 5; j++) target[i, j] = 100 + i;
        var (gh, _, _) = Tendency(Bare() with { Relaxation = new HeightRelaxation(86400), RelaxationTarget = target }, (_, _) => 100, (_, _) => 0, (_, _) => 0);
        for (int i = 0; i < 6; i++) Assert.Equal(i / 86400.0, gh[i, 2], 1e-18);
    }

    [Fact]
    public void PotentialVorticityFlux_UniformFlowOnFPlane_IsCoriolisForce_AndSwappingItOutRemovesIt()
    {
        var config = Bare() with { Vorticity = new PotentialVorticityFlux() };
        var (_, gu, gv) = Tendency(config, (_, _) => 100, (_, _) => 0.3, (_, _) => -0.2);
        AllEqual(1e-4 * -0.2, gu, 1e-18);
        AllEqual(-1e-4 * 0.3, gv, 1e-18);
        var (_, gu0, gv0) = Tendency(config with { Vorticity = null }, (_, _) => 100, (_, _) => 0.3, (_, _) => -0.2);
        AllEqual(0, gu0, 0);
        AllEqual(0, gv0, 0);
    }

    [Fact]
    public void BernoulliGradient_ThicknessStepWithoutKineticEnergy_IsMinusGravityTimesGradient()
    {
        var config = Bare() with { Pressure = new BernoulliGradient(9.81, IncludeKineticEnergy: false) };
        var (_, gu, gv) = Tendency(config, (i, _) => i == 3 ? 101 : 100, (_, _) => 0.3, (_, _) => 0);
        for (int j = 0; j < 5; j++)
        {
            Assert.Equal(-9.81 * 1 / 1e4, gu[3, j], 1e-15);
            Assert.Equal(9.81 * 1 / 1e4, gu[4, j], 1e-15);
            Assert.Equal(0, gu[1, j]);
        }
        AllEqual(0, gv, 0);
    }

    [Fact]
    public void Continuity_ConvergentFlux_ThickensTheCell()
    {
        // u = 1 m/s at face 2, 0 elsewhere; uniform h = 100 m: cell 1 loses, cell 2 gains 100 × 1 / 10 km per second.
        var (gh, _, _) = Tendency(Bare(), (_, _) => 100, (i, _) => i == 2 ? 1 : 0, (_, _) => 0);
        Assert.Equal(-100.0 / 1e4, gh[1, 0], 1e-16);
        Assert.Equal(100.0 / 1e4, gh[2, 0], 1e-16);
        Assert.Equal(0, gh[4, 0]);
    }
}
