using System.Collections.Concurrent;
using ClimateAD.Grid.Fields;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace ClimateAD.Grid.Execution;

/// <summary>
/// An ILGPU accelerator: a CUDA GPU (<see cref="CreateCuda"/>) or ILGPU's CPU accelerator
/// (<see cref="CreateCpuAccelerator"/>, GPU semantics on the host for small-grid tests). Fields live
/// in device buffers; kernels take <see cref="DeviceView{T}"/> views and are launched through
/// <see cref="IlgpuEntryPoints.Launch{TKernel}"/>, compiled once per kernel type and cached.
/// Launches are asynchronous on the default stream; copies back to the host synchronise.
/// </summary>
/// <remarks>
/// Each device owns its ILGPU <see cref="Context"/> (created with <c>EnableAlgorithms()</c> so that
/// <c>Math.Sin</c> and friends compile), so a compiler error in one device cannot poison another.
/// </remarks>
public sealed class IlgpuDevice : ComputeDevice
{
    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly ConcurrentDictionary<Type, Delegate> _kernels = new();

    private IlgpuDevice(Context context, Accelerator accelerator, DeviceKind kind)
    {
        _context = context;
        _accelerator = accelerator;
        Kind = kind;
    }

    /// <inheritdoc/>
    public override DeviceKind Kind { get; }

    /// <inheritdoc/>
    public override string Name => $"{(Kind == DeviceKind.Cuda ? "cuda" : "ilgpu-cpu")}: {_accelerator.Name}";

    /// <summary>The ILGPU accelerator.</summary>
    public Accelerator Accelerator => _accelerator;

    /// <summary>Whether ILGPU finds a CUDA device (false when there is no NVIDIA driver).</summary>
    public static bool IsCudaAvailable()
    {
        try
        {
            using var context = Context.Create(b => b.Cuda());
            return context.GetCudaDevices().Count > 0;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or CudaException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The first CUDA GPU.</summary>
    /// <exception cref="DeviceUnavailableException">No CUDA device is present.</exception>
    public static IlgpuDevice CreateCuda()
    {
        Context? context = null;
        try
        {
            context = Context.Create(b => b.Cuda().EnableAlgorithms().Optimize(OptimizationLevel.O1));
            if (context.GetCudaDevices().Count == 0)
                throw new DeviceUnavailableException(
                    "Device 'cuda' was requested but ILGPU found no CUDA device (no NVIDIA GPU, or no driver/libcuda). " +
                    "Use device 'cpu', or 'auto' to fall back to the CPU when no GPU is present.");
            var accelerator = context.CreateCudaAccelerator(0);
            return new IlgpuDevice(context, accelerator, DeviceKind.Cuda);
        }
        catch (DeviceUnavailableException)
        {
            context?.Dispose();
            throw;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or CudaException)
        {
            context?.Dispose();
            throw new DeviceUnavailableException($"Device 'cuda' was requested but CUDA could not be initialised: {e.Message} Use device 'cpu' or 'auto'.", e);
        }
    }

    /// <summary>ILGPU's CPU accelerator: GPU semantics on the host, for small-grid tests only (~300× slower than <see cref="CpuDevice"/>).</summary>
    public static IlgpuDevice CreateCpuAccelerator()
    {
        var context = Context.Create(b => b.CPU().EnableAlgorithms().Optimize(OptimizationLevel.O1));
        return new IlgpuDevice(context, context.CreateCPUAccelerator(0), DeviceKind.IlgpuCpu);
    }

    /// <inheritdoc/>
    public override void Launch<TKernel>(TKernel kernel, int nx, int ny)
    {
        if (nx <= 0 || ny <= 0) return;
        var launch = (Action<Index2D, TKernel>)_kernels.GetOrAdd(typeof(TKernel),
            _ => _accelerator.LoadAutoGroupedStreamKernel<Index2D, TKernel>(IlgpuEntryPoints.Launch));
        launch(new Index2D(nx, ny), kernel);
    }

    /// <inheritdoc/>
    public override void Run<T>(IDeviceProgram<T> program)
    {
        ArgumentNullException.ThrowIfNull(program);
        program.Run<DeviceView<T>>(this);
    }

    /// <inheritdoc/>
    public override void Synchronize() => _accelerator.Synchronize();

    /// <inheritdoc/>
    internal override MemoryBuffer1D<T, Stride1D.Dense>? AllocateBuffer<T>(long length)
    {
        var buffer = _accelerator.Allocate1D<T>(length);
        buffer.MemSetToZero();
        return buffer;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _accelerator.Dispose();
            _context.Dispose();
        }
    }
}
