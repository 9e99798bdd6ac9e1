using System.Runtime.CompilerServices;

namespace ClimateAD.Grid.Numerics;

/// <summary>
/// A <c>float</c> as an <see cref="IScalar{T}"/>: one field, the same layout as <c>float</c>, so a
/// <c>float[]</c> or <c>float*</c> can be reinterpreted as <see cref="Real32"/> storage without a copy.
/// Every operation is the plain IEEE-754 single-precision operation (single precision passes the
/// same tests as <see cref="Real"/> at looser tolerance).
/// </summary>
/// <param name="V">The value.</param>
public readonly record struct Real32(float V) : IScalar<Real32>
{
    /// <inheritdoc/>
    public static Real32 Zero => new(0f);

    /// <inheritdoc/>
    public static Real32 One => new(1f);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Real32 FromDouble(double value) => new((float)value);

    /// <inheritdoc/>
    public static double Value(Real32 x) => x.V;

    /// <summary>Implicit conversion from <c>float</c>.</summary>
    public static implicit operator Real32(float v) => new(v);

    /// <summary>Implicit conversion to <c>float</c>.</summary>
    public static implicit operator float(Real32 r) => r.V;

    /// <inheritdoc/>
    public static Real32 operator +(Real32 a, Real32 b) => new(a.V + b.V);

    /// <inheritdoc/>
    public static Real32 operator -(Real32 a, Real32 b) => new(a.V - b.V);

    /// <inheritdoc/>
    public static Real32 operator *(Real32 a, Real32 b) => new(a.V * b.V);

    /// <inheritdoc/>
    public static Real32 operator /(Real32 a, Real32 b) => new(a.V / b.V);

    /// <inheritdoc/>
    public static Real32 operator -(Real32 a) => new(-a.V);

    /// <inheritdoc/>
    public static bool operator <(Real32 a, Real32 b) => a.V < b.V;

    /// <inheritdoc/>
    public static bool operator >(Real32 a, Real32 b) => a.V > b.V;

    /// <inheritdoc/>
    public static bool operator <=(Real32 a, Real32 b) => a.V <= b.V;

    /// <inheritdoc/>
    public static bool operator >=(Real32 a, Real32 b) => a.V >= b.V;

    /// <inheritdoc/>
    public static Real32 Sqrt(Real32 x) => new(MathF.Sqrt(x.V));

    /// <inheritdoc/>
    public static Real32 Exp(Real32 x) => new(MathF.Exp(x.V));

    /// <inheritdoc/>
    public static Real32 Log(Real32 x) => new(MathF.Log(x.V));

    /// <inheritdoc/>
    public static Real32 Tanh(Real32 x) => new(MathF.Tanh(x.V));

    /// <inheritdoc/>
    public static Real32 Sin(Real32 x) => new(MathF.Sin(x.V));

    /// <inheritdoc/>
    public static Real32 Cos(Real32 x) => new(MathF.Cos(x.V));

    /// <inheritdoc/>
    public static Real32 Abs(Real32 x) => new(MathF.Abs(x.V));

    /// <inheritdoc/>
    public static Real32 Min(Real32 a, Real32 b) => b.V < a.V ? b : a;

    /// <inheritdoc/>
    public static Real32 Max(Real32 a, Real32 b) => b.V > a.V ? b : a;

    /// <inheritdoc/>
    public override string ToString() => V.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
