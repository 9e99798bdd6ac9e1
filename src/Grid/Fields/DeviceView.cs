using System.Runtime.CompilerServices;
using ILGPU;

namespace ClimateAD.Grid.Fields;

/// <summary>
/// A field view on an ILGPU device buffer (CUDA or ILGPU's CPU accelerator): the
/// <see cref="ArrayView{T}"/> of the whole storage plus the origin and row stride of the 2-D indexing.
/// Passed by value inside kernel structs.
/// </summary>
/// <typeparam name="T">Element type.</typeparam>
public readonly struct DeviceView<T> : IFieldView<T, DeviceView<T>> where T : unmanaged
{
    private readonly ArrayView<T> _data;
    private readonly int _origin, _strideJ;

    private DeviceView(ArrayView<T> data, int origin, int strideJ)
    {
        _data = data;
        _origin = origin;
        _strideJ = strideJ;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref T At(int i, int j) => ref _data[_origin + i + j * _strideJ];

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The storage lives in host memory only.</exception>
    public static DeviceView<T> Create(FieldStorage<T> storage, int origin, int strideJ)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return new DeviceView<T>(storage.DeviceArray, origin, strideJ);
    }
}
