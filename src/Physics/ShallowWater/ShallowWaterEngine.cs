using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// Runs shallow-water time steps on a device, whole steps without host round trips: the tendency
/// (continuity plus every active term), the Runge–Kutta or Adams–Bashforth update, and the adjoint
/// of a step (stages recomputed from <c>x[n]</c>, then reversed). Written once over the scalar:
/// on <see cref="Real"/> it is the model and its adjoint, on <see cref="Dual{T}"/> of <see cref="Real"/>
/// the tangent (parameters as duals carry <c>δθ</c>).
/// </summary>
/// <remarks>
/// State: <see cref="State"/> holds <c>x[n]</c>; with Adams–Bashforth 3, <see cref="Previous1"/> and
/// <see cref="Previous2"/> hold <c>G[n−1]</c> and <c>G[n−2]</c>. <see cref="Advance"/> replaces them by
/// step <c>n + 1</c>. The adjoint reads <see cref="LambdaNext"/> (and its history parts) and
/// accumulates into <see cref="Lambda"/>; parameter gradients go to per-point densities that
/// <see cref="AdjointStep"/> sums on the host in a fixed order (bitwise reproducible, no atomics).
/// </remarks>
/// <typeparam name="T">Scalar type.</typeparam>
public sealed class ShallowWaterEngine<T> : IDisposable where T : unmanaged, IScalar<T>
{
    private readonly (IShallowWaterTerm Term, int Index)[] _terms;
    private readonly ButcherTableau _tableau;
    private readonly bool _ab3;
    private readonly ShallowWaterFields<T>[] _k;
    private readonly ShallowWaterFields<T> _stage;
    private ShallowWaterFields<T> _next;
    private readonly ShallowWaterFields<T>[]? _stageStates, _kBar;
    private readonly ShallowWaterFields<T>? _yBar;
    private readonly Field<T>[] _density;
    private readonly List<IDisposable> _owned = [];
    private readonly Dictionary<int, double[]> _densityMaps = [];

    /// <summary>Allocates the engine for <paramref name="configuration"/> on <paramref name="device"/>.</summary>
    /// <param name="configuration">The model.</param>
    /// <param name="device">Where it runs.</param>
    /// <param name="withAdjoint">Allocate the adjoint buffers too.</param>
    public ShallowWaterEngine(ShallowWaterConfiguration configuration, ComputeDevice device, bool withAdjoint = false)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(device);
        Configuration = configuration;
        Device = device;
        Workspace = Own(new ShallowWaterWorkspace<T>(configuration, device));
        var terms = configuration.Terms;
        _terms = new (IShallowWaterTerm, int)[terms.Count];
        int p = 0;
        for (int k = 0; k < terms.Count; k++) _terms[k] = (terms[k], terms[k].Parameter is null ? -1 : p++);
        ParameterCount = p;
        Parameters = new T[p];
        var defaults = configuration.DefaultParameters();
        for (int k = 0; k < p; k++) Parameters[k] = T.FromDouble(defaults[k]);
        _tableau = configuration.Tableau;
        _ab3 = configuration.Stepper == ShallowWaterTimeStepper.AdamsBashforth3;
        var grid = configuration.Grid;
        ShallowWaterFields<T> Triplet(string name) => Own(new ShallowWaterFields<T>(grid, device, name));
        State = Triplet("x_");
        _next = Triplet("next_");
        _stage = Triplet("stage_");
        _k = [.. Enumerable.Range(0, _tableau.Stages).Select(s => Triplet($"k{s}_"))];
        if (_ab3)
        {
            Previous1 = Triplet("g1_");
            Previous2 = Triplet("g2_");
        }
        _density = [.. Enumerable.Range(0, p).Select(k => Own(new Field<T>(grid, Grid.Grids.Location.Ccc, device, $"theta_density_{k}")))];
        if (withAdjoint)
        {
            _stageStates = [.. Enumerable.Range(0, _tableau.Stages).Select(s => Triplet($"y{s}_"))];
            _kBar = [.. Enumerable.Range(0, _tableau.Stages).Select(s => Triplet($"kbar{s}_"))];
            _yBar = Triplet("ybar_");
            LambdaNext = Triplet("lambda_next_");
            Lambda = Triplet("lambda_");
            if (_ab3)
            {
                LambdaNext1 = Triplet("lambda_next_g1_");
                LambdaNext2 = Triplet("lambda_next_g2_");
                Lambda1 = Triplet("lambda_g1_");
                Lambda2 = Triplet("lambda_g2_");
            }
        }
    }

    /// <summary>The model.</summary>
    public ShallowWaterConfiguration Configuration { get; }

    /// <summary>The device.</summary>
    public ComputeDevice Device { get; }

    /// <summary>Constant, diagnostic and scratch fields.</summary>
    public ShallowWaterWorkspace<T> Workspace { get; }

    /// <summary>Number of parameters <c>θ</c>.</summary>
    public int ParameterCount { get; }

    /// <summary>The parameter values <c>θ</c> used by the next call (slot order; set by the caller).</summary>
    public T[] Parameters { get; }

    /// <summary>The state <c>x[n]</c>.</summary>
    public ShallowWaterFields<T> State { get; private set; }

    /// <summary>Adams–Bashforth history <c>G[n−1]</c> (null for Runge–Kutta steppers).</summary>
    public ShallowWaterFields<T>? Previous1 { get; private set; }

    /// <summary>Adams–Bashforth history <c>G[n−2]</c> (null for Runge–Kutta steppers).</summary>
    public ShallowWaterFields<T>? Previous2 { get; private set; }

    /// <summary>Adjoint input <c>λ[n+1]</c>, state part (adjoint engines only).</summary>
    public ShallowWaterFields<T>? LambdaNext { get; }

    /// <summary>Adjoint input, <c>G[n]</c> history part (Adams–Bashforth 3 only).</summary>
    public ShallowWaterFields<T>? LambdaNext1 { get; }

    /// <summary>Adjoint input, <c>G[n−1]</c> history part (Adams–Bashforth 3 only).</summary>
    public ShallowWaterFields<T>? LambdaNext2 { get; }

    /// <summary>Adjoint output <c>λ[n]</c>, state part (accumulated).</summary>
    public ShallowWaterFields<T>? Lambda { get; }

    /// <summary>Adjoint output, <c>G[n−1]</c> history part (accumulated).</summary>
    public ShallowWaterFields<T>? Lambda1 { get; }

    /// <summary>Adjoint output, <c>G[n−2]</c> history part (accumulated).</summary>
    public ShallowWaterFields<T>? Lambda2 { get; }

    /// <summary>Computes the tendency <c>G(s)</c> into <paramref name="tendency"/> (written).</summary>
    public void Tendency(ShallowWaterFields<T> state, ShallowWaterFields<T> tendency)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(tendency);
        Device.Run(new Program(this, 0, 0, state, tendency));
    }

    /// <summary>Advances <see cref="State"/> (and the history) from step <paramref name="n"/> to <c>n + 1</c>.</summary>
    public void Advance(int n) => Device.Run(new Program(this, 1, n, null, null));

    /// <summary>
    /// The adjoint of step <paramref name="n"/> at <see cref="State"/>: accumulates <c>M_xᵀ λ[n+1]</c> into
    /// <see cref="Lambda"/> (and its history parts) and adds <c>M_θᵀ λ[n+1]</c> to <paramref name="thetaBar"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The engine was built without adjoint buffers.</exception>
    public void AdjointStep(int n, Span<double> thetaBar)
    {
        if (Lambda is null) throw new InvalidOperationException("This engine was created without adjoint buffers (withAdjoint: false).");
        Device.Run(new Program(this, 2, n, null, null));
        for (int k = 0; k < ParameterCount; k++)
        {
            var d = _density[k];
            d.CopyToHost();
            double sum = 0;
            _densityMaps.TryGetValue(k, out var map);
            for (int j = 0; j < d.Ny; j++)
                for (int i = 0; i < d.Nx; i++)
                {
                    double v = T.Value(d[i, j]);
                    sum += v;
                    if (map is not null) map[j * d.Nx + i] += v;
                }
            thetaBar[k] += sum;
        }
    }

    /// <summary>
    /// From now on, every <see cref="AdjointStep"/> also adds the point-wise density of
    /// <c>∂J/∂θ_k</c> into <paramref name="map"/> (cell centres, row-major, <c>i</c> fastest; pass
    /// <c>null</c> to stop). Summed over the cells it is the step's contribution to <c>θ̄_k</c>; per
    /// cell it is the gradient with respect to a local multiplier of the term at that cell times
    /// θ_k, i.e. <c>θ_k ∂J/∂θ_k(i, j)</c> is <c>∂J/∂ ln m(i, j)</c> for the term scaled by <c>m(i, j)</c>
    /// (e.g. the sensitivity to the wind stress at each cell).
    /// </summary>
    public void AccumulateDensity(int k, double[]? map)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, ParameterCount);
        if (map is null) _densityMaps.Remove(k);
        else
        {
            if (map.Length != Configuration.Grid.Nx * Configuration.Grid.Ny)
                throw new ArgumentException($"The map needs {Configuration.Grid.Nx * Configuration.Grid.Ny} values.", nameof(map));
            _densityMaps[k] = map;
        }
    }

    /// <summary>Frees the device memory.</summary>
    public void Dispose()
    {
        foreach (var d in _owned) d.Dispose();
        _owned.Clear();
    }

    private TD Own<TD>(TD d) where TD : IDisposable
    {
        _owned.Add(d);
        return d;
    }

    private readonly struct Program(ShallowWaterEngine<T> engine, int action, int n, ShallowWaterFields<T>? a, ShallowWaterFields<T>? b) : IDeviceProgram<T>
    {
        public void Run<TView>(ComputeDevice device) where TView : struct, IFieldView<T, TView>
        {
            switch (action)
            {
                case 0: engine.TendencyCore<TView>(a!, b!); break;
                case 1: engine.AdvanceCore<TView>(n); break;
                default: engine.AdjointCore<TView>(n); break;
            }
        }
    }

    private void Zero<TView>(ShallowWaterFields<T> f) where TView : struct, IFieldView<T, TView>
    {
        for (int c = 0; c < 3; c++) Workspace.Zero<TView>(f[c]);
    }

    private void Copy<TView>(ShallowWaterFields<T> source, ShallowWaterFields<T> target) where TView : struct, IFieldView<T, TView>
    {
        for (int c = 0; c < 3; c++) Workspace.Launch(new ShallowWaterCore.CopyKernel<T, TView>(source[c].View<TView>(), target[c].View<TView>()));
    }

    private void Axpy<TView>(ShallowWaterFields<T> source, double a, ShallowWaterFields<T> target) where TView : struct, IFieldView<T, TView>
    {
        T c = T.FromDouble(a);
        for (int k = 0; k < 3; k++) Workspace.Launch(new ShallowWaterCore.AxpyKernel<T, TView>(source[k].View<TView>(), c, target[k].View<TView>()));
    }

    private void Diagnostics<TView>(in ShallowWaterViews<T, TView> w) where TView : struct, IFieldView<T, TView>
    {
        Workspace.Launch(new ShallowWaterCore.DiagnosticsKernel<T, TView>(w, Configuration.RelativeVorticity ? T.One : T.Zero));
        Workspace.TransportU.FillHalo();
        Workspace.TransportV.FillHalo();
        Workspace.Pv.FillHalo();
        Workspace.Kinetic.FillHalo();
    }

    private void TendencyCore<TView>(ShallowWaterFields<T> state, ShallowWaterFields<T> tendency) where TView : struct, IFieldView<T, TView>
    {
        Zero<TView>(tendency);
        state.FillHalo();
        var w = Workspace.Views<TView>(state, tendency);
        Diagnostics(w);
        Workspace.Launch(new ShallowWaterCore.ContinuityKernel<T, TView>(w));
        foreach (var (term, index) in _terms)
            term.AddTendency(Workspace, w, index >= 0 ? Parameters[index] : T.Zero);
    }

    private void AdjointTendencyCore<TView>(ShallowWaterFields<T> state, ShallowWaterFields<T> tendencyBar, ShallowWaterFields<T> stateBar)
        where TView : struct, IFieldView<T, TView>
    {
        state.FillHalo();
        tendencyBar.FillHalo();
        var w = Workspace.Views<TView>(state, null, tendencyBar, stateBar);
        Diagnostics(w);
        Workspace.Launch(new ShallowWaterCore.ContinuityAdjointKernel<T, TView>(w));
        foreach (var (term, index) in _terms)
            term.AddAdjoint(Workspace, w, index >= 0 ? Parameters[index] : T.Zero, (index >= 0 ? _density[index] : Workspace.ScratchC).View<TView>());
    }

    // Runge–Kutta stages from State: k_s = G(y_s), y_s = x + Δt Σ a_sr k_r. Stage states go to `stageStates` when given.
    private void Stages<TView>(ShallowWaterFields<T>[]? stageStates) where TView : struct, IFieldView<T, TView>
    {
        double dt = Configuration.TimeStep;
        for (int s = 0; s < _tableau.Stages; s++)
        {
            var y = State;
            if (s > 0 || stageStates is not null)
            {
                y = stageStates?[s] ?? _stage;
                Copy<TView>(State, y);
                for (int r = 0; r < s; r++)
                    if (_tableau.A[s][r] != 0) Axpy<TView>(_k[r], dt * _tableau.A[s][r], y);
            }
            TendencyCore<TView>(y, _k[s]);
        }
    }

    private void AdvanceCore<TView>(int n) where TView : struct, IFieldView<T, TView>
    {
        double dt = Configuration.TimeStep;
        if (_ab3 && n >= 2)
        {
            var gNow = _k[0];
            TendencyCore<TView>(State, gNow);
            Copy<TView>(State, _next);
            Axpy<TView>(gNow, dt * 23.0 / 12.0, _next);
            Axpy<TView>(Previous1!, -dt * 16.0 / 12.0, _next);
            Axpy<TView>(Previous2!, dt * 5.0 / 12.0, _next);
            var oldPrevious2 = Previous2!;
            Previous2 = Previous1;
            Previous1 = gNow;
            _k[0] = oldPrevious2;
            (State, _next) = (_next, State);
            return;
        }
        Stages<TView>(null);
        Copy<TView>(State, _next);
        for (int s = 0; s < _tableau.Stages; s++)
            if (_tableau.B[s] != 0) Axpy<TView>(_k[s], dt * _tableau.B[s], _next);
        if (_ab3)
        {
            (Previous1, Previous2) = (Previous2, Previous1);
            Copy<TView>(_k[0], Previous1!);
        }
        (State, _next) = (_next, State);
    }

    private void AdjointCore<TView>(int n) where TView : struct, IFieldView<T, TView>
    {
        double dt = Configuration.TimeStep;
        for (int k = 0; k < ParameterCount; k++) Workspace.Zero<TView>(_density[k]);
        var lambdaNext = LambdaNext!;
        var lambda = Lambda!;
        if (_ab3 && n >= 2)
        {
            var gBar = _kBar![0];
            Zero<TView>(gBar);
            Axpy<TView>(lambdaNext, dt * 23.0 / 12.0, gBar);
            Axpy<TView>(LambdaNext1!, 1.0, gBar);
            Axpy<TView>(lambdaNext, 1.0, lambda);
            AdjointTendencyCore<TView>(State, gBar, lambda);
            Axpy<TView>(lambdaNext, -dt * 16.0 / 12.0, Lambda1!);
            Axpy<TView>(LambdaNext2!, 1.0, Lambda1!);
            Axpy<TView>(lambdaNext, dt * 5.0 / 12.0, Lambda2!);
            return;
        }
        var ys = _stageStates!;
        var kBar = _kBar!;
        Stages<TView>(ys);
        for (int s = 0; s < _tableau.Stages; s++)
        {
            Zero<TView>(kBar[s]);
            if (_tableau.B[s] != 0) Axpy<TView>(lambdaNext, dt * _tableau.B[s], kBar[s]);
        }
        if (_ab3)
        {
            Axpy<TView>(LambdaNext1!, 1.0, kBar[0]);
            Axpy<TView>(LambdaNext2!, 1.0, Lambda1!);
        }
        Axpy<TView>(lambdaNext, 1.0, lambda);
        var yBar = _yBar!;
        for (int s = _tableau.Stages - 1; s >= 0; s--)
        {
            Zero<TView>(yBar);
            AdjointTendencyCore<TView>(ys[s], kBar[s], yBar);
            Axpy<TView>(yBar, 1.0, lambda);
            for (int r = 0; r < s; r++)
                if (_tableau.A[s][r] != 0) Axpy<TView>(yBar, dt * _tableau.A[s][r], kBar[r]);
        }
    }
}
