using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Grids;
using ClimateAD.Grid.Numerics;
using ClimateAD.Grid.Tests.Operators;

namespace ClimateAD.Grid.Tests.Fields;

public class DeviceGridTests
{
    /// <summary>Copies metric <c>which</c> of row <c>j</c> (as seen by kernels) into every point of that row, halo rows included.</summary>
    private readonly struct MetricKernel<T, TView>(GridView<T, TView> g, TView output, int which, int halo) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        public void Execute(int i, int jj)
        {
            int j = jj - halo;
            output.At(i, j) = which switch
            {
                0 => g.Dx_ccc(j), 1 => g.Dx_cfc(j), 2 => g.Dy_ccc(j), 3 => g.Dy_cfc(j),
                4 => g.Area_ccc(j), 5 => g.Area_ffc(j), 6 => g.Coriolis_ccc(j), 7 => g.Coriolis_ffc(j),
                8 => g.InvDx_ccc(j), 9 => g.InvArea_ccc(j), _ => g.Mask_ffc(i, j),
            };
        }
    }

    private sealed class Program(DeviceGrid<Real> grid, Field<Real> output, int which) : IDeviceProgram<Real>
    {
        public void Run<TView>(ComputeDevice device) where TView : struct, IFieldView<Real, TView>
            => device.Launch(new MetricKernel<Real, TView>(grid.View<TView>(), output.View<TView>(), which, grid.Grid.Halo), grid.Grid.Nx, grid.Grid.Rows);
    }

    [Theory]
    [InlineData("latlon-masked")]
    [InlineData("cartesian-periodic")]
    public void KernelsSeeTheGridMetrics_OnEveryRowIncludingHalos(string gridName)
    {
        var grid = TestGrids.Get(gridName, 6, 5);
        Func<int, double>[] expected =
        [
            j => grid.Dx(Stagger.Center, j), j => grid.Dx(Stagger.Face, j), j => grid.Dy(Stagger.Center, j), j => grid.Dy(Stagger.Face, j),
            j => grid.Area(Stagger.Center, j), j => grid.Area(Stagger.Face, j), j => grid.Coriolis(Stagger.Center, j), j => grid.Coriolis(Stagger.Face, j),
            j => 1 / grid.Dx(Stagger.Center, j), j => 1 / grid.Area(Stagger.Center, j),
        ];
        using var device = new CpuDevice();
        using var deviceGrid = new DeviceGrid<Real>(grid, device);
        using var output = new Field<Real>(grid, Location.Ccc, device, "metric");
        for (int which = 0; which <= expected.Length; which++)
        {
            device.Run(new Program(deviceGrid, output, which));
            for (int j = -grid.Halo; j < grid.Ny + grid.Halo; j++)
                for (int i = 0; i < grid.Nx; i++)
                {
                    double want = which < expected.Length ? expected[which](j) : grid.Mask(Location.Ffc, i, j);
                    Assert.Equal(want, output[i, j].V);
                }
        }
    }

    [Fact]
    public void SinglePrecision_DiffusionSteps_AgreeWithDoubleToSinglePrecisionRoundOff()
    {
        var grid = TestGrids.Get("latlon-masked", 16, 12);
        using var cpu = new CpuDevice();
        double kappaDt = Execution.DiffusionStepExample<Real>.StableKappaDt(grid);
        static double Initial(int i, int j) => Math.Sin(0.7 * i) * Math.Cos(0.3 * j);
        using var single = new Execution.DiffusionStepExample<Real32>(grid, cpu, (i, j) => new Real32((float)Initial(i, j)))
        { KappaDt = Real32.FromDouble(kappaDt), Steps = 10 };
        using var dbl = new Execution.DiffusionStepExample<Real>(grid, cpu, (i, j) => Initial(i, j)) { KappaDt = kappaDt, Steps = 10 };
        cpu.Run(single);
        cpu.Run(dbl);
        for (int j = 0; j < grid.Ny; j++)
            for (int i = 0; i < grid.Nx; i++)
                Assert.Equal(dbl.State[i, j].V, single.State[i, j].V, 2e-6);
    }
}
