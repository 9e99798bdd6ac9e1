namespace ClimateAD.Grid.Fields;

/// <summary>
/// A view of a field that a kernel body reads and writes by 2-D index: element <c>(i, j)</c> sits at
/// linear index <c>origin + i + j·strideJ</c>, so interior indices start at 0 and halo indices are
/// negative or ≥ <c>N</c>. A metric profile that depends only on the row is a view with
/// <c>strideJ = 1</c>, read at <c>i = 0</c> (through the methods of <see cref="GridView{T, TView}"/>).
/// </summary>
/// <remarks>
/// The "kernel body once, generic over a small view struct" pattern measured in
/// the project's measured ILGPU notes: <see cref="HostView{T}"/> wraps a raw pointer for the CPU
/// backend, <see cref="DeviceView{T}"/> an ILGPU <c>ArrayView</c> for accelerators; kernels are
/// generic over <typeparamref name="TSelf"/>.
/// </remarks>
/// <typeparam name="T">Element type.</typeparam>
/// <typeparam name="TSelf">The implementing view (curiously recurring).</typeparam>
public interface IFieldView<T, TSelf> where T : unmanaged where TSelf : struct, IFieldView<T, TSelf>
{
    /// <summary>Reference to element <c>(i, j)</c>; no bounds check.</summary>
    ref T At(int i, int j);

    /// <summary>Creates a view of <paramref name="storage"/> (host-side only, never in a kernel).</summary>
    /// <param name="storage">The memory.</param>
    /// <param name="origin">Linear index of element <c>(0, 0)</c>.</param>
    /// <param name="strideJ">Linear distance between <c>(i, j)</c> and <c>(i, j + 1)</c>.</param>
    static abstract TSelf Create(FieldStorage<T> storage, int origin, int strideJ);
}
