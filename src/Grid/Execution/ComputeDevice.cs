using ClimateAD.Grid.Fields;
using ILGPU;
using ILGPU.Runtime;

namespace ClimateAD.Grid.Execution;

/// <summary>
/// Where fields live and kernels run: the host CPU (<see cref="CpuDevice"/>) or an ILGPU
/// accelerator (<see cref="IlgpuDevice"/>: CUDA, or ILGPU's CPU accelerator for tests). Kernels are
/// <see cref="IKernel2D"/> structs written once; <see cref="Run{T}"/> picks the view type
/// that matches the device.
/// </summary>
/// <remarks>
/// Execution model of DESIGN.md §2: the CPU backend calls the same kernel body from a
/// <c>Parallel.For</c> over rows through raw pointers (ILGPU's CPU accelerator is ~300× slower);
/// the GPU backend enqueues every launch on the accelerator's default stream and only
/// synchronises when data are copied back (<see cref="Synchronize"/>).
/// </remarks>
public abstract class ComputeDevice : IDisposable
{
    /// <summary>What this device runs on.</summary>
    public abstract DeviceKind Kind { get; }

    /// <summary>A human-readable description, e.g. <c>cpu (2 threads)</c> or the GPU's name.</summary>
    public abstract string Name { get; }

    /// <summary>Whether kernels on this device take <see cref="DeviceView{T}"/> (ILGPU) rather than <see cref="HostView{T}"/>.</summary>
    public bool UsesDeviceViews => Kind != DeviceKind.Cpu;

    /// <summary>Runs <paramref name="kernel"/> at every point of <c>[0, nx) × [0, ny)</c>.</summary>
    /// <typeparam name="TKernel">The kernel, closed over its scalar and the view type of this device.</typeparam>
    public abstract void Launch<TKernel>(TKernel kernel, int nx, int ny) where TKernel : struct, IKernel2D;

    /// <summary>Runs <paramref name="program"/> with the view type of this device (<see cref="HostView{T}"/> or <see cref="DeviceView{T}"/>).</summary>
    public abstract void Run<T>(IDeviceProgram<T> program) where T : unmanaged;

    /// <summary>Waits until every launched kernel has finished (no-op on the CPU).</summary>
    public virtual void Synchronize()
    {
    }

    /// <summary>Allocates device memory for <paramref name="length"/> elements, or <c>null</c> when fields live in host memory.</summary>
    internal virtual MemoryBuffer1D<T, Stride1D.Dense>? AllocateBuffer<T>(long length) where T : unmanaged => null;

    /// <summary>Parses <c>cpu | cuda | auto</c> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Anything else; the message lists the valid choices.</exception>
    public static DeviceSelection ParseSelection(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "cpu" => DeviceSelection.Cpu,
            "cuda" or "gpu" => DeviceSelection.Cuda,
            "auto" => DeviceSelection.Auto,
            _ => throw new ArgumentException($"Unknown device '{text}'. Valid choices: cpu | cuda | auto.", nameof(text)),
        };
    }

    /// <summary>
    /// Creates the device a user asked for: <see cref="DeviceSelection.Cpu"/> the host,
    /// <see cref="DeviceSelection.Cuda"/> the first CUDA GPU (or <see cref="DeviceUnavailableException"/>),
    /// <see cref="DeviceSelection.Auto"/> CUDA when present, else the host.
    /// </summary>
    public static ComputeDevice Create(DeviceSelection selection) => selection switch
    {
        DeviceSelection.Cpu => new CpuDevice(),
        DeviceSelection.Cuda => IlgpuDevice.CreateCuda(),
        DeviceSelection.Auto => IlgpuDevice.IsCudaAvailable() ? IlgpuDevice.CreateCuda() : new CpuDevice(),
        _ => throw new ArgumentOutOfRangeException(nameof(selection), selection, "Valid choices: cpu | cuda | auto."),
    };

    /// <summary>Creates the device named by <c>cpu | cuda | auto</c>.</summary>
    public static ComputeDevice Create(string selection) => Create(ParseSelection(selection));

    /// <summary>Releases the device.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the device's resources.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
