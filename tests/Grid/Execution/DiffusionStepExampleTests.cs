using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Grids;
using ClimateAD.Grid.Numerics;
using ClimateAD.Grid.Tests.Operators;

namespace ClimateAD.Grid.Tests.Execution;

public class DiffusionStepExampleTests(IlgpuCpuFixture fixture) : IClassFixture<IlgpuCpuFixture>
{
    private static double Initial(int i, int j) => Math.Sin(0.7 * i) * Math.Cos(0.3 * j) + 0.01 * i * j;

    private static double[] Run(ComputeDevice device, Grid2D grid, int steps)
    {
        double kappaDt = DiffusionStepExample<Real>.StableKappaDt(grid);
        using var model = new DiffusionStepExample<Real>(grid, device, (i, j) => Initial(i, j)) { KappaDt = kappaDt, Steps = steps };
        device.Run(model);
        return OperatorHarness.Read(model.State);
    }

    [Fact]
    public void TimeSteps_OnIlgpuAccelerator_MatchCpuBitwise()
    {
        var grid = TestGrids.Get("latlon-sector-masked", 16, 12);
        using var cpu = new CpuDevice();
        Assert.Equal(Run(cpu, grid, 5), Run(fixture.Device, grid, 5));
    }

    [Fact]
    public void TimeSteps_ConserveTheAreaWeightedTotal_WithWallsAndLand()
    {
        var grid = TestGrids.Get("cartesian-walled-masked", 16, 12);
        using var cpu = new CpuDevice();
        var before = Run(cpu, grid, 0);
        var after = Run(cpu, grid, 20);
        double Total(double[] c) => c.Select((v, n) => v * grid.Mask(Location.Ccc, n % grid.Nx, n / grid.Nx)).Sum();
        Assert.Equal(Total(before), Total(after), 1e-12 * before.Sum(Math.Abs));
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void DualNumbers_ThroughTheSameKernel_GiveTheTangent()
    {
        // The step is linear in c, so the tangent of 3 steps along δc is the 3-step map applied to δc.
        var grid = TestGrids.Get("latlon-masked", 12, 8);
        using var cpu = new CpuDevice();
        double kappaDt = DiffusionStepExample<Real>.StableKappaDt(grid);
        static double Delta(int i, int j) => Math.Cos(i + 2.0 * j);
        using var dual = new DiffusionStepExample<Dual<Real>>(grid, cpu, (i, j) => new Dual<Real>(Initial(i, j), Delta(i, j)))
        { KappaDt = Dual<Real>.FromDouble(kappaDt), Steps = 3 };
        cpu.Run(dual);
        using var plain = new DiffusionStepExample<Real>(grid, cpu, (i, j) => Delta(i, j)) { KappaDt = kappaDt, Steps = 3 };
        cpu.Run(plain);
        using var primal = new DiffusionStepExample<Real>(grid, cpu, (i, j) => Initial(i, j)) { KappaDt = kappaDt, Steps = 3 };
        cpu.Run(primal);
        for (int j = 0; j < grid.Ny; j++)
            for (int i = 0; i < grid.Nx; i++)
            {
                Assert.Equal(primal.State[i, j].V, dual.State[i, j].V.V);
                Assert.Equal(plain.State[i, j].V, dual.State[i, j].D.V, 1e-14);
            }
    }
}
