using System.Runtime.CompilerServices;

namespace ClimateAD.Grid.Numerics;

/// <summary>
/// A <c>double</c> as an <see cref="IScalar{T}"/>: one field, the same layout as <c>double</c>, so a
/// <c>double[]</c> or <c>double*</c> can be reinterpreted as <see cref="Real"/> storage without a copy.
/// Every operation is the plain IEEE-754 double operation, so results are bit-identical to code
/// written on <c>double</c>.
/// </summary>
/// <param name="V">The value.</param>
public readonly record struct Real(double V) : IScalar<Real>
{
    /// <inheritdoc/>
    public static Real Zero => new(0.0);

    /// <inheritdoc/>
    public static Real One => new(1.0);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Real FromDouble(double value) => new(value);

    /// <inheritdoc/>
    public static double Value(Real x) => x.V;

    /// <summary>Implicit conversion from <c>double</c>.</summary>
    public static implicit operator Real(double v) => new(v);

    /// <summary>Implicit conversion to <c>double</c>.</summary>
    public static implicit operator double(Real r) => r.V;

    /// <inheritdoc/>
    public static Real operator +(Real a, Real b) => new(a.V + b.V);

    /// <inheritdoc/>
    public static Real operator -(Real a, Real b) => new(a.V - b.V);

    /// <inheritdoc/>
    public static Real operator *(Real a, Real b) => new(a.V * b.V);

    /// <inheritdoc/>
    public static Real operator /(Real a, Real b) => new(a.V / b.V);

    /// <inheritdoc/>
    public static Real operator -(Real a) => new(-a.V);

    /// <inheritdoc/>
    public static bool operator <(Real a, Real b) => a.V < b.V;

    /// <inheritdoc/>
    public static bool operator >(Real a, Real b) => a.V > b.V;

    /// <inheritdoc/>
    public static bool operator <=(Real a, Real b) => a.V <= b.V;

    /// <inheritdoc/>
    public static bool operator >=(Real a, Real b) => a.V >= b.V;

    /// <inheritdoc/>
    public static Real Sqrt(Real x) => new(Math.Sqrt(x.V));

    /// <inheritdoc/>
    public static Real Exp(Real x) => new(Math.Exp(x.V));

    /// <inheritdoc/>
    public static Real Log(Real x) => new(Math.Log(x.V));

    /// <inheritdoc/>
    public static Real Tanh(Real x) => new(Math.Tanh(x.V));

    /// <inheritdoc/>
    public static Real Sin(Real x) => new(Math.Sin(x.V));

    /// <inheritdoc/>
    public static Real Cos(Real x) => new(Math.Cos(x.V));

    /// <inheritdoc/>
    public static Real Abs(Real x) => new(Math.Abs(x.V));

    /// <inheritdoc/>
    public static Real Min(Real a, Real b) => b.V < a.V ? b : a;

    /// <inheritdoc/>
    public static Real Max(Real a, Real b) => b.V > a.V ? b : a;

    /// <inheritdoc/>
    public override string ToString() => V.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
