namespace ClimateAD.Grid.Numerics;

/// <summary>
/// A point-wise map <c>y = f(x)</c> from <see cref="InputCount"/> to <see cref="OutputCount"/> scalars,
/// written once generic over <see cref="IScalar{T}"/>, so that <see cref="LocalJacobian"/> can evaluate
/// it on <see cref="Real"/>, <see cref="Dual{T}"/> (tangent) and <see cref="MultiDual{T}"/> (Jacobian,
/// hence the adjoint).
/// </summary>
public interface IPointwiseFunction
{
    /// <summary>Number of inputs (at most <see cref="MultiDual{T}.MaxSeeds"/> for automatic adjoints).</summary>
    int InputCount { get; }

    /// <summary>Number of outputs.</summary>
    int OutputCount { get; }

    /// <summary>Writes <c>outputs = f(inputs)</c>.</summary>
    void Evaluate<T>(ReadOnlySpan<T> inputs, Span<T> outputs) where T : unmanaged, IScalar<T>;
}
