using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Grids;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Grid.Fields;

/// <summary>
/// Fills a field's halo on its device: a periodic axis copies the opposite interior edge
/// (<c>f[−1−k] = f[N−1−k]</c>, <c>f[N+k] = f[k]</c>); a bounded axis applies the field's
/// <see cref="HaloBoundary"/>. The x halos (interior rows) are filled first, then the y halos over
/// the full stored width, so corners are consistent.
/// </summary>
/// <remarks>
/// The staggered operators read one neighbour; before an operator (or its transpose) is applied,
/// the halo of its input must be filled, which makes periodic stencils wrap. Beyond walls the
/// operators multiply by closed masks, so the halo contents there only need to be finite
/// (Griffies 2004, <i>Fundamentals of Ocean Climate Models</i>, ch. 9, on halos and masks).
/// </remarks>
public static class HaloFill
{
    /// <summary>Fills the halo of <paramref name="field"/> on its device (asynchronously on an accelerator).</summary>
    public static void Apply<T>(Field<T> field) where T : unmanaged, IScalar<T>
    {
        ArgumentNullException.ThrowIfNull(field);
        field.Device.Run(new Program<T>(field));
    }

    /// <summary>The halo rule of one axis: 0 periodic, 1 zero-gradient, 2 zero.</summary>
    private static int Mode(Topology topology, HaloBoundary boundary) =>
        topology == Topology.Periodic ? 0 : boundary == HaloBoundary.ZeroGradient ? 1 : 2;

    private readonly struct Program<T>(Field<T> field) : IDeviceProgram<T> where T : unmanaged, IScalar<T>
    {
        public void Run<TView>(ComputeDevice device) where TView : struct, IFieldView<T, TView>
        {
            var g = field.Grid;
            var view = field.View<TView>();
            device.Launch(new XKernel<T, TView>(view, g.Nx, Mode(g.TopologyX, field.BoundaryX), field.Location.X == Stagger.Face ? 1 : 0), g.Halo, g.Ny);
            device.Launch(new YKernel<T, TView>(view, g.Ny, g.Halo, Mode(g.TopologyY, field.BoundaryY), field.Location.Y == Stagger.Face ? 1 : 0), g.Columns, g.Halo);
        }
    }

    /// <summary>Fills the west and east halos of interior rows; launched over <c>(H, Ny)</c>, index <c>(k, j)</c>.</summary>
    /// <param name="f">The field.</param>
    /// <param name="nx">Interior points along x.</param>
    /// <param name="mode">0 periodic, 1 zero-gradient, 2 zero.</param>
    /// <param name="face">1 when the field is face-staggered along x.</param>
    public readonly struct XKernel<T, TView>(TView f, int nx, int mode, int face) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int k, int j)
        {
            T west = T.Zero, east = T.Zero;
            if (mode == 0)
            {
                west = f.At(nx - 1 - k, j);
                east = f.At(k, j);
            }
            else if (mode == 1)
            {
                west = f.At(face == 1 ? 0 : Math.Min(k, nx - 1), j);
                east = f.At(face == 1 ? nx - 1 : Math.Max(nx - 1 - k, 0), j);
            }
            f.At(-1 - k, j) = west;
            f.At(nx + k, j) = east;
        }
    }

    /// <summary>Fills the south and north halos over the full stored width; launched over <c>(Nx + 2H, H)</c>, index <c>(i + H, k)</c>.</summary>
    /// <param name="f">The field.</param>
    /// <param name="ny">Interior points along y.</param>
    /// <param name="halo">Halo width.</param>
    /// <param name="mode">0 periodic, 1 zero-gradient, 2 zero.</param>
    /// <param name="face">1 when the field is face-staggered along y.</param>
    public readonly struct YKernel<T, TView>(TView f, int ny, int halo, int mode, int face) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int ii, int k)
        {
            int i = ii - halo;
            T south = T.Zero, north = T.Zero;
            if (mode == 0)
            {
                south = f.At(i, ny - 1 - k);
                north = f.At(i, k);
            }
            else if (mode == 1)
            {
                south = f.At(i, face == 1 ? 0 : Math.Min(k, ny - 1));
                north = f.At(i, face == 1 ? ny - 1 : Math.Max(ny - 1 - k, 0));
            }
            f.At(i, -1 - k) = south;
            f.At(i, ny + k) = north;
        }
    }
}
