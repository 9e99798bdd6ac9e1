using ClimateAD.Grid.Grids;

namespace ClimateAD.Grid.Tests.Grids;

public class CartesianGridTests
{
    [Fact]
    public void Coordinates_AndSpacings_FollowFromLengths()
    {
        var g = new CartesianGrid(10, 5, 1000, 500, originX: -500, originY: 100);
        Assert.Equal(100, g.SpacingX);
        Assert.Equal(100, g.SpacingY);
        Assert.Equal(-450, g.X(Stagger.Center, 0));
        Assert.Equal(-500, g.X(Stagger.Face, 0));
        Assert.Equal(350, g.Y(Stagger.Center, 2));
        Assert.Equal(1e4, g.Area(Location.Ccc, 0));
        Assert.Equal(100, g.Dx(Location.Ffc, -2));
    }

    [Fact]
    public void Coriolis_IsBetaPlane_AtEachRowStagger()
    {
        var g = new CartesianGrid(4, 4, 4e5, 4e5, coriolisParameter: 1e-4, coriolisGradient: 2e-11, originY: -2e5);
        Assert.Equal(1e-4 + 2e-11 * -1.5e5, g.Coriolis(Stagger.Center, 0), 1e-18);
        Assert.Equal(1e-4 + 2e-11 * -2e5, g.Coriolis(Stagger.Face, 0), 1e-18);
        Assert.Equal(1e-4, g.Coriolis(Location.Cfc, 2), 1e-18);
    }

    [Fact]
    public void Masks_WallsAndLand_CloseFacesAndCorners()
    {
        var mask = LandSeaMask.FromFunction(5, 4, (i, j) => !(i == 2 && j == 1));
        var g = new CartesianGrid(5, 4, 5, 4, Topology.Periodic, Topology.Bounded, mask: mask);
        Assert.Equal(0, g.Mask(Location.Ccc, 2, 1));
        Assert.Equal(0, g.Mask(Location.Fcc, 2, 1)); // west face of the land cell
        Assert.Equal(0, g.Mask(Location.Fcc, 3, 1)); // east face of the land cell
        Assert.Equal(1, g.Mask(Location.Fcc, 0, 1)); // periodic: face between cells 4 and 0 is open
        Assert.Equal(0, g.Mask(Location.Cfc, 0, 0)); // south wall
        Assert.Equal(0, g.Mask(Location.Cfc, 0, 4)); // north wall (in the halo)
        Assert.Equal(0, g.Mask(Location.Ffc, 3, 2)); // corner touching the land cell
        Assert.Equal(1, g.Mask(Location.Ffc, 1, 3)); // corner with four wet cells
        Assert.Equal(0, g.Mask(Location.Ffc, 1, 0)); // corner on the south wall
        Assert.Equal(1, g.Mask(Location.Ccc, -1, 1)); // periodic halo wraps to cell 4
        Assert.Equal(0, g.Mask(Location.Ccc, 0, -1)); // beyond the wall
    }

    [Theory]
    [InlineData(0, 4, 1.0, 1.0, 2, "nx")]
    [InlineData(4, 0, 1.0, 1.0, 2, "ny")]
    [InlineData(4, 4, 0.0, 1.0, 2, "lengthX")]
    [InlineData(4, 4, 1.0, double.NaN, 2, "lengthY")]
    [InlineData(4, 4, 1.0, 1.0, 0, "halo")]
    [InlineData(1, 4, 1.0, 1.0, 2, "nx")]
    public void Constructor_InvalidArguments_ThrowNamingTheParameter(int nx, int ny, double lx, double ly, int halo, string parameter)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new CartesianGrid(nx, ny, lx, ly, halo: halo));
        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void Constructor_MaskOfWrongSize_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new CartesianGrid(4, 4, 1, 1, mask: LandSeaMask.AllSea(3, 4)));
        Assert.Contains("3×4", e.Message);
    }

    [Fact]
    public void Constructor_BoundedAxisSmallerThanHalo_IsAllowed()
    {
        var g = new CartesianGrid(1, 1, 1, 1, Topology.Bounded, Topology.Bounded, halo: 3);
        Assert.Equal(7, g.Columns);
    }
}
