using System.Runtime.CompilerServices;

namespace ClimateAD.Grid.Numerics;

/// <summary>
/// A forward-mode dual number <c>a + ε·b</c> with <c>ε² = 0</c>: <see cref="V"/> carries the value and
/// <see cref="D"/> one directional derivative. Running a point-wise body written once over
/// <see cref="IScalar{T}"/> on <c>Dual&lt;T&gt;</c> gives its tangent (JVP) for free:
/// <c>f(x + ε·δx) = f(x) + ε·f′(x)·δx</c>.
/// </summary>
/// <remarks>
/// Rules (Griewank and Walther 2008, <i>Evaluating Derivatives</i>, ch. 3):
/// <c>(uv)′ = u′v + uv′</c>, <c>(u/v)′ = (u′ − (u/v)·v′)/v</c>, <c>√u′ = u′/(2√u)</c>,
/// <c>exp′ = exp</c>, <c>ln′ u = u′/u</c>, <c>tanh′ = 1 − tanh²</c>, <c>sin′ = cos</c>,
/// <c>cos′ = −sin</c>. Comparisons, <see cref="Abs"/>, <see cref="Min"/> and <see cref="Max"/> follow the
/// primal value. Nesting (<c>Dual&lt;Dual&lt;Real&gt;&gt;</c>) gives second derivatives.
/// </remarks>
/// <typeparam name="T">The underlying scalar, e.g. <see cref="Real"/> or <see cref="Real32"/>.</typeparam>
/// <param name="V">Value.</param>
/// <param name="D">Derivative along the seeded direction.</param>
public readonly record struct Dual<T>(T V, T D) : IScalar<Dual<T>> where T : unmanaged, IScalar<T>
{
    /// <summary>An independent variable: value <paramref name="value"/>, derivative 1.</summary>
    public static Dual<T> Variable(T value) => new(value, T.One);

    /// <summary>A constant: derivative 0.</summary>
    public static Dual<T> Constant(T value) => new(value, T.Zero);

    /// <inheritdoc/>
    public static Dual<T> Zero => new(T.Zero, T.Zero);

    /// <inheritdoc/>
    public static Dual<T> One => new(T.One, T.Zero);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> FromDouble(double value) => new(T.FromDouble(value), T.Zero);

    /// <inheritdoc/>
    public static double Value(Dual<T> x) => T.Value(x.V);

    /// <inheritdoc/>
    public static Dual<T> operator +(Dual<T> a, Dual<T> b) => new(a.V + b.V, a.D + b.D);

    /// <inheritdoc/>
    public static Dual<T> operator -(Dual<T> a, Dual<T> b) => new(a.V - b.V, a.D - b.D);

    /// <inheritdoc/>
    public static Dual<T> operator *(Dual<T> a, Dual<T> b) => new(a.V * b.V, a.D * b.V + a.V * b.D);

    /// <inheritdoc/>
    public static Dual<T> operator /(Dual<T> a, Dual<T> b)
    {
        T q = a.V / b.V;
        return new(q, (a.D - q * b.D) / b.V);
    }

    /// <inheritdoc/>
    public static Dual<T> operator -(Dual<T> a) => new(-a.V, -a.D);

    /// <inheritdoc/>
    public static bool operator <(Dual<T> a, Dual<T> b) => a.V < b.V;

    /// <inheritdoc/>
    public static bool operator >(Dual<T> a, Dual<T> b) => a.V > b.V;

    /// <inheritdoc/>
    public static bool operator <=(Dual<T> a, Dual<T> b) => a.V <= b.V;

    /// <inheritdoc/>
    public static bool operator >=(Dual<T> a, Dual<T> b) => a.V >= b.V;

    /// <inheritdoc/>
    public static Dual<T> Sqrt(Dual<T> x)
    {
        T s = T.Sqrt(x.V);
        return new(s, x.D / (s + s));
    }

    /// <inheritdoc/>
    public static Dual<T> Exp(Dual<T> x)
    {
        T e = T.Exp(x.V);
        return new(e, e * x.D);
    }

    /// <inheritdoc/>
    public static Dual<T> Log(Dual<T> x) => new(T.Log(x.V), x.D / x.V);

    /// <inheritdoc/>
    public static Dual<T> Tanh(Dual<T> x)
    {
        T t = T.Tanh(x.V);
        return new(t, (T.One - t * t) * x.D);
    }

    /// <inheritdoc/>
    public static Dual<T> Sin(Dual<T> x) => new(T.Sin(x.V), T.Cos(x.V) * x.D);

    /// <inheritdoc/>
    public static Dual<T> Cos(Dual<T> x) => new(T.Cos(x.V), -(T.Sin(x.V) * x.D));

    /// <inheritdoc/>
    public static Dual<T> Abs(Dual<T> x) => x.V < T.Zero ? -x : x;

    /// <inheritdoc/>
    public static Dual<T> Min(Dual<T> a, Dual<T> b) => b.V < a.V ? b : a;

    /// <inheritdoc/>
    public static Dual<T> Max(Dual<T> a, Dual<T> b) => b.V > a.V ? b : a;
}
