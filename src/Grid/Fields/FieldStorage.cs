using System.Runtime.InteropServices;
using ClimateAD.Grid.Execution;
using ILGPU;
using ILGPU.Runtime;

namespace ClimateAD.Grid.Fields;

/// <summary>
/// The memory behind a field or a metric profile: a 64-byte aligned, zero-initialised block of
/// native (never moved) host memory, plus a device buffer when the owning device is an ILGPU
/// accelerator. On <see cref="CpuDevice"/> the host block is the compute memory, used zero-copy
/// through raw pointers; on an accelerator it is the host mirror, synchronised by
/// <see cref="CopyToDevice"/> and <see cref="CopyToHost"/>.
/// </summary>
/// <typeparam name="T">Element type.</typeparam>
public sealed unsafe class FieldStorage<T> : IDisposable where T : unmanaged
{
    private T* _host;
    private MemoryBuffer1D<T, Stride1D.Dense>? _buffer;

    /// <summary>Allocates <paramref name="length"/> zeroed elements for <paramref name="device"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not positive.</exception>
    public FieldStorage(ComputeDevice device, int length)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        Device = device;
        Length = length;
        nuint bytes = (nuint)length * (nuint)sizeof(T);
        _host = (T*)NativeMemory.AlignedAlloc(bytes, 64);
        NativeMemory.Clear(_host, bytes);
        GC.AddMemoryPressure((long)bytes);
        _buffer = device.AllocateBuffer<T>(length);
    }

    /// <summary>The device the storage belongs to.</summary>
    public ComputeDevice Device { get; }

    /// <summary>Number of elements.</summary>
    public int Length { get; }

    /// <summary>Whether the compute memory is a device buffer (then <see cref="Host"/> is a mirror).</summary>
    public bool HasDeviceBuffer => _buffer is not null;

    /// <summary>The host memory (compute memory on the CPU, mirror on an accelerator).</summary>
    public Span<T> Host
    {
        get
        {
            ObjectDisposedException.ThrowIf(_host == null, this);
            return new Span<T>(_host, Length);
        }
    }

    /// <summary>Pointer to the host memory (valid until <see cref="Dispose"/>).</summary>
    public T* HostPointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(_host == null, this);
            return _host;
        }
    }

    /// <summary>The device buffer as an ILGPU view.</summary>
    /// <exception cref="InvalidOperationException">The storage lives in host memory only.</exception>
    public ArrayView<T> DeviceArray
    {
        get
        {
            ObjectDisposedException.ThrowIf(_host == null, this);
            return _buffer?.View ?? throw new InvalidOperationException(
                $"This storage lives on '{Device.Name}', which has no device buffers; kernels there take HostView<T>, not DeviceView<T>.");
        }
    }

    /// <summary>Copies the host mirror to the device buffer (no-op when host memory is the compute memory).</summary>
    public void CopyToDevice()
    {
        if (_buffer is null) return;
        _buffer.View.CopyFromCPU(ref HostPointer[0], Length);
    }

    /// <summary>Waits for the device and copies the device buffer to the host mirror (no-op on the CPU).</summary>
    public void CopyToHost()
    {
        if (_buffer is null) return;
        Device.Synchronize();
        _buffer.View.CopyToCPU(ref HostPointer[0], Length);
    }

    /// <summary>Frees host and device memory.</summary>
    public void Dispose()
    {
        Free(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the host memory if <see cref="Dispose"/> was not called (ILGPU finalises its own buffers).</summary>
    ~FieldStorage() => Free(disposing: false);

    private void Free(bool disposing)
    {
        if (_host != null)
        {
            NativeMemory.AlignedFree(_host);
            GC.RemoveMemoryPressure((long)Length * sizeof(T));
            _host = null;
        }
        if (disposing) _buffer?.Dispose();
        _buffer = null;
    }
}
