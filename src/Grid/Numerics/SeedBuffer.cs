using System.Runtime.CompilerServices;

namespace ClimateAD.Grid.Numerics;

/// <summary>
/// Fixed storage for the <see cref="MultiDual{T}.MaxSeeds"/> partial derivatives of a
/// <see cref="MultiDual{T}"/> (an inline array: no allocation, copied by value).
/// </summary>
/// <typeparam name="T">The scalar type of each partial.</typeparam>
[InlineArray(MultiDual<Real>.MaxSeeds)]
public struct SeedBuffer<T> where T : unmanaged
{
    private T _element0;
}
