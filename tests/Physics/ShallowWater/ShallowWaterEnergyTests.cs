using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Grids;
using ClimateAD.Grid.Numerics;
using ClimateAD.Physics.ShallowWater;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Physics.Tests.ShallowWater;

public class ShallowWaterEnergyTests(ITestOutputHelper output)
{
    public static TheoryData<string> Grids => ["basin", "masked", "channel", "sphere"];

    private static Grid2D Grid(string name) => name switch
    {
        "basin" => ShallowWaterGradientChecks.CheckGrid(12, 10),
        "masked" => ShallowWaterGradientChecks.CheckGrid(12, 10, mask: LandSeaMask.FromFunction(12, 10, (i, j) => !(i >= 4 && i <= 6 && j >= 3 && j <= 5) && !(i + j < 3))),
        "channel" => ShallowWaterGradientChecks.CheckGrid(12, 10, Topology.Periodic, Topology.Bounded),
        _ => new LatLonGrid(16, 10, latitudeSouth: -70, latitudeNorth: 80),
    };

    // dE/dt = Σ_c A_c (g (h + b) + K) ∂h/∂t + Σ_u A_u h̄ˣ u ∂u/∂t + Σ_v A_v h̄ʸ v ∂v/∂t for the inviscid, unforced tendency
    // (PV flux + Bernoulli gradient + continuity, with topography) must vanish to round-off: Sadourny's energy-conserving scheme.
    [Theory]
    [MemberData(nameof(Grids))]
    public void InviscidTendency_EnergyRateVanishesToRoundOff(string gridName)
    {
        var grid = Grid(gridName);
        var config = ShallowWaterGradientChecks.CheckConfiguration(grid);
        double g = config.Gravity;
        var x = ShallowWaterGradientChecks.CheckState(config);
        var layout = config.Layout;
        using var device = new CpuDevice();
        using var engine = new ShallowWaterEngine<Real>(config, device);
        using var tendency = new ShallowWaterFields<Real>(grid, device);
        for (int c = 0; c < 3; c++)
            engine.State[c].SetInterior((i, j) => x[layout.Index(c, i, j)]);
        engine.Tendency(engine.State, tendency);
        tendency.CopyToHost();
        int nx = grid.Nx, ny = grid.Ny;
        double H(int i, int j) => x[layout.Index(0, Wrap(i, nx, grid.TopologyX), Wrap(j, ny, grid.TopologyY))];
        double Uv(int i, int j) => grid.Mask(Location.Fcc, i, j) * x[layout.Index(1, Wrap(i, nx, grid.TopologyX), Wrap(j, ny, grid.TopologyY))];
        double Vv(int i, int j) => grid.Mask(Location.Cfc, i, j) * x[layout.Index(2, Wrap(i, nx, grid.TopologyX), Wrap(j, ny, grid.TopologyY))];
        double Au(int j) => grid.Dx(Stagger.Center, j) * grid.Dy(Stagger.Center, j);
        double Av(int j) => grid.Dx(Stagger.Face, j) * grid.Dy(Stagger.Face, j);
        double rate = 0, scale = 0;
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
            {
                double ac = grid.Area(Stagger.Center, j);
                double k = (Au(j) * (Uv(i, j) * Uv(i, j) + Uv(i + 1, j) * Uv(i + 1, j)) + Av(j) * Vv(i, j) * Vv(i, j) + Av(j + 1) * Vv(i, j + 1) * Vv(i, j + 1)) / (4 * ac);
                double b = config.Topography![i, j];
                double[] terms =
                [
                    grid.Mask(Location.Ccc, i, j) * ac * (g * (H(i, j) + b) + k) * tendency.H[i, j].V,
                    grid.Mask(Location.Fcc, i, j) * Au(j) * 0.5 * (H(i - 1, j) + H(i, j)) * Uv(i, j) * tendency.U[i, j].V,
                    grid.Mask(Location.Cfc, i, j) * Av(j) * 0.5 * (H(i, j - 1) + H(i, j)) * Vv(i, j) * tendency.V[i, j].V,
                ];
                foreach (double t in terms)
                {
                    rate += t;
                    scale += Math.Abs(t);
                }
            }
        output.WriteLine($"{gridName}: dE/dt = {rate:E3}, Σ|terms| = {scale:E3}, relative {Math.Abs(rate) / scale:E2}");
        Assert.True(scale > 0);
        Assert.True(Math.Abs(rate) < 1e-13 * scale, $"dE/dt = {rate:E3} relative {Math.Abs(rate) / scale:E2}");
    }

    private static int Wrap(int i, int n, Topology t) => t == Topology.Periodic ? ((i % n) + n) % n : Math.Clamp(i, 0, n - 1);
}
