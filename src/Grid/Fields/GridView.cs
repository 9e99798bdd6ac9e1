using System.Runtime.CompilerServices;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Grid.Fields;

/// <summary>
/// What a kernel needs to know about the grid, on one device: the masks at the four C-grid
/// locations, <c>Mask_xxx(i, j)</c>, and the row metrics (spacings, areas, their reciprocals and the
/// Coriolis parameter) on centre and face rows, <c>Dx_ccc(j)</c> etc. Built by
/// <see cref="DeviceGrid{T}.View{TView}"/>; passed by value inside kernel structs.
/// </summary>
/// <remarks>
/// Centre-row metrics also hold at <c>fcc</c> (u points share the centre rows); face-row metrics
/// also hold at <c>cfc</c>. See <see cref="Grids.Grid2D"/> for their meaning. Metrics are stored as
/// one value per row (a profile view with row stride 1, read at <c>i = 0</c>), so they cost no
/// memory traffic per point; reciprocals let kernels multiply instead of divide.
/// </remarks>
/// <typeparam name="T">Scalar type.</typeparam>
/// <typeparam name="TView">View type of the device.</typeparam>
public readonly struct GridView<T, TView> where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
{
    private readonly TView _mask_ccc;
    private readonly TView _mask_fcc;
    private readonly TView _mask_cfc;
    private readonly TView _mask_ffc;
    private readonly TView _dx_ccc;
    private readonly TView _dx_cfc;
    private readonly TView _dy_ccc;
    private readonly TView _dy_cfc;
    private readonly TView _area_ccc;
    private readonly TView _area_ffc;
    private readonly TView _invDx_ccc;
    private readonly TView _invDy_ccc;
    private readonly TView _invDy_cfc;
    private readonly TView _invArea_ccc;
    private readonly TView _invArea_ffc;
    private readonly TView _coriolis_ccc;
    private readonly TView _coriolis_ffc;

    /// <summary>Creates the view from its parts (see the accessors for their meaning).</summary>
    internal GridView(TView mask_ccc, TView mask_fcc, TView mask_cfc, TView mask_ffc,
        TView dx_ccc, TView dx_cfc, TView dy_ccc, TView dy_cfc,
        TView area_ccc, TView area_ffc, TView coriolis_ccc, TView coriolis_ffc,
        TView invDx_ccc, TView invDy_ccc, TView invDy_cfc, TView invArea_ccc,
        TView invArea_ffc)
    {
        _mask_ccc = mask_ccc;
        _mask_fcc = mask_fcc;
        _mask_cfc = mask_cfc;
        _mask_ffc = mask_ffc;
        _dx_ccc = dx_ccc;
        _dx_cfc = dx_cfc;
        _dy_ccc = dy_ccc;
        _dy_cfc = dy_cfc;
        _area_ccc = area_ccc;
        _area_ffc = area_ffc;
        _coriolis_ccc = coriolis_ccc;
        _coriolis_ffc = coriolis_ffc;
        _invDx_ccc = invDx_ccc;
        _invDy_ccc = invDy_ccc;
        _invDy_cfc = invDy_cfc;
        _invArea_ccc = invArea_ccc;
        _invArea_ffc = invArea_ffc;
    }

    /// <summary>Cell mask (1 wet, 0 land or beyond a wall). At point <c>(i, j)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Mask_ccc(int i, int j) => _mask_ccc.At(i, j);

    /// <summary>u-face mask: both neighbouring cells wet. At point <c>(i, j)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Mask_fcc(int i, int j) => _mask_fcc.At(i, j);

    /// <summary>v-face mask: both neighbouring cells wet. At point <c>(i, j)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Mask_cfc(int i, int j) => _mask_cfc.At(i, j);

    /// <summary>Corner (vorticity) mask: all four neighbouring cells wet. At point <c>(i, j)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Mask_ffc(int i, int j) => _mask_ffc.At(i, j);

    /// <summary>x-spacing on centre rows: cell width and centre-to-centre distance across a u face (m). On row <c>j</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Dx_ccc(int j) => _dx_ccc.At(0, j);

    /// <summary>x-spacing on face rows: length of a v face (m). On row <c>j</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Dx_cfc(int j) => _dx_cfc.At(0, j);

    /// <summary>y-spacing on centre rows: length of a u face (m). On row <c>j</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Dy_ccc(int j) => _dy_ccc.At(0, j);

    /// <summary>y-spacing on face rows: centre-to-centre distance across a v face (m). On row <c>j</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Dy_cfc(int j) => _dy_cfc.At(0, j);

    /// <summary>Area of a tracer cell (m²). On row <c>j</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Area_ccc(int j) => _area_ccc.At(0, j);

    /// <summary>Area of the cell around a vorticity point (m²). On row <c>j</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Area_ffc(int j) => _area_ffc.At(0, j);

    /// <summary><c>1 / Δx</c> on centre rows (m⁻¹): kernels multiply instead of dividing. On row <c>j</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T InvDx_ccc(int j) => _invDx_ccc.At(0, j);

    /// <summary><c>1 / Δy</c> on centre rows (m⁻¹). On row <c>j</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T InvDy_ccc(int j) => _invDy_ccc.At(0, j);

    /// <summary><c>1 / Δy</c> on face rows (m⁻¹). On row <c>j</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T InvDy_cfc(int j) => _invDy_cfc.At(0, j);

    /// <summary><c>1 / A</c> of a tracer cell (m⁻²). On row <c>j</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T InvArea_ccc(int j) => _invArea_ccc.At(0, j);

    /// <summary><c>1 / A</c> of the cell around a vorticity point (m⁻²). On row <c>j</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T InvArea_ffc(int j) => _invArea_ffc.At(0, j);

    /// <summary>Coriolis parameter on centre rows (s⁻¹). On row <c>j</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Coriolis_ccc(int j) => _coriolis_ccc.At(0, j);

    /// <summary>Coriolis parameter on face rows (s⁻¹). On row <c>j</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Coriolis_ffc(int j) => _coriolis_ffc.At(0, j);
}
