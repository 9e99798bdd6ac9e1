using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Grids;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Grid.Fields;

/// <summary>
/// A named 2-D field on a grid: values at one C-grid <see cref="Location"/>, with units and a halo of
/// the grid's width, stored row-major (<c>i</c> fastest) as <c>(Nx + 2H) × (Ny + 2H)</c> elements on a
/// <see cref="ComputeDevice"/>.
/// </summary>
/// <remarks>
/// Element <c>(i, j)</c>, <c>−H ≤ i &lt; Nx + H</c>, <c>−H ≤ j &lt; Ny + H</c>, is at linear index
/// <c>(j + H)(Nx + 2H) + i + H</c>. Kernels reach the memory through <see cref="View{TView}"/>; the
/// host indexer reads and writes the host memory (the compute memory on the CPU, a mirror on an
/// accelerator: see <see cref="CopyToDevice"/>, <see cref="CopyToHost"/>).
/// </remarks>
/// <typeparam name="T">Scalar type, e.g. <see cref="Real"/>.</typeparam>
public sealed class Field<T> : IDisposable where T : unmanaged, IScalar<T>
{
    /// <summary>Allocates a zeroed field.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="location">Where the values sit on the C-grid.</param>
    /// <param name="device">Where the field lives.</param>
    /// <param name="name">Short name, e.g. <c>u</c>.</param>
    /// <param name="units">UDUNITS string, e.g. <c>m s-1</c>.</param>
    /// <param name="boundaryX">Halo rule beyond x walls; by default <see cref="HaloBoundary.Zero"/> for x-faces (normal velocity), else <see cref="HaloBoundary.ZeroGradient"/>.</param>
    /// <param name="boundaryY">Halo rule beyond y walls; by default <see cref="HaloBoundary.Zero"/> for y-faces, else <see cref="HaloBoundary.ZeroGradient"/>.</param>
    public Field(Grid2D grid, Location location, ComputeDevice device, string name, string units = "1",
        HaloBoundary? boundaryX = null, HaloBoundary? boundaryY = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(units);
        Grid = grid;
        Location = location;
        Device = device;
        Name = name;
        Units = units;
        BoundaryX = boundaryX ?? (location.X == Stagger.Face ? HaloBoundary.Zero : HaloBoundary.ZeroGradient);
        BoundaryY = boundaryY ?? (location.Y == Stagger.Face ? HaloBoundary.Zero : HaloBoundary.ZeroGradient);
        Storage = new FieldStorage<T>(device, grid.Columns * grid.Rows);
    }

    /// <summary>The grid.</summary>
    public Grid2D Grid { get; }

    /// <summary>Where the values sit on the C-grid.</summary>
    public Location Location { get; }

    /// <summary>Where the field lives.</summary>
    public ComputeDevice Device { get; }

    /// <summary>Short name.</summary>
    public string Name { get; }

    /// <summary>Units (UDUNITS).</summary>
    public string Units { get; }

    /// <summary>Halo rule beyond x walls.</summary>
    public HaloBoundary BoundaryX { get; }

    /// <summary>Halo rule beyond y walls.</summary>
    public HaloBoundary BoundaryY { get; }

    /// <summary>The memory.</summary>
    public FieldStorage<T> Storage { get; }

    /// <summary>Halo width.</summary>
    public int Halo => Grid.Halo;

    /// <summary>Interior points along x.</summary>
    public int Nx => Grid.Nx;

    /// <summary>Interior points along y.</summary>
    public int Ny => Grid.Ny;

    /// <summary>Elements per stored row, <c>Nx + 2H</c>.</summary>
    public int Stride => Grid.Columns;

    /// <summary>Linear index of interior point <c>(0, 0)</c>.</summary>
    public int Origin => Halo * Stride + Halo;

    /// <summary>Host element <c>(i, j)</c>, halo included.</summary>
    /// <exception cref="IndexOutOfRangeException">The index is outside the field and its halo.</exception>
    public ref T this[int i, int j]
    {
        get
        {
            if (i < -Halo || i >= Nx + Halo || j < -Halo || j >= Ny + Halo)
                throw new IndexOutOfRangeException($"({i}, {j}) is outside field '{Name}' ({Nx}×{Ny}, halo {Halo}).");
            return ref Storage.Host[Origin + j * Stride + i];
        }
    }

    /// <summary>A view for kernels: <see cref="HostView{T}"/> on the CPU, <see cref="DeviceView{T}"/> on an accelerator.</summary>
    public TView View<TView>() where TView : struct, IFieldView<T, TView> => TView.Create(Storage, Origin, Stride);

    /// <summary>Sets every interior point to <paramref name="value"/>(i, j) on the host (then <see cref="CopyToDevice"/>).</summary>
    public void SetInterior(Func<int, int, double> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (int j = 0; j < Ny; j++)
            for (int i = 0; i < Nx; i++)
                this[i, j] = T.FromDouble(value(i, j));
    }

    /// <summary>The interior host values as a <c>[Nx, Ny]</c> array of doubles (primal values).</summary>
    public double[,] InteriorToArray()
    {
        var a = new double[Nx, Ny];
        for (int j = 0; j < Ny; j++)
            for (int i = 0; i < Nx; i++)
                a[i, j] = T.Value(this[i, j]);
        return a;
    }

    /// <summary>Zeroes the whole field, halo included, on the host and on the device.</summary>
    public void Clear()
    {
        Storage.Host.Clear();
        Storage.CopyToDevice();
    }

    /// <summary>Copies the host values to the device (no-op on the CPU).</summary>
    public void CopyToDevice() => Storage.CopyToDevice();

    /// <summary>Waits for the device and copies its values to the host (no-op on the CPU).</summary>
    public void CopyToHost() => Storage.CopyToHost();

    /// <summary>Fills the halo on the device (<see cref="HaloFill"/>): periodic wrap, or <see cref="BoundaryX"/>/<see cref="BoundaryY"/> at walls.</summary>
    public void FillHalo() => HaloFill.Apply(this);

    /// <summary>Frees the memory.</summary>
    public void Dispose() => Storage.Dispose();

    /// <inheritdoc/>
    public override string ToString() => $"{Name} [{Units}] at {Location} on {Nx}×{Ny} (halo {Halo}), {Device.Name}";
}
