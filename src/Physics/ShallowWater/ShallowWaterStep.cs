using ClimateAD.Adjoint;
using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// One shallow-water time step as an <see cref="IDifferentiableStep"/>: state
/// <c>x = [h, u, v]</c> (plus the Adams–Bashforth history, <see cref="ShallowWaterLayout"/>), parameters
/// <c>θ</c> the coefficients of the active terms (<see cref="ShallowWaterConfiguration.Parameters"/>).
/// </summary>
/// <remarks>
/// <para>Forward and adjoint run <see cref="ShallowWaterEngine{T}"/> on <see cref="Real"/>; the tangent
/// runs the same engine on <see cref="Dual{T}"/> (the exact JVP of the forward code, DESIGN.md §3).
/// The adjoint recomputes the stage states from <c>x[n]</c> and transposes every term by hand in
/// gather form; parameter gradients are summed per point in a fixed order, so gradients are
/// bitwise reproducible. Values are copied between the spans and the device fields at each call.</para>
/// <para>Not thread-safe: one step object per thread.</para>
/// </remarks>
public sealed class ShallowWaterStep : IDifferentiableStep, IDisposable
{
    private readonly ShallowWaterEngine<Real> _real;
    private readonly ShallowWaterEngine<Dual<Real>> _dual;
    private readonly ComputeDevice _device;
    private readonly bool _ownsDevice;

    /// <summary>Creates the step of <paramref name="configuration"/> on <paramref name="device"/> (a private <see cref="CpuDevice"/> when <c>null</c>).</summary>
    public ShallowWaterStep(ShallowWaterConfiguration configuration, ComputeDevice? device = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Configuration = configuration;
        _ownsDevice = device is null;
        _device = device ?? new CpuDevice();
        _real = new ShallowWaterEngine<Real>(configuration, _device, withAdjoint: true);
        _dual = new ShallowWaterEngine<Dual<Real>>(configuration, _device);
        Layout = configuration.Layout;
    }

    /// <summary>The model.</summary>
    public ShallowWaterConfiguration Configuration { get; }

    /// <summary>The state layout.</summary>
    public ShallowWaterLayout Layout { get; }

    /// <inheritdoc/>
    public int StateLength => Layout.Length;

    /// <inheritdoc/>
    public int ParameterLength => _real.ParameterCount;

    /// <inheritdoc/>
    public void Forward(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, Span<double> xNext)
    {
        Load(_real, x, theta);
        _real.Advance(n);
        Store(_real.State, _real.Previous1, _real.Previous2, xNext);
    }

    /// <inheritdoc/>
    public void Tangent(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, ReadOnlySpan<double> dx, ReadOnlySpan<double> dTheta, Span<double> dxNext)
    {
        for (int k = 0; k < _dual.ParameterCount; k++) _dual.Parameters[k] = new Dual<Real>(theta[k], dTheta[k]);
        LoadDual(_dual.State, x, dx, 0);
        if (_dual.Previous1 is not null)
        {
            LoadDual(_dual.Previous1, x, dx, 3);
            LoadDual(_dual.Previous2!, x, dx, 6);
        }
        _dual.Advance(n);
        StoreTangent(_dual.State, dxNext, 0);
        if (_dual.Previous1 is not null)
        {
            StoreTangent(_dual.Previous1, dxNext, 3);
            StoreTangent(_dual.Previous2!, dxNext, 6);
        }
    }

    /// <summary>
    /// Makes every later <see cref="Adjoint"/> call add the point-wise density of <c>∂J/∂θ_k</c> for
    /// parameter <paramref name="parameterIndex"/> into <paramref name="map"/> (Nx·Ny cell values,
    /// row-major, <c>i</c> fastest; <c>null</c> stops it). After a reverse sweep the map sums to
    /// <c>∂J/∂θ_k</c> and <c>θ_k · map(i, j)</c> is the gradient with respect to the logarithm of a local
    /// multiplier of the term at cell (i, j), e.g. <c>∂J/∂ ln τ(i, j)</c> for the wind stress.
    /// </summary>
    public void AccumulateParameterDensity(int parameterIndex, double[]? map) => _real.AccumulateDensity(parameterIndex, map);

    /// <inheritdoc/>
    public void Adjoint(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, ReadOnlySpan<double> lambdaNext, Span<double> lambda, Span<double> thetaBar)
    {
        Load(_real, x, theta);
        LoadReal(_real.LambdaNext!, lambdaNext, 0);
        Clear(_real.Lambda!);
        if (_real.Previous1 is not null)
        {
            LoadReal(_real.LambdaNext1!, lambdaNext, 3);
            LoadReal(_real.LambdaNext2!, lambdaNext, 6);
            Clear(_real.Lambda1!);
            Clear(_real.Lambda2!);
        }
        _real.AdjointStep(n, thetaBar);
        Accumulate(_real.Lambda!, lambda, 0);
        if (_real.Previous1 is not null)
        {
            Accumulate(_real.Lambda1!, lambda, 3);
            Accumulate(_real.Lambda2!, lambda, 6);
        }
    }

    /// <summary>Frees the device memory (and the private device).</summary>
    public void Dispose()
    {
        _real.Dispose();
        _dual.Dispose();
        if (_ownsDevice) _device.Dispose();
    }

    private void Load(ShallowWaterEngine<Real> e, ReadOnlySpan<double> x, ReadOnlySpan<double> theta)
    {
        if (x.Length != StateLength) throw new ArgumentException($"The state has {x.Length} values; this model needs {StateLength}.", nameof(x));
        if (theta.Length != ParameterLength) throw new ArgumentException($"θ has {theta.Length} values; this model has {ParameterLength} parameters.", nameof(theta));
        for (int k = 0; k < e.ParameterCount; k++) e.Parameters[k] = new Real(theta[k]);
        LoadReal(e.State, x, 0);
        if (e.Previous1 is not null)
        {
            LoadReal(e.Previous1, x, 3);
            LoadReal(e.Previous2!, x, 6);
        }
    }

    private void LoadReal(ShallowWaterFields<Real> f, ReadOnlySpan<double> x, int firstBlock)
    {
        for (int c = 0; c < 3; c++)
        {
            var field = f[c];
            var host = field.Storage.Host;
            int offset = (firstBlock + c) * Layout.BlockLength;
            for (int j = 0; j < Layout.Ny; j++)
                for (int i = 0; i < Layout.Nx; i++)
                    host[field.Origin + j * field.Stride + i] = new Real(x[offset + j * Layout.Nx + i]);
            field.CopyToDevice();
        }
    }

    private void LoadDual(ShallowWaterFields<Dual<Real>> f, ReadOnlySpan<double> x, ReadOnlySpan<double> dx, int firstBlock)
    {
        for (int c = 0; c < 3; c++)
        {
            var field = f[c];
            var host = field.Storage.Host;
            int offset = (firstBlock + c) * Layout.BlockLength;
            for (int j = 0; j < Layout.Ny; j++)
                for (int i = 0; i < Layout.Nx; i++)
                {
                    int k = offset + j * Layout.Nx + i;
                    host[field.Origin + j * field.Stride + i] = new Dual<Real>(x[k], dx[k]);
                }
            field.CopyToDevice();
        }
    }

    private void Store(ShallowWaterFields<Real> state, ShallowWaterFields<Real>? p1, ShallowWaterFields<Real>? p2, Span<double> xNext)
    {
        StoreReal(state, xNext, 0, accumulate: false);
        if (p1 is not null)
        {
            StoreReal(p1, xNext, 3, accumulate: false);
            StoreReal(p2!, xNext, 6, accumulate: false);
        }
    }

    private void Accumulate(ShallowWaterFields<Real> f, Span<double> target, int firstBlock) => StoreReal(f, target, firstBlock, accumulate: true);

    private void StoreReal(ShallowWaterFields<Real> f, Span<double> target, int firstBlock, bool accumulate)
    {
        for (int c = 0; c < 3; c++)
        {
            var field = f[c];
            field.CopyToHost();
            var host = field.Storage.Host;
            int offset = (firstBlock + c) * Layout.BlockLength;
            for (int j = 0; j < Layout.Ny; j++)
                for (int i = 0; i < Layout.Nx; i++)
                {
                    double v = host[field.Origin + j * field.Stride + i].V;
                    ref double t = ref target[offset + j * Layout.Nx + i];
                    t = accumulate ? t + v : v;
                }
        }
    }

    private void StoreTangent(ShallowWaterFields<Dual<Real>> f, Span<double> target, int firstBlock)
    {
        for (int c = 0; c < 3; c++)
        {
            var field = f[c];
            field.CopyToHost();
            var host = field.Storage.Host;
            int offset = (firstBlock + c) * Layout.BlockLength;
            for (int j = 0; j < Layout.Ny; j++)
                for (int i = 0; i < Layout.Nx; i++)
                    target[offset + j * Layout.Nx + i] = host[field.Origin + j * field.Stride + i].D.V;
        }
    }

    private static void Clear(ShallowWaterFields<Real> f)
    {
        for (int c = 0; c < 3; c++) f[c].Clear();
    }
}
