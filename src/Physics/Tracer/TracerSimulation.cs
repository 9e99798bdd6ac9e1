using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Physics.Tracer;

/// <summary>
/// Runs the tracer model (<see cref="TracerModel"/>) forward in double precision on a device (the
/// CPU by default, or CUDA): whole SSP-RK3 steps stay on the device, and diagnostics (mass, extrema,
/// the field) copy the state back to the host when asked.
/// </summary>
/// <remarks>
/// Mass is <c>Σ m A c</c> over wet cells (units of c × m²; <see cref="FieldReductions"/>, fixed-order sum).
/// For the same model, parameters and initial field, the state after n <see cref="Advance"/> steps is
/// bit-for-bit that of n calls of <see cref="TracerStep.Forward"/> on the same kind of device.
/// </remarks>
public sealed class TracerSimulation : IDisposable
{
    private readonly TracerSolver<Real> _solver;
    private readonly ComputeDevice _device;
    private readonly bool _ownsDevice;

    /// <summary>Starts a simulation.</summary>
    /// <param name="model">The model.</param>
    /// <param name="parameters">κ and s (κ ≥ 0).</param>
    /// <param name="initial">Initial tracer per cell, <c>[Nx, Ny]</c> (e.g. <see cref="TracerInitialConditions.GaussianBlob"/>).</param>
    /// <param name="device">Where to run; a new <see cref="CpuDevice"/> on all cores when <c>null</c> (owned by the simulation).</param>
    /// <exception cref="ArgumentException">The initial field has the wrong shape or a non-finite value, or κ &lt; 0.</exception>
    public TracerSimulation(TracerModel model, TracerParameters parameters, double[,] initial, ComputeDevice? device = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(initial);
        var g = model.Grid;
        if (initial.GetLength(0) != g.Nx || initial.GetLength(1) != g.Ny)
            throw new ArgumentException($"The initial field is {initial.GetLength(0)}×{initial.GetLength(1)} but the grid is {g.Nx}×{g.Ny}.", nameof(initial));
        foreach (double v in initial)
            if (!double.IsFinite(v)) throw new ArgumentException("The initial field has a non-finite value.", nameof(initial));
        if (!(parameters.Diffusivity >= 0) || !double.IsFinite(parameters.Diffusivity) || !double.IsFinite(parameters.VelocityScale))
            throw new ArgumentException($"κ must be finite and ≥ 0 and s finite (κ = {parameters.Diffusivity}, s = {parameters.VelocityScale}).", nameof(parameters));
        Model = model;
        Parameters = parameters;
        _ownsDevice = device is null;
        _device = device ?? new CpuDevice();
        _solver = new TracerSolver<Real>(model, _device);
        _solver.State.SetInterior((i, j) => initial[i, j]);
        _solver.State.CopyToDevice();
    }

    /// <summary>The model.</summary>
    public TracerModel Model { get; }

    /// <summary>The parameters.</summary>
    public TracerParameters Parameters { get; }

    /// <summary>The device the fields live on.</summary>
    public ComputeDevice Device => _device;

    /// <summary>
    /// Whether centred steps in double precision on a <see cref="CpuDevice"/> use the hand-vectorised
    /// (<c>Vector256</c>) stage on fully open rows (default true). Its results are bit-for-bit those of the
    /// generic kernel; false forces the generic kernel (for comparisons and benchmarks).
    /// </summary>
    public bool UseVectorizedCpuPath
    {
        get => _solver.UseCpuPath;
        set => _solver.UseCpuPath = value;
    }

    /// <summary>Steps taken so far.</summary>
    public long StepCount { get; private set; }

    /// <summary>Model time since the start, <c>StepCount · Δt</c> (s).</summary>
    public double Time => StepCount * Model.TimeStep;

    /// <summary>Advances <paramref name="steps"/> steps on the device (no host round trip).</summary>
    public void Advance(int steps = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        _solver.Forward(steps, Parameters.VelocityScale, Parameters.Diffusivity);
        StepCount += steps;
    }

    /// <summary>Waits until the device has finished the steps launched so far (no-op on the CPU).</summary>
    public void Synchronize() => _device.Synchronize();

    /// <summary>Total tracer mass <c>Σ m A c</c> over wet cells (units of c × m²).</summary>
    public double Mass() => FieldReductions.AreaWeightedSum(_solver.State);

    /// <summary>Area-weighted mean <c>Σ m A c / Σ m A</c> over wet cells (units of c).</summary>
    public double Mean() => FieldReductions.AreaWeightedMean(_solver.State);

    /// <summary>The smallest value over wet cells.</summary>
    public double Minimum() => Extremum(Math.Min, double.PositiveInfinity);

    /// <summary>The largest value over wet cells.</summary>
    public double Maximum() => Extremum(Math.Max, double.NegativeInfinity);

    /// <summary>The tracer per cell, <c>[Nx, Ny]</c> (land cells keep their initial values).</summary>
    public double[,] Field()
    {
        _solver.State.CopyToHost();
        return _solver.State.InteriorToArray();
    }

    /// <summary>Frees the fields (and the device when the simulation created it).</summary>
    public void Dispose()
    {
        _solver.Dispose();
        if (_ownsDevice) _device.Dispose();
    }

    private double Extremum(Func<double, double, double> pick, double start)
    {
        var c = _solver.State;
        c.CopyToHost();
        var g = Model.Grid;
        double m = start;
        for (int j = 0; j < g.Ny; j++)
            for (int i = 0; i < g.Nx; i++)
                if (g.LandSea.IsSea(i, j)) m = pick(m, c[i, j].V);
        return m;
    }
}
