namespace ClimateAD.Grid.Numerics;

/// <summary>
/// The operations a kernel body may use on its scalar type <typeparamref name="T"/>: arithmetic,
/// comparisons, the elementary functions physics needs and constants. <see cref="Real"/> (double),
/// <see cref="Real32"/> (float), <see cref="Dual{T}"/> and <see cref="MultiDual{T}"/> implement it, so a
/// point-wise body written once, generic over <typeparamref name="T"/>, runs in double or single
/// precision and yields its tangent (one seed) or local Jacobian (several seeds) for free.
/// </summary>
/// <remarks>
/// Deliberately small instead of .NET's generic-math stack: every member is a <c>static abstract</c>
/// that ILGPU compiles to PTX (see the PTX test in tests/Grid). Constants come from
/// <see cref="FromDouble"/>, never <c>T.CreateChecked</c>, which ILGPU rejects. Comparisons compare
/// primal values, so a dual number takes the branch its value takes (piecewise differentiation).
/// <c>double</c> cannot implement a user interface, so kernels use the layout-identical wrapper
/// <see cref="Real"/> (one <c>double</c> field) and reinterpret <c>double</c> storage.
/// </remarks>
/// <typeparam name="T">The implementing scalar (curiously recurring).</typeparam>
public interface IScalar<T> where T : unmanaged, IScalar<T>
{
    /// <summary>Additive identity.</summary>
    static abstract T Zero { get; }

    /// <summary>Multiplicative identity.</summary>
    static abstract T One { get; }

    /// <summary>A constant (zero derivative for dual numbers).</summary>
    static abstract T FromDouble(double value);

    /// <summary>The primal value as a double (the derivative part is dropped).</summary>
    static abstract double Value(T x);

    /// <summary>Sum.</summary>
    static abstract T operator +(T a, T b);

    /// <summary>Difference.</summary>
    static abstract T operator -(T a, T b);

    /// <summary>Product.</summary>
    static abstract T operator *(T a, T b);

    /// <summary>Quotient.</summary>
    static abstract T operator /(T a, T b);

    /// <summary>Negation.</summary>
    static abstract T operator -(T a);

    /// <summary>Less than, on primal values.</summary>
    static abstract bool operator <(T a, T b);

    /// <summary>Greater than, on primal values.</summary>
    static abstract bool operator >(T a, T b);

    /// <summary>Less than or equal, on primal values.</summary>
    static abstract bool operator <=(T a, T b);

    /// <summary>Greater than or equal, on primal values.</summary>
    static abstract bool operator >=(T a, T b);

    /// <summary>√x.</summary>
    static abstract T Sqrt(T x);

    /// <summary>eˣ.</summary>
    static abstract T Exp(T x);

    /// <summary>ln x.</summary>
    static abstract T Log(T x);

    /// <summary>tanh x.</summary>
    static abstract T Tanh(T x);

    /// <summary>sin x (radians).</summary>
    static abstract T Sin(T x);

    /// <summary>cos x (radians).</summary>
    static abstract T Cos(T x);

    /// <summary>|x|; a dual number at x = 0 takes the derivative of +x.</summary>
    static abstract T Abs(T x);

    /// <summary>The smaller of two values (the first when equal).</summary>
    static abstract T Min(T a, T b);

    /// <summary>The larger of two values (the first when equal).</summary>
    static abstract T Max(T a, T b);
}
