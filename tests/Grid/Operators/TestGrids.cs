using ClimateAD.Grid.Grids;

namespace ClimateAD.Grid.Tests.Operators;

/// <summary>The grids every operator is tested on.</summary>
public static class TestGrids
{
    public static readonly string[] Names = ["cartesian-periodic", "cartesian-walled-masked", "latlon-masked", "latlon-sector-masked"];

    public static Grid2D Get(string name, int nx = 13, int ny = 11) => name switch
    {
        "cartesian-periodic" => new CartesianGrid(nx, ny, 1.3e6, 0.9e6, coriolisParameter: 1e-4, coriolisGradient: 2e-11),
        "cartesian-walled-masked" => new CartesianGrid(nx, ny, 1.3e6, 0.9e6, Topology.Bounded, Topology.Bounded,
            coriolisParameter: 1e-4, mask: Island(nx, ny)),
        "latlon-masked" => new LatLonGrid(nx, ny, mask: Island(nx, ny)),
        "latlon-sector-masked" => new LatLonGrid(nx, ny, -40, 30, -60, 70, Topology.Bounded, mask: Island(nx, ny)),
        _ => throw new ArgumentException(name),
    };

    /// <summary>A small island plus a peninsula touching the south edge, and a single-cell lake, so masks are exercised in every configuration.</summary>
    public static LandSeaMask Island(int nx, int ny) => LandSeaMask.FromFunction(nx, ny, (i, j) =>
        !((i >= nx / 3 && i <= nx / 3 + 2 && j >= ny / 3 && j <= ny / 3 + 1) || (i == nx - 3 && j <= 2) || (i == 1 && j == ny - 2)));
}
