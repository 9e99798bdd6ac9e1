using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Grids;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// A shallow-water run: steps the model on a device (the same engine as <see cref="ShallowWaterStep.Forward"/>,
/// so results are bit-identical), checks the CFL number before the run and every
/// <see cref="CheckInterval"/> steps during it, stops with a <see cref="ShallowWaterBlowUpException"/>
/// naming step, field and point on NaN/∞ or CFL excess, and reports <see cref="ShallowWaterDiagnostics"/>.
/// </summary>
/// <remarks>
/// Restart: <see cref="GetState"/> returns the full flat state (with the Adams–Bashforth history) and
/// <see cref="SetState"/> restores it with its step index, so a run restarted from a saved state is
/// bit-identical to an uninterrupted one (test: ShallowWaterSimulationTests).
/// </remarks>
public sealed class ShallowWaterSimulation : IDisposable
{
    private readonly ShallowWaterEngine<Real> _engine;
    private readonly ComputeDevice _device;
    private readonly bool _ownsDevice;
    private readonly double[] _parameters;

    /// <summary>Creates the run from <paramref name="initialState"/> (flat layout; the history blocks of Adams–Bashforth may be zero).</summary>
    /// <param name="configuration">The model.</param>
    /// <param name="initialState">Initial state; <c>[h, u, v]</c> or the full layout.</param>
    /// <param name="parameters">Parameters <c>θ</c>; the configuration's defaults when <c>null</c>.</param>
    /// <param name="device">Where to run; a private <see cref="CpuDevice"/> when <c>null</c>.</param>
    /// <exception cref="ShallowWaterBlowUpException">The initial state is not finite or violates the CFL limit.</exception>
    public ShallowWaterSimulation(ShallowWaterConfiguration configuration, ReadOnlySpan<double> initialState, double[]? parameters = null, ComputeDevice? device = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Configuration = configuration;
        _ownsDevice = device is null;
        _device = device ?? new CpuDevice();
        _engine = new ShallowWaterEngine<Real>(configuration, _device);
        _parameters = parameters is null ? configuration.DefaultParameters() : (double[])parameters.Clone();
        if (_parameters.Length != _engine.ParameterCount)
            throw new ArgumentException($"θ has {_parameters.Length} values; the model has {_engine.ParameterCount} ({string.Join(", ", configuration.Parameters.Select(p => p.Name))}).", nameof(parameters));
        for (int k = 0; k < _parameters.Length; k++) _engine.Parameters[k] = new Real(_parameters[k]);
        var layout = configuration.Layout;
        var full = new double[layout.Length];
        if (initialState.Length != layout.Length && initialState.Length != 3 * layout.BlockLength)
            throw new ArgumentException($"The initial state has {initialState.Length} values; expected {3 * layout.BlockLength} or {layout.Length}.", nameof(initialState));
        initialState.CopyTo(full);
        SetState(full, 0);
    }

    /// <summary>The model.</summary>
    public ShallowWaterConfiguration Configuration { get; }

    /// <summary>The parameters <c>θ</c> in use.</summary>
    public IReadOnlyList<double> Parameters => _parameters;

    /// <summary>Steps taken so far (the index of the current state).</summary>
    public int Step { get; private set; }

    /// <summary>Model time <c>Step · Δt</c> (s).</summary>
    public double Time => Step * Configuration.TimeStep;

    /// <summary>Steps between CFL/finiteness checks during <see cref="Run"/> (default 10; 1 checks every step).</summary>
    public int CheckInterval { get; init; } = 10;

    /// <summary>Largest admissible CFL number (default 1.0).</summary>
    public double CflLimit { get; init; } = 1.0;

    /// <summary>Gravity used for the energy and the CFL number: the <c>gravity</c> parameter when present.</summary>
    public double Gravity
    {
        get
        {
            int k = Configuration.Parameters.IndexOf(ShallowWaterParameterNames.Gravity);
            return k >= 0 ? _parameters[k] : 0.0;
        }
    }

    /// <summary>Advances <paramref name="steps"/> steps, checking the state every <see cref="CheckInterval"/> steps and at the end.</summary>
    /// <param name="steps">Number of steps, ≥ 0.</param>
    /// <param name="onCheck">Called with the diagnostics at every check (optional).</param>
    /// <exception cref="ShallowWaterBlowUpException">The state became non-finite or the CFL limit was exceeded; the state at that step is kept.</exception>
    public void Run(int steps, Action<ShallowWaterDiagnostics>? onCheck = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        for (int k = 0; k < steps; k++)
        {
            _engine.Advance(Step);
            Step++;
            if (Step % CheckInterval == 0 || k == steps - 1)
            {
                var d = Check();
                onCheck?.Invoke(d);
            }
        }
    }

    /// <summary>The diagnostics of the current state.</summary>
    public ShallowWaterDiagnostics Diagnostics() => ShallowWaterDiagnostics.Compute(Configuration, GetState(), Gravity, Step);

    /// <summary>The current state in the flat layout (a copy).</summary>
    public double[] GetState()
    {
        var layout = Configuration.Layout;
        var x = new double[layout.Length];
        Read(_engine.State, x, 0);
        if (_engine.Previous1 is not null)
        {
            Read(_engine.Previous1, x, 3);
            Read(_engine.Previous2!, x, 6);
        }
        return x;
    }

    /// <summary>Replaces the state (flat layout, with history) and the step index: a restart.</summary>
    /// <exception cref="ShallowWaterBlowUpException">The state is not finite or violates the CFL limit.</exception>
    public void SetState(ReadOnlySpan<double> state, int step)
    {
        var layout = Configuration.Layout;
        if (state.Length != layout.Length) throw new ArgumentException($"The state has {state.Length} values; the layout needs {layout.Length}.", nameof(state));
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        Write(_engine.State, state, 0);
        if (_engine.Previous1 is not null)
        {
            Write(_engine.Previous1, state, 3);
            Write(_engine.Previous2!, state, 6);
        }
        Step = step;
        Check();
    }

    /// <summary>The current fields as <c>[Nx, Ny]</c> arrays: thickness, u, v.</summary>
    public (double[,] H, double[,] U, double[,] V) Fields()
    {
        _engine.State.CopyToHost();
        return (_engine.State.H.InteriorToArray(), _engine.State.U.InteriorToArray(), _engine.State.V.InteriorToArray());
    }

    /// <summary>Frees the device memory (and the private device).</summary>
    public void Dispose()
    {
        _engine.Dispose();
        if (_ownsDevice) _device.Dispose();
    }

    private ShallowWaterDiagnostics Check()
    {
        var x = GetState();
        var layout = Configuration.Layout;
        string[] names = ["h", "u", "v"];
        for (int c = 0; c < 3; c++)
            for (int j = 0; j < layout.Ny; j++)
                for (int i = 0; i < layout.Nx; i++)
                {
                    double value = x[layout.Index(c, i, j)];
                    if (!double.IsFinite(value))
                        throw new ShallowWaterBlowUpException(Step, names[c], i, j, value,
                            $"Shallow-water run blew up at step {Step} (t = {Time:G6} s): {names[c]}({i}, {j}) = {value}. Reduce the time step (now {Configuration.TimeStep} s) or add dissipation.");
                }
        var d = ShallowWaterDiagnostics.Compute(Configuration, x, Gravity, Step);
        if (d.MaxCfl > CflLimit)
        {
            var (field, ci, cj) = WorstCfl(x);
            throw new ShallowWaterBlowUpException(Step, field, ci, cj, d.MaxCfl,
                $"CFL number {d.MaxCfl:G4} at {field}({ci}, {cj}) exceeds the limit {CflLimit} at step {Step} (t = {Time:G6} s). Reduce the time step (now {Configuration.TimeStep} s).");
        }
        return d;
    }

    private (string Field, int I, int J) WorstCfl(double[] x)
    {
        var grid = Configuration.Grid;
        var layout = Configuration.Layout;
        double g = Gravity, dt = Configuration.TimeStep, worst = -1;
        (string, int, int) at = ("u", 0, 0);
        for (int j = 0; j < layout.Ny; j++)
            for (int i = 0; i < layout.Nx; i++)
            {
                double h = Math.Max(x[layout.Index(0, i, j)], 0);
                double cu = grid.Mask(Location.Fcc, i, j) * (Math.Abs(x[layout.Index(1, i, j)]) + Math.Sqrt(g * h)) * dt / grid.Dx(Stagger.Center, j);
                double cv = grid.Mask(Location.Cfc, i, j) * (Math.Abs(x[layout.Index(2, i, j)]) + Math.Sqrt(g * h)) * dt / grid.Dy(Stagger.Face, j);
                if (cu > worst) (worst, at) = (cu, ("u", i, j));
                if (cv > worst) (worst, at) = (cv, ("v", i, j));
            }
        return at;
    }

    private void Read(ShallowWaterFields<Real> f, double[] x, int firstBlock)
    {
        var layout = Configuration.Layout;
        for (int c = 0; c < 3; c++)
        {
            var field = f[c];
            field.CopyToHost();
            var host = field.Storage.Host;
            for (int j = 0; j < layout.Ny; j++)
                for (int i = 0; i < layout.Nx; i++)
                    x[layout.Index(firstBlock + c, i, j)] = host[field.Origin + j * field.Stride + i].V;
        }
    }

    private void Write(ShallowWaterFields<Real> f, ReadOnlySpan<double> x, int firstBlock)
    {
        var layout = Configuration.Layout;
        for (int c = 0; c < 3; c++)
        {
            var field = f[c];
            var host = field.Storage.Host;
            for (int j = 0; j < layout.Ny; j++)
                for (int i = 0; i < layout.Nx; i++)
                    host[field.Origin + j * field.Stride + i] = new Real(x[layout.Index(firstBlock + c, i, j)]);
            field.CopyToDevice();
        }
    }
}
