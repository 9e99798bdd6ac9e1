using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Grids;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Grid.Fields;

/// <summary>
/// A grid's masks and row metrics materialised on a device in scalar type <typeparamref name="T"/>,
/// halos included, ready for kernels through <see cref="View{TView}"/>. Built once per grid and
/// device; immutable afterwards.
/// </summary>
/// <remarks>
/// Masks at the four locations come from <see cref="Grid2D.Mask"/> (product rule; walls are closed
/// faces; periodic halos wrap). Metrics are profiles of length <c>Ny + 2H</c> from
/// <see cref="Grid2D.Dx(Stagger, int)"/> and friends.
/// </remarks>
/// <typeparam name="T">Scalar type of the fields that will use it.</typeparam>
public sealed class DeviceGrid<T> : IDisposable where T : unmanaged, IScalar<T>
{
    private readonly FieldStorage<T>[] _profiles;
    private readonly Field<T>[] _masks;

    /// <summary>Materialises <paramref name="grid"/> on <paramref name="device"/>.</summary>
    public DeviceGrid(Grid2D grid, ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(device);
        Grid = grid;
        Device = device;
        Location[] locations = [Location.Ccc, Location.Fcc, Location.Cfc, Location.Ffc];
        _masks = new Field<T>[locations.Length];
        for (int m = 0; m < locations.Length; m++)
        {
            var mask = new Field<T>(grid, locations[m], device, "mask_" + locations[m].Suffix);
            for (int j = -grid.Halo; j < grid.Ny + grid.Halo; j++)
                for (int i = -grid.Halo; i < grid.Nx + grid.Halo; i++)
                    mask[i, j] = T.FromDouble(grid.Mask(locations[m], i, j));
            mask.CopyToDevice();
            _masks[m] = mask;
        }
        Func<int, double>[] profiles =
        [
            j => grid.Dx(Stagger.Center, j), j => grid.Dx(Stagger.Face, j),
            j => grid.Dy(Stagger.Center, j), j => grid.Dy(Stagger.Face, j),
            j => grid.Area(Stagger.Center, j), j => grid.Area(Stagger.Face, j),
            j => grid.Coriolis(Stagger.Center, j), j => grid.Coriolis(Stagger.Face, j),
            j => 1 / grid.Dx(Stagger.Center, j), j => 1 / grid.Dy(Stagger.Center, j), j => 1 / grid.Dy(Stagger.Face, j),
            j => 1 / grid.Area(Stagger.Center, j), j => 1 / grid.Area(Stagger.Face, j),
        ];
        _profiles = new FieldStorage<T>[profiles.Length];
        for (int p = 0; p < profiles.Length; p++)
        {
            var s = new FieldStorage<T>(device, grid.Rows);
            for (int j = -grid.Halo; j < grid.Ny + grid.Halo; j++)
                s.Host[j + grid.Halo] = T.FromDouble(profiles[p](j));
            s.CopyToDevice();
            _profiles[p] = s;
        }
    }

    /// <summary>The grid.</summary>
    public Grid2D Grid { get; }

    /// <summary>The device.</summary>
    public ComputeDevice Device { get; }

    /// <summary>The mask at <paramref name="location"/> (1 open, 0 closed), halo filled.</summary>
    public Field<T> Mask(Location location) => _masks[(location.X == Stagger.Face ? 1 : 0) + (location.Y == Stagger.Face ? 2 : 0)];

    /// <summary>Views of the masks and metrics for kernels on <see cref="Device"/>.</summary>
    public GridView<T, TView> View<TView>() where TView : struct, IFieldView<T, TView>
    {
        int h = Grid.Halo;
        TView P(int p) => TView.Create(_profiles[p], h, 1);
        return new GridView<T, TView>(
            _masks[0].View<TView>(), _masks[1].View<TView>(), _masks[2].View<TView>(), _masks[3].View<TView>(),
            P(0), P(1), P(2), P(3), P(4), P(5), P(6), P(7), P(8), P(9), P(10), P(11), P(12));
    }

    /// <summary>Frees the device memory.</summary>
    public void Dispose()
    {
        foreach (var m in _masks) m.Dispose();
        foreach (var p in _profiles) p.Dispose();
    }
}
