using ClimateAD.Grid.Grids;

namespace ClimateAD.Grid.Tests.Grids;

public class LatLonGridTests
{
    [Fact]
    public void CellAreas_OfFullSphere_SumTo4PiASquared()
    {
        var g = new LatLonGrid(72, 36, radius: 2.0);
        double sum = 0;
        for (int j = 0; j < g.Ny; j++) sum += g.Nx * g.Area(Stagger.Center, j);
        Assert.Equal(4 * Math.PI * 4.0, sum, 1e-12);
    }

    [Fact]
    public void VorticityCellAreas_BetweenFirstAndLastCentreRows_MatchZone()
    {
        var g = new LatLonGrid(36, 18, radius: 1.0);
        double sum = 0;
        for (int j = 1; j < g.Ny; j++) sum += g.Nx * g.Area(Stagger.Face, j);
        double phi0 = g.LatitudeRadians(Stagger.Center, 0), phi1 = g.LatitudeRadians(Stagger.Center, g.Ny - 1);
        Assert.Equal(2 * Math.PI * (Math.Sin(phi1) - Math.Sin(phi0)), sum, 1e-12);
    }

    [Fact]
    public void Metrics_AreTheSphericalOnes()
    {
        var g = new LatLonGrid(360, 180, radius: 1.0, rotationRate: 1.0);
        double d = Math.PI / 180;
        Assert.Equal(d, g.Dy(Location.Ccc, 5), 1e-15);
        Assert.Equal(Math.Cos((-90 + 45.5) * d) * d, g.Dx(Stagger.Center, 45), 1e-15);
        Assert.Equal(Math.Cos((-90 + 45) * d) * d, g.Dx(Stagger.Face, 45), 1e-15);
        Assert.Equal(0.0, g.Dx(Stagger.Face, 0), 1e-15); // the south pole face has no length
        Assert.Equal(0.0, g.Coriolis(Location.Cfc, 90), 1e-15); // equator
        Assert.Equal(1.0, g.Coriolis(Location.Ffc, 120), 1e-12); // 2Ω sin 30° = Ω
        Assert.Equal(-90, g.Y(Stagger.Face, 0));
        Assert.Equal(0.5, g.X(Stagger.Center, 0));
    }

    [Fact]
    public void HaloRows_HaveFinitePositiveMetrics()
    {
        var g = new LatLonGrid(8, 6, halo: 3);
        for (int j = -3; j < 9; j++)
        {
            Assert.True(g.Area(Stagger.Center, j) > 0);
            Assert.True(g.Area(Stagger.Face, j) > 0);
            Assert.True(g.Dx(Stagger.Center, j) > 0);
            Assert.True(g.Dy(Stagger.Face, j) > 0);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Area(Stagger.Center, 9));
    }

    [Fact]
    public void LatitudeWalls_AreClosed_LongitudeWraps()
    {
        var g = new LatLonGrid(8, 6);
        Assert.Equal(0, g.Mask(Location.Cfc, 3, 0));
        Assert.Equal(0, g.Mask(Location.Cfc, 3, 6));
        Assert.Equal(1, g.Mask(Location.Cfc, 3, 1));
        Assert.Equal(1, g.Mask(Location.Fcc, 0, 2));
    }

    [Theory]
    [InlineData(0, 360, -90, 90, Topology.Bounded, null)]
    [InlineData(0, 180, -90, 90, Topology.Periodic, "topologyLongitude")]
    [InlineData(0, 400, -90, 90, Topology.Bounded, "longitudeEast")]
    [InlineData(0, 360, -91, 90, Topology.Periodic, "latitudeSouth")]
    [InlineData(0, 360, 10, 10, Topology.Periodic, "latitudeSouth")]
    public void Constructor_Validates(double west, double east, double south, double north, Topology topology, string? parameter)
    {
        if (parameter is null)
        {
            _ = new LatLonGrid(8, 4, west, east, south, north, topology);
            return;
        }
        var e = Assert.ThrowsAny<ArgumentException>(() => new LatLonGrid(8, 4, west, east, south, north, topology));
        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void Constructor_OneLatitudeBand_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new LatLonGrid(8, 1));

    [Fact]
    public void Constructor_NonPositiveRadius_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new LatLonGrid(8, 4, radius: 0));
}
