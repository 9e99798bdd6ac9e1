using System.Runtime.CompilerServices;
using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Grids;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Physics.Tracer;

/// <summary>
/// The tracer model's fields on one device in scalar type <typeparamref name="T"/>, and the programs
/// that run whole SSP-RK3 steps (forward) and their adjoint on it: every kernel of a step is
/// enqueued on the device with no host round trip (DESIGN.md §2). Used by <see cref="TracerSimulation"/>
/// (T = <see cref="Real"/>) and <see cref="TracerStep"/> (<see cref="Real"/>, and <see cref="Dual{T}"/>
/// for the tangent).
/// </summary>
internal sealed class TracerSolver<T> : IDisposable where T : unmanaged, IScalar<T>
{
    private readonly DeviceGrid<T> _grid;
    private readonly Field<T> _ux, _vy;
    private Field<T> _c, _s1, _s2;
    private Field<T>? _lambda, _lambda2, _lambda1, _acc, _productAdvection, _productDiffusion;

    public TracerSolver(TracerModel model, ComputeDevice device)
    {
        Model = model;
        Device = device;
        var g = model.Grid;
        _grid = new DeviceGrid<T>(g, device);
        _ux = new Field<T>(g, Location.Fcc, device, "transport_x", "m2 s-1");
        _vy = new Field<T>(g, Location.Cfc, device, "transport_y", "m2 s-1");
        for (int j = 0; j < g.Ny; j++)
        {
            double dy = g.Dy(Stagger.Center, j), dx = g.Dx(Stagger.Face, j);
            for (int i = 0; i < g.Nx; i++)
            {
                _ux[i, j] = T.FromDouble(g.Mask(Location.Fcc, i, j) * model.Velocity.U(i, j) * dy);
                _vy[i, j] = T.FromDouble(g.Mask(Location.Cfc, i, j) * model.Velocity.V(i, j) * dx);
            }
        }
        _ux.CopyToDevice();
        _vy.CopyToDevice();
        _ux.FillHalo();
        _vy.FillHalo();
        _c = new Field<T>(g, Location.Ccc, device, "c");
        OpenRowFlags = device.Kind == DeviceKind.Cpu && typeof(T) == typeof(Real) ? TracerCpuPath.OpenRows(g) : [];
        AdjointOpenRowFlags = OpenRowFlags.Length > 0 ? TracerCpuPath.AdjointOpenRows(g, OpenRowFlags) : [];
        _s1 = new Field<T>(g, Location.Ccc, device, "c_stage1");
        _s2 = new Field<T>(g, Location.Ccc, device, "c_stage2");
    }

    public TracerModel Model { get; }

    public ComputeDevice Device { get; }

    /// <summary>The current state (host indexer after <see cref="Field{T}.CopyToHost"/>).</summary>
    public Field<T> State => _c;

    public int Scheme => (int)Model.Scheme;

    /// <summary>The host span of row <paramref name="j"/> of <paramref name="field"/>'s interior.</summary>
    public static Span<T> Row(Field<T> field, int j) => field.Storage.Host.Slice(field.Origin + j * field.Stride, field.Nx);

    /// <summary>Advances the state by <paramref name="steps"/> SSP-RK3 steps.</summary>
    public void Forward(int steps, T scale, T diffusivity)
    {
        if (steps <= 0) return;
        Device.Run(new ForwardProgram(this, steps, scale, diffusivity));
    }

    /// <summary>
    /// The adjoint of one step from the current state (copied to the device first): with the cotangent of
    /// the next state in <see cref="AdjointInput"/> (host), leaves the cotangent of this state in
    /// <see cref="AdjointResult"/> (host) and returns the parameter cotangents (s̄, κ̄). The state is left unchanged.
    /// </summary>
    public (double ScaleBar, double DiffusivityBar) Adjoint(T scale, T diffusivity)
    {
        var g = Model.Grid;
        var lambda = AdjointInput;
        _c.CopyToDevice();
        lambda.CopyToDevice();
        Device.Run(new AdjointProgram(this, scale, diffusivity));
        _acc!.CopyToHost();
        _productAdvection!.CopyToHost();
        _productDiffusion!.CopyToHost();
        double scaleBar = 0, diffusivityBar = 0;
        for (int j = 0; j < g.Ny; j++)
        {
            var pa = Row(_productAdvection, j);
            var pd = Row(_productDiffusion, j);
            for (int i = 0; i < pa.Length; i++)
            {
                scaleBar += T.Value(pa[i]);
                diffusivityBar += T.Value(pd[i]);
            }
        }
        return (scaleBar, diffusivityBar);
    }

    /// <summary>The cotangent of the next state, to be filled on the host (interior) before <see cref="Adjoint"/>.</summary>
    public Field<T> AdjointInput
    {
        get
        {
            var g = Model.Grid;
            _lambda2 ??= new Field<T>(g, Location.Ccc, Device, "lambda_stage2");
            _lambda1 ??= new Field<T>(g, Location.Ccc, Device, "lambda_stage1");
            _acc ??= new Field<T>(g, Location.Ccc, Device, "lambda_c");
            _productAdvection ??= new Field<T>(g, Location.Ccc, Device, "product_advection");
            _productDiffusion ??= new Field<T>(g, Location.Ccc, Device, "product_diffusion");
            return _lambda ??= new Field<T>(g, Location.Ccc, Device, "lambda");
        }
    }

    /// <summary>The cotangent of the state after <see cref="Adjoint"/> (host).</summary>
    public Field<T> AdjointResult => _acc ?? throw new InvalidOperationException("Run Adjoint first.");

    public void Dispose()
    {
        _grid.Dispose();
        foreach (var f in new[] { _ux, _vy, _c, _s1, _s2, _lambda, _lambda2, _lambda1, _acc, _productAdvection, _productDiffusion })
            f?.Dispose();
    }

    private void Stage<TView>(ComputeDevice device, in GridView<T, TView> g, Field<T> cs, Field<T> next, int stage, T scale, T diffusivity)
        where TView : struct, IFieldView<T, TView>
    {
        T b = T.FromDouble(TracerRk3.StageWeights[stage]);
        T dt = T.FromDouble(Model.TimeStep);
        if (TracerCpuPath.TryStage(this, device, cs, next, stage, scale, diffusivity)) return;
        if (Scheme == 0)
            device.Launch(new TracerRk3.StageKernel<T, TView>(g, _ux.View<TView>(), _vy.View<TView>(), _c.View<TView>(), cs.View<TView>(),
                next.View<TView>(), b, dt, scale, diffusivity), Model.Grid.Nx, Model.Grid.Ny);
        else
            device.Launch(new TracerRk3.LimitedStageKernel<T, TView>(g, _ux.View<TView>(), _vy.View<TView>(), _c.View<TView>(), cs.View<TView>(),
                next.View<TView>(), b, dt, scale, diffusivity, Scheme), Model.Grid.Nx, Model.Grid.Ny);
    }

    /// <summary>Whether stages on a <see cref="CpuDevice"/> in double precision take the hand-vectorised path (default true; false forces the generic kernel).</summary>
    public bool UseCpuPath { get; set; } = true;

    /// <summary>Rows where the vectorised path applies (<see cref="TracerCpuPath.OpenRows"/>).</summary>
    internal bool[] OpenRowFlags { get; }

    /// <summary>Rows where the vectorised adjoint stage applies (<see cref="TracerCpuPath.AdjointOpenRows"/>).</summary>
    internal bool[] AdjointOpenRowFlags { get; }

    // The CPU fast path needs these.
    internal Field<T> TransportX => _ux;

    internal Field<T> TransportY => _vy;

    internal DeviceGrid<T> DeviceGrid => _grid;

    private readonly struct ForwardProgram(TracerSolver<T> s, int steps, T scale, T diffusivity) : IDeviceProgram<T>
    {
        public void Run<TView>(ComputeDevice device) where TView : struct, IFieldView<T, TView>
        {
            var g = s._grid.View<TView>();
            for (int n = 0; n < steps; n++)
            {
                s._c.FillHalo();
                s.Stage(device, g, s._c, s._s1, 0, scale, diffusivity);
                s._s1.FillHalo();
                s.Stage(device, g, s._s1, s._s2, 1, scale, diffusivity);
                s._s2.FillHalo();
                s.Stage(device, g, s._s2, s._s1, 2, scale, diffusivity);
                (s._c, s._s1) = (s._s1, s._c);
            }
        }
    }

    private readonly struct AdjointProgram(TracerSolver<T> s, T scale, T diffusivity) : IDeviceProgram<T>
    {
        public void Run<TView>(ComputeDevice device) where TView : struct, IFieldView<T, TView>
        {
            var g = s._grid.View<TView>();
            // Recompute the stage states c⁽¹⁾, c⁽²⁾ of the forward sweep.
            s._c.FillHalo();
            s.Stage(device, g, s._c, s._s1, 0, scale, diffusivity);
            s._s1.FillHalo();
            s.Stage(device, g, s._s1, s._s2, 1, scale, diffusivity);
            s._s2.FillHalo();
            // Reverse the stages: 3 (cs = c⁽²⁾), 2 (cs = c⁽¹⁾), 1 (cs = c, λ_s accumulates into λ_c).
            s._lambda!.FillHalo();
            Adjoint(device, g, s._lambda, s._s2, s._lambda2!, 2, first: 1, accumulateS: 0);
            s._lambda2!.FillHalo();
            Adjoint(device, g, s._lambda2, s._s1, s._lambda1!, 1, first: 0, accumulateS: 0);
            s._lambda1!.FillHalo();
            Adjoint(device, g, s._lambda1, s._c, s._acc!, 0, first: 0, accumulateS: 1);
        }

        private void Adjoint<TView>(ComputeDevice device, in GridView<T, TView> g, Field<T> lambda, Field<T> cs, Field<T> lambdaS, int stage, int first, int accumulateS)
            where TView : struct, IFieldView<T, TView>
        {
            T a = T.FromDouble(TracerRk3.InitialWeights[stage]), b = T.FromDouble(TracerRk3.StageWeights[stage]);
            var kernel = new TracerRk3.AdjointStageKernel<T, TView>(g, s._ux.View<TView>(), s._vy.View<TView>(), lambda.View<TView>(), cs.View<TView>(),
                lambdaS.View<TView>(), s._acc!.View<TView>(), s._productAdvection!.View<TView>(), s._productDiffusion!.View<TView>(),
                a, b, T.FromDouble(s.Model.TimeStep), scale, diffusivity, first, accumulateS);
            if (typeof(TView) == typeof(HostView<T>)
                && TracerCpuPath.TryAdjointStage(s, device, Unsafe.As<TracerRk3.AdjointStageKernel<T, TView>, TracerRk3.AdjointStageKernel<T, HostView<T>>>(ref kernel),
                    lambda, cs, lambdaS, s._acc, s._productAdvection, s._productDiffusion, stage, first, accumulateS, scale, diffusivity))
                return;
            device.Launch(kernel, s.Model.Grid.Nx, s.Model.Grid.Ny);
        }
    }
}
