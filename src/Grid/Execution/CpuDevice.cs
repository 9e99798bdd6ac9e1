using ClimateAD.Grid.Fields;

namespace ClimateAD.Grid.Execution;

/// <summary>
/// The host CPU: fields live in pinned native memory and a kernel runs as
/// <c>Parallel.For(j) { for i: kernel.Execute(i, j) }</c> on <see cref="HostView{T}"/> views (raw
/// pointers, zero copy). Small launches run serially to avoid scheduling overhead. Every point is
/// computed by the same instructions whatever the thread count, so results are bitwise reproducible.
/// </summary>
public sealed class CpuDevice : ComputeDevice
{
    /// <summary>Launches with fewer points than this run on the calling thread.</summary>
    public const int SerialThreshold = 4096;

    private readonly ParallelOptions _options;

    /// <summary>Creates the CPU device.</summary>
    /// <param name="maxThreads">Most threads a launch uses; all cores when <c>null</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxThreads"/> is less than 1.</exception>
    public CpuDevice(int? maxThreads = null)
    {
        if (maxThreads is < 1) throw new ArgumentOutOfRangeException(nameof(maxThreads), maxThreads, "At least one thread.");
        MaxThreads = maxThreads ?? Environment.ProcessorCount;
        _options = new ParallelOptions { MaxDegreeOfParallelism = MaxThreads };
    }

    /// <summary>Most threads a launch uses.</summary>
    public int MaxThreads { get; }

    /// <inheritdoc/>
    public override DeviceKind Kind => DeviceKind.Cpu;

    /// <inheritdoc/>
    public override string Name => $"cpu ({MaxThreads} threads)";

    /// <inheritdoc/>
    public override void Launch<TKernel>(TKernel kernel, int nx, int ny)
    {
        if (nx <= 0 || ny <= 0) return;
        if (MaxThreads == 1 || (long)nx * ny < SerialThreshold)
        {
            for (int j = 0; j < ny; j++)
                Row(kernel, j, nx);
            return;
        }
        Parallel.For(0, ny, _options, j => Row(kernel, j, nx));
    }

    /// <summary>One row, on a local copy of the kernel so the JIT can keep its views in registers.</summary>
    private static void Row<TKernel>(TKernel kernel, int j, int nx) where TKernel : struct, IKernel2D
    {
        for (int i = 0; i < nx; i++)
            kernel.Execute(i, j);
    }

    /// <inheritdoc/>
    public override void Run<T>(IDeviceProgram<T> program)
    {
        ArgumentNullException.ThrowIfNull(program);
        program.Run<HostView<T>>(this);
    }
}
