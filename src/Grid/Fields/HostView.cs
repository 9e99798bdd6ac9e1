using System.Runtime.CompilerServices;

namespace ClimateAD.Grid.Fields;

/// <summary>
/// A field view on host memory through a raw pointer: the CPU backend's view, zero-copy into a
/// <see cref="FieldStorage{T}"/> that lives in host memory.
/// </summary>
/// <typeparam name="T">Element type.</typeparam>
public readonly unsafe struct HostView<T> : IFieldView<T, HostView<T>> where T : unmanaged
{
    private readonly T* _origin;
    private readonly int _strideJ;

    private HostView(T* origin, int strideJ)
    {
        _origin = origin;
        _strideJ = strideJ;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref T At(int i, int j) => ref _origin[i + (nint)j * _strideJ];

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The storage's compute memory is a device buffer.</exception>
    public static HostView<T> Create(FieldStorage<T> storage, int origin, int strideJ)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (storage.HasDeviceBuffer)
            throw new InvalidOperationException(
                $"This storage lives on '{storage.Device.Name}'; kernels there take DeviceView<T>, not HostView<T>. Launch through ComputeDevice.Run.");
        return new HostView<T>(storage.HostPointer + origin, strideJ);
    }
}
