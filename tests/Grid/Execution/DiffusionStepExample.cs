using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Grids;
using ClimateAD.Grid.Numerics;
using ClimateAD.Grid.Operators;

namespace ClimateAD.Grid.Tests.Execution;

/// <summary>
/// How a model uses Grid: a kernel struct composed from operator point functions, and a program
/// that runs whole time steps on a device (halo fill + kernel per step, no host round trip).
/// Forward-Euler diffusion <c>c ← c + κΔt ∇²c</c>.
/// </summary>
public sealed class DiffusionStepExample<T> : IDeviceProgram<T>, IDisposable where T : unmanaged, IScalar<T>
{
    private readonly DeviceGrid<T> _grid;
    private Field<T> _c, _next;

    public DiffusionStepExample(Grid2D grid, ComputeDevice device, Func<int, int, T> initial)
    {
        _grid = new DeviceGrid<T>(grid, device);
        _c = new Field<T>(grid, Location.Ccc, device, "c", "K");
        _next = new Field<T>(grid, Location.Ccc, device, "c_next", "K");
        for (int j = 0; j < grid.Ny; j++)
            for (int i = 0; i < grid.Nx; i++)
                _c[i, j] = initial(i, j);
        _c.CopyToDevice();
    }

    public T KappaDt { get; init; }

    /// <summary>A stable κΔt for forward Euler: a tenth of the smallest squared spacing (m²).</summary>
    public static double StableKappaDt(Grid2D grid)
        => 0.1 * Enumerable.Range(0, grid.Ny).Min(j => Math.Pow(Math.Min(grid.Dx(Stagger.Center, j), grid.Dy(Stagger.Center, j)), 2));

    public int Steps { get; init; } = 1;

    public Field<T> State => _c;

    public void Run<TView>(ComputeDevice device) where TView : struct, IFieldView<T, TView>
    {
        var g = _grid.View<TView>();
        for (int n = 0; n < Steps; n++)
        {
            _c.FillHalo();
            device.Launch(new Step<TView>(g, _c.View<TView>(), _next.View<TView>(), KappaDt), _c.Nx, _c.Ny);
            (_c, _next) = (_next, _c);
        }
    }

    /// <summary>The kernel: one line that composes operators.</summary>
    public readonly struct Step<TView>(GridView<T, TView> g, TView c, TView next, T kappaDt) : IKernel2D
        where TView : struct, IFieldView<T, TView>
    {
        public void Execute(int i, int j) => next.At(i, j) = c.At(i, j) + kappaDt * Lap_ccc.Apply(g, c, i, j);
    }

    public void Dispose()
    {
        _grid.Dispose();
        _c.Dispose();
        _next.Dispose();
    }
}
