using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Grids;
using ClimateAD.Grid.Numerics;
using ClimateAD.Grid.Tests.Operators;

namespace ClimateAD.Grid.Tests.Fields;

public class FieldReductionsTests
{
    [Fact]
    public void AreaWeightedMean_OfConstant_IsTheConstant_AndSumIsConstantTimesWetArea()
    {
        var grid = TestGrids.Get("latlon-masked");
        using var d = new CpuDevice();
        using var f = new Field<Real>(grid, Location.Ccc, d, "c");
        f.SetInterior((i, j) => grid.IsWet(i, j) ? 3.5 : 1e9); // land values must not count
        Assert.Equal(3.5, FieldReductions.AreaWeightedMean(f), 1e-14);
        double wetArea = 0;
        for (int j = 0; j < grid.Ny; j++)
            for (int i = 0; i < grid.Nx; i++)
                if (grid.IsWet(i, j)) wetArea += grid.Area(Stagger.Center, j);
        Assert.Equal(3.5 * wetArea, FieldReductions.AreaWeightedSum(f), 1e-12 * 3.5 * wetArea);
    }

    [Fact]
    public void AreaWeightedSum_OfAcceleratorField_CopiesBackFirst()
    {
        var grid = new CartesianGrid(4, 3, 4, 3, halo: 1);
        using var d = IlgpuDevice.CreateCpuAccelerator();
        using var f = new Field<Real>(grid, Location.Ccc, d, "c");
        f.SetInterior((_, _) => 2);
        f.CopyToDevice();
        f.SetInterior((_, _) => 0); // host mirror now stale; the device holds 2
        Assert.Equal(24.0, FieldReductions.AreaWeightedSum(f));
    }

    [Fact]
    public void AreaWeightedMean_WithNoOpenPoint_Throws()
    {
        var grid = new CartesianGrid(3, 3, 1, 1, mask: LandSeaMask.FromFunction(3, 3, (_, _) => false));
        using var d = new CpuDevice();
        using var f = new Field<Real>(grid, Location.Fcc, d, "u");
        Assert.Throws<InvalidOperationException>(() => FieldReductions.AreaWeightedMean(f));
    }
}
