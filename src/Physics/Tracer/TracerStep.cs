using System.Runtime.InteropServices;
using ClimateAD.Adjoint;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Physics.Tracer;

/// <summary>
/// One SSP-RK3 step of the tracer model (<see cref="TracerModel"/>) as an
/// <see cref="IDifferentiableStep"/>: state <c>x</c> = the tracer in every cell (j-major,
/// <c>x[j·Nx + i]</c>), parameters θ = (κ, s) (<see cref="TracerParameterTable"/>).
/// <code>
///   x' = M(x, θ) = RK3 of  dc/dt = s A c + κ ∇²c
/// </code>
/// For the centred scheme <c>M</c> is linear in <c>x</c> and a cubic polynomial in (κ, s).
/// </summary>
/// <remarks>
/// <para>Tangent: the same device program run on <see cref="Dual{T}"/> fields with
/// <c>(x + ε δx, κ + ε δκ, s + ε δs)</c> (DESIGN.md §3: tangents for free from kernels written once).</para>
/// <para>Adjoint: the stages reversed with the transposed operators (<see cref="TracerRk3.AdjointStageKernel{T, TView}"/>),
/// gather form, after recomputing the stage states from <c>x[n]</c>. Only the smooth
/// <see cref="AdvectionScheme.Centered"/> scheme has an adjoint; the limited schemes are forward and
/// tangent only (their adjoint would be that of the active branch of the limiter).</para>
/// <para>Fields live on the device given to the constructor (a single-threaded <see cref="CpuDevice"/> by
/// default) and are reused by every call, so one instance must not be used by two threads at once.
/// Deterministic: gather-form kernels, parameter sums in a fixed order.</para>
/// </remarks>
public sealed class TracerStep : IDifferentiableStep, IDisposable
{
    private readonly ComputeDevice _device;
    private readonly bool _ownsDevice;
    private readonly TracerSolver<Real> _solver;
    private TracerSolver<Dual<Real>>? _tangent;

    /// <summary>The step of <paramref name="model"/> on <paramref name="device"/> (a new single-threaded CPU device when <c>null</c>, owned by the step).</summary>
    public TracerStep(TracerModel model, ComputeDevice? device = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        _ownsDevice = device is null;
        _device = device ?? new CpuDevice(1);
        _solver = new TracerSolver<Real>(model, _device);
    }

    /// <summary>The model.</summary>
    public TracerModel Model { get; }

    /// <summary>
    /// Whether forward and adjoint stages in double precision on a <see cref="CpuDevice"/> use the
    /// hand-vectorised path on fully open rows (default true); its results are bit-for-bit those of the
    /// generic kernels. The tangent always runs the generic kernels on <see cref="Dual{T}"/>.
    /// </summary>
    public bool UseVectorizedCpuPath
    {
        get => _solver.UseCpuPath;
        set => _solver.UseCpuPath = value;
    }

    /// <inheritdoc/>
    public int StateLength => Model.StateLength;

    /// <inheritdoc/>
    public int ParameterLength => TracerParameterTable.All.Count;

    /// <inheritdoc/>
    public void Forward(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, Span<double> xNext)
    {
        var p = Check(x, theta, xNext.Length);
        LoadReal(_solver.State, x);
        _solver.State.CopyToDevice();
        _solver.Forward(1, p.VelocityScale, p.Diffusivity);
        var c = _solver.State;
        c.CopyToHost();
        int nx = Model.Grid.Nx;
        for (int j = 0; j < Model.Grid.Ny; j++)
            MemoryMarshal.Cast<Real, double>(TracerSolver<Real>.Row(c, j)).CopyTo(xNext.Slice(j * nx, nx));
    }

    /// <inheritdoc/>
    public void Tangent(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, ReadOnlySpan<double> dx, ReadOnlySpan<double> dTheta, Span<double> dxNext)
    {
        var p = Check(x, theta, dxNext.Length);
        if (dx.Length != StateLength || dTheta.Length != ParameterLength)
            throw new ArgumentException("Tangent vectors must have the state and parameter lengths.");
        _tangent ??= new TracerSolver<Dual<Real>>(Model, _device);
        int nx = Model.Grid.Nx;
        var state = _tangent.State;
        for (int j = 0; j < Model.Grid.Ny; j++)
        {
            var row = TracerSolver<Dual<Real>>.Row(state, j);
            for (int i = 0; i < nx; i++) row[i] = new Dual<Real>(x[j * nx + i], dx[j * nx + i]);
        }
        state.CopyToDevice();
        var scale = new Dual<Real>(p.VelocityScale, dTheta[TracerParameterTable.VelocityScaleIndex]);
        var diffusivity = new Dual<Real>(p.Diffusivity, dTheta[TracerParameterTable.DiffusivityIndex]);
        _tangent.Forward(1, scale, diffusivity);
        state = _tangent.State;
        state.CopyToHost();
        for (int j = 0; j < Model.Grid.Ny; j++)
        {
            var row = TracerSolver<Dual<Real>>.Row(state, j);
            for (int i = 0; i < nx; i++) dxNext[j * nx + i] = row[i].D.V;
        }
    }

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">The model uses a limited (non-smooth) advection scheme.</exception>
    public void Adjoint(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, ReadOnlySpan<double> lambdaNext, Span<double> lambda, Span<double> thetaBar)
    {
        var p = Check(x, theta, lambda.Length);
        if (lambdaNext.Length != StateLength || thetaBar.Length != ParameterLength)
            throw new ArgumentException("Adjoint vectors must have the state and parameter lengths.");
        if (Model.Scheme != AdvectionScheme.Centered)
            throw new NotSupportedException($"The adjoint is implemented for the smooth centred scheme only, not {Model.Scheme}.");
        int nx = Model.Grid.Nx;
        LoadReal(_solver.State, x);
        LoadReal(_solver.AdjointInput, lambdaNext);
        var (scaleBar, diffusivityBar) = _solver.Adjoint(p.VelocityScale, p.Diffusivity);
        var result = _solver.AdjointResult;
        for (int j = 0; j < Model.Grid.Ny; j++)
        {
            var row = TracerSolver<Real>.Row(result, j);
            var target = lambda.Slice(j * nx, nx);
            for (int i = 0; i < nx; i++) target[i] += row[i].V;
        }
        thetaBar[TracerParameterTable.VelocityScaleIndex] += scaleBar;
        thetaBar[TracerParameterTable.DiffusivityIndex] += diffusivityBar;
    }

    /// <summary>Frees the fields (and the device when the step created it).</summary>
    public void Dispose()
    {
        _solver.Dispose();
        _tangent?.Dispose();
        if (_ownsDevice) _device.Dispose();
    }

    private TracerParameters Check(ReadOnlySpan<double> x, ReadOnlySpan<double> theta, int outputLength)
    {
        if (x.Length != StateLength || outputLength != StateLength)
            throw new ArgumentException($"The tracer state has {StateLength} values (one per cell); got {x.Length} and {outputLength}.");
        return TracerParameters.FromTheta(theta);
    }

    private void LoadReal(Field<Real> field, ReadOnlySpan<double> values)
    {
        int nx = Model.Grid.Nx;
        for (int j = 0; j < Model.Grid.Ny; j++)
            MemoryMarshal.Cast<double, Real>(values.Slice(j * nx, nx)).CopyTo(TracerSolver<Real>.Row(field, j));
    }
}
