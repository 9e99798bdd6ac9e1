using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Grids;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// The device memory of a shallow-water model besides its state: the grid on the device, the constant
/// fields of the configuration (topography, wind pattern, relaxation target, corner weights) and
/// the diagnostic and scratch fields the terms share. Terms launch their kernels on
/// <see cref="Device"/> and fill halos of these fields between kernels.
/// </summary>
/// <typeparam name="T">Scalar type.</typeparam>
public sealed class ShallowWaterWorkspace<T> : IDisposable where T : unmanaged, IScalar<T>
{
    private readonly FieldStorage<T> _invDxCfc;
    private readonly List<IDisposable> _owned = [];

    /// <summary>Allocates the workspace for <paramref name="configuration"/> on <paramref name="device"/>.</summary>
    public ShallowWaterWorkspace(ShallowWaterConfiguration configuration, ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(device);
        var grid = configuration.Grid;
        Grid = grid;
        Device = device;
        DeviceGrid = new DeviceGrid<T>(grid, device);
        _owned.Add(DeviceGrid);
        _invDxCfc = new FieldStorage<T>(device, grid.Rows);
        _owned.Add(_invDxCfc);
        for (int j = -grid.Halo; j < grid.Ny + grid.Halo; j++)
        {
            double dx = grid.Dx(Stagger.Face, j);
            _invDxCfc.Host[j + grid.Halo] = T.FromDouble(dx > 0 ? 1 / dx : 0);
        }
        _invDxCfc.CopyToDevice();

        CornerWeight = New(Location.Ffc, "corner_weight", "1");
        for (int j = -grid.Halo; j < grid.Ny + grid.Halo; j++)
            for (int i = -grid.Halo; i < grid.Nx + grid.Halo; i++)
            {
                int n = (grid.IsWet(i - 1, j - 1) ? 1 : 0) + (grid.IsWet(i, j - 1) ? 1 : 0) + (grid.IsWet(i - 1, j) ? 1 : 0) + (grid.IsWet(i, j) ? 1 : 0);
                CornerWeight[i, j] = T.FromDouble(n == 0 ? 0 : 1.0 / n);
            }
        CornerWeight.CopyToDevice();
        Topography = Constant(Location.Ccc, "topography", "m", configuration.Topography);
        WindX = Constant(Location.Fcc, "wind_pattern_x", "1", configuration.WindPatternX);
        WindY = Constant(Location.Cfc, "wind_pattern_y", "1", configuration.WindPatternY);
        HTarget = Constant(Location.Ccc, "h_target", "m", configuration.RelaxationTarget);

        TransportU = New(Location.Fcc, "transport_u", "m3 s-1");
        TransportV = New(Location.Cfc, "transport_v", "m3 s-1");
        Pv = New(Location.Ffc, "pv", "m-1 s-1");
        Kinetic = New(Location.Ccc, "kinetic_energy", "m2 s-2");
        Divergence = New(Location.Ccc, "scratch_divergence", "1");
        Vorticity = New(Location.Ffc, "scratch_vorticity", "1");
        ScratchU = New(Location.Fcc, "scratch_u", "1");
        ScratchV = New(Location.Cfc, "scratch_v", "1");
        ScratchU2 = New(Location.Fcc, "scratch_u2", "1");
        ScratchV2 = New(Location.Cfc, "scratch_v2", "1");
        ScratchC = New(Location.Ccc, "scratch_c", "1");
        ScratchZ1 = New(Location.Ffc, "scratch_z1", "1");
        ScratchZ2 = New(Location.Ffc, "scratch_z2", "1");
        ScratchZ3 = New(Location.Ffc, "scratch_z3", "1");
        ScratchZ4 = New(Location.Ffc, "scratch_z4", "1");
    }

    /// <summary>The grid.</summary>
    public Grid2D Grid { get; }

    /// <summary>The device.</summary>
    public ComputeDevice Device { get; }

    /// <summary>Masks and metrics on the device.</summary>
    public DeviceGrid<T> DeviceGrid { get; }

    /// <summary>Corner weights <c>1/n</c> of <see cref="ShallowWaterStencils.ThicknessZ{T, TView}"/> (ffc, halo included).</summary>
    public Field<T> CornerWeight { get; }

    /// <summary>Bottom topography (ccc, m).</summary>
    public Field<T> Topography { get; }

    /// <summary>Zonal wind-stress pattern (fcc).</summary>
    public Field<T> WindX { get; }

    /// <summary>Meridional wind-stress pattern (cfc).</summary>
    public Field<T> WindY { get; }

    /// <summary>Relaxation target thickness (ccc, m).</summary>
    public Field<T> HTarget { get; }

    /// <summary>Face volume flux at u faces (fcc).</summary>
    public Field<T> TransportU { get; }

    /// <summary>Face volume flux at v faces (cfc).</summary>
    public Field<T> TransportV { get; }

    /// <summary>Potential vorticity (ffc).</summary>
    public Field<T> Pv { get; }

    /// <summary>Kinetic energy per unit mass (ccc).</summary>
    public Field<T> Kinetic { get; }

    /// <summary>Scratch divergence (ccc).</summary>
    public Field<T> Divergence { get; }

    /// <summary>Scratch vorticity (ffc).</summary>
    public Field<T> Vorticity { get; }

    /// <summary>Scratch (fcc).</summary>
    public Field<T> ScratchU { get; }

    /// <summary>Scratch (cfc).</summary>
    public Field<T> ScratchV { get; }

    /// <summary>Scratch (fcc).</summary>
    public Field<T> ScratchU2 { get; }

    /// <summary>Scratch (cfc).</summary>
    public Field<T> ScratchV2 { get; }

    /// <summary>Scratch (ccc).</summary>
    public Field<T> ScratchC { get; }

    /// <summary>Scratch (ffc).</summary>
    public Field<T> ScratchZ1 { get; }

    /// <summary>Scratch (ffc).</summary>
    public Field<T> ScratchZ2 { get; }

    /// <summary>Scratch (ffc).</summary>
    public Field<T> ScratchZ3 { get; }

    /// <summary>Scratch (ffc).</summary>
    public Field<T> ScratchZ4 { get; }

    /// <summary>Runs <paramref name="kernel"/> over the interior <c>Nx × Ny</c> points.</summary>
    public void Launch<TKernel>(TKernel kernel) where TKernel : struct, IKernel2D => Device.Launch(kernel, Grid.Nx, Grid.Ny);

    /// <summary>Zeroes the interior of <paramref name="field"/> on the device.</summary>
    public void Zero<TView>(Field<T> field) where TView : struct, IFieldView<T, TView>
        => Launch(new ShallowWaterCore.ZeroKernel<T, TView>(field.View<TView>()));

    /// <summary>
    /// The views of everything, with <paramref name="state"/> as <c>H, U, V</c>, <paramref name="tendency"/> as
    /// <c>Gh, Gu, Gv</c>, <paramref name="adjointIn"/> as <c>Ah, Au, Av</c> and <paramref name="adjointOut"/> as
    /// <c>Xh, Xu, Xv</c> (scratch placeholders when <c>null</c>).
    /// </summary>
    public ShallowWaterViews<T, TView> Views<TView>(ShallowWaterFields<T> state, ShallowWaterFields<T>? tendency,
        ShallowWaterFields<T>? adjointIn = null, ShallowWaterFields<T>? adjointOut = null) where TView : struct, IFieldView<T, TView>
    {
        ArgumentNullException.ThrowIfNull(state);
        TView V(Field<T> f) => f.View<TView>();
        return new ShallowWaterViews<T, TView>
        {
            G = DeviceGrid.View<TView>(),
            InvDxCfc = TView.Create(_invDxCfc, Grid.Halo, 1),
            CornerWeight = V(CornerWeight),
            Topography = V(Topography),
            WindX = V(WindX),
            WindY = V(WindY),
            HTarget = V(HTarget),
            H = V(state.H),
            U = V(state.U),
            V = V(state.V),
            Gh = V(tendency?.H ?? ScratchC),
            Gu = V(tendency?.U ?? ScratchU),
            Gv = V(tendency?.V ?? ScratchV),
            TransportU = V(TransportU),
            TransportV = V(TransportV),
            Pv = V(Pv),
            Kinetic = V(Kinetic),
            Divergence = V(Divergence),
            Vorticity = V(Vorticity),
            ScratchU = V(ScratchU),
            ScratchV = V(ScratchV),
            ScratchU2 = V(ScratchU2),
            ScratchV2 = V(ScratchV2),
            ScratchC = V(ScratchC),
            ScratchZ1 = V(ScratchZ1),
            ScratchZ2 = V(ScratchZ2),
            ScratchZ3 = V(ScratchZ3),
            ScratchZ4 = V(ScratchZ4),
            Ah = V(adjointIn?.H ?? ScratchC),
            Au = V(adjointIn?.U ?? ScratchU),
            Av = V(adjointIn?.V ?? ScratchV),
            Xh = V(adjointOut?.H ?? ScratchC),
            Xu = V(adjointOut?.U ?? ScratchU),
            Xv = V(adjointOut?.V ?? ScratchV),
        };
    }

    /// <summary>Frees the device memory.</summary>
    public void Dispose()
    {
        foreach (var d in _owned) d.Dispose();
        _owned.Clear();
    }

    private Field<T> New(Location location, string name, string units)
    {
        var f = new Field<T>(Grid, location, Device, name, units);
        _owned.Add(f);
        return f;
    }

    private Field<T> Constant(Location location, string name, string units, double[,]? values)
    {
        var f = New(location, name, units);
        if (values is not null)
        {
            if (values.GetLength(0) != Grid.Nx || values.GetLength(1) != Grid.Ny)
                throw new ArgumentException($"Field '{name}' is {values.GetLength(0)}×{values.GetLength(1)}; the grid is {Grid.Nx}×{Grid.Ny}.");
            f.SetInterior((i, j) => values[i, j]);
        }
        f.CopyToDevice();
        f.FillHalo();
        f.CopyToHost();
        return f;
    }
}
