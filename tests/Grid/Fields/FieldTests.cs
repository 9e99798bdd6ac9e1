using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Grids;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Grid.Tests.Fields;

public class FieldTests
{
    private static Field<Real> Numbered(Grid2D g, Location loc, ComputeDevice d, HaloBoundary? bx = null, HaloBoundary? by = null)
    {
        var f = new Field<Real>(g, loc, d, "f", "K", bx, by);
        f.SetInterior((i, j) => 1 + i + 100 * j);
        f.CopyToDevice();
        return f;
    }

    [Fact]
    public void Field_CarriesMetadata_AndHaloLayout()
    {
        var g = new CartesianGrid(5, 4, 1, 1, halo: 2);
        using var d = new CpuDevice();
        using var f = new Field<Real>(g, Location.Fcc, d, "u", "m s-1");
        Assert.Equal(("u", "m s-1", 2, 9, 20), (f.Name, f.Units, f.Halo, f.Stride, f.Origin));
        Assert.Equal(HaloBoundary.Zero, f.BoundaryX);
        Assert.Equal(HaloBoundary.ZeroGradient, f.BoundaryY);
        f[-2, -2] = new Real(1);
        f[6, 5] = new Real(2);
        Assert.Equal(1.0, f.Storage.Host[0].V);
        Assert.Equal(2.0, f.Storage.Host[9 * 8 - 1].V);
        Assert.Throws<IndexOutOfRangeException>(() => f[7, 0]);
    }

    [Fact]
    public void HaloFill_Periodic_CopiesOppositeEdgesAndCorners()
    {
        var g = new CartesianGrid(5, 4, 1, 1, halo: 2);
        using var d = new CpuDevice();
        using var f = Numbered(g, Location.Ccc, d);
        f.FillHalo();
        Assert.Equal(f[4, 1], f[-1, 1]);
        Assert.Equal(f[3, 1], f[-2, 1]);
        Assert.Equal(f[0, 2], f[5, 2]);
        Assert.Equal(f[1, 3], f[1, -1]);
        Assert.Equal(f[0, 0], f[5, 4]);
        Assert.Equal(f[3, 2], f[-2, -2]);
    }

    [Fact]
    public void HaloFill_Walls_MirrorCentresAndZeroNormalVelocity()
    {
        var g = new CartesianGrid(5, 4, 1, 1, Topology.Bounded, Topology.Bounded, halo: 2);
        using var d = new CpuDevice();
        using var c = Numbered(g, Location.Ccc, d);
        using var u = Numbered(g, Location.Fcc, d);
        using var z = Numbered(g, Location.Ccc, d, HaloBoundary.Zero, HaloBoundary.Zero);
        c.FillHalo();
        u.FillHalo();
        z.FillHalo();
        Assert.Equal(c[0, 1], c[-1, 1]);
        Assert.Equal(c[1, 1], c[-2, 1]);
        Assert.Equal(c[4, 1], c[5, 1]);
        Assert.Equal(c[2, 3], c[2, 4]);
        Assert.Equal(c[2, 2], c[2, 5]);
        Assert.Equal(0.0, u[-1, 1].V);
        Assert.Equal(0.0, u[5, 1].V); // east wall face
        Assert.Equal(u[2, 0], u[2, -1]); // zero gradient along y for u
        Assert.Equal(0.0, z[-1, 2].V);
        Assert.Equal(0.0, z[3, 4].V);
    }

    [Fact]
    public void HostView_OfAcceleratorField_IsRejectedWithAClearMessage()
    {
        var g = new CartesianGrid(4, 3, 1, 1, halo: 1);
        using var d = IlgpuDevice.CreateCpuAccelerator();
        using var f = new Field<Real>(g, Location.Ccc, d, "h");
        var e = Assert.Throws<InvalidOperationException>(() => f.View<HostView<Real>>());
        Assert.Contains("DeviceView", e.Message);
        using var cpu = new CpuDevice();
        using var h = new Field<Real>(g, Location.Ccc, cpu, "h");
        Assert.Contains("HostView", Assert.Throws<InvalidOperationException>(() => h.View<DeviceView<Real>>()).Message);
    }

    [Fact]
    public void HaloFill_OnIlgpuAccelerator_MatchesCpu()
    {
        var g = new CartesianGrid(6, 5, 1, 1, Topology.Periodic, Topology.Bounded, halo: 2);
        using var cpu = new CpuDevice();
        using var gpu = IlgpuDevice.CreateCpuAccelerator();
        using var a = Numbered(g, Location.Cfc, cpu);
        using var b = Numbered(g, Location.Cfc, gpu);
        a.FillHalo();
        b.FillHalo();
        b.CopyToHost();
        Assert.Equal(a.Storage.Host.ToArray(), b.Storage.Host.ToArray());
    }
}
