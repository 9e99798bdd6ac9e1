namespace ClimateAD.Grid.Numerics;

/// <summary>
/// A multi-seed dual number <c>a + Σ_k ε_k·b_k</c> (<c>ε_j ε_k = 0</c>) carrying up to
/// <see cref="MaxSeeds"/> partial derivatives at once. Evaluating a point-wise body with input
/// <c>k</c> seeded as <see cref="Seeded"/>(x_k, k) yields, in one pass, the whole local Jacobian
/// row <c>∂f/∂x_k</c> of every output; <see cref="LocalJacobian"/> packages this so a point-wise term
/// derives its adjoint <c>x̄ += Jᵀ ȳ</c> instead of writing it by hand.
/// </summary>
/// <remarks>
/// Same derivative rules as <see cref="Dual{T}"/> applied to each partial (Griewank and Walther 2008,
/// ch. 3, "vector forward mode"). Host code only: the inline array is not a kernel type.
/// </remarks>
/// <typeparam name="T">The underlying scalar.</typeparam>
public struct MultiDual<T> : IScalar<MultiDual<T>> where T : unmanaged, IScalar<T>
{
    /// <summary>The most partials one number carries.</summary>
    public const int MaxSeeds = 8;

    /// <summary>Value.</summary>
    public T V;

    /// <summary>Partial derivatives with respect to seeds 0..<see cref="MaxSeeds"/>−1.</summary>
    public SeedBuffer<T> D;

    /// <summary>Builds a constant (all partials zero).</summary>
    public MultiDual(T value)
    {
        V = value;
        for (int k = 0; k < MaxSeeds; k++) D[k] = T.Zero;
    }

    /// <summary>Independent variable number <paramref name="seed"/>: partial 1 there, 0 elsewhere.</summary>
    public static MultiDual<T> Seeded(T value, int seed)
    {
        if ((uint)seed >= MaxSeeds)
            throw new ArgumentOutOfRangeException(nameof(seed), seed, $"a MultiDual carries at most {MaxSeeds} seeds");
        var m = new MultiDual<T>(value);
        m.D[seed] = T.One;
        return m;
    }

    /// <inheritdoc/>
    public static MultiDual<T> Zero => new(T.Zero);

    /// <inheritdoc/>
    public static MultiDual<T> One => new(T.One);

    /// <inheritdoc/>
    public static MultiDual<T> FromDouble(double value) => new(T.FromDouble(value));

    /// <inheritdoc/>
    public static double Value(MultiDual<T> x) => T.Value(x.V);

    // r.V = f(a.V); r.D[k] = da * a.D[k]
    private static MultiDual<T> Chain(T value, T da, in MultiDual<T> a)
    {
        MultiDual<T> r = default;
        r.V = value;
        for (int k = 0; k < MaxSeeds; k++) r.D[k] = da * a.D[k];
        return r;
    }

    // r.V = value; r.D[k] = da * a.D[k] + db * b.D[k]
    private static MultiDual<T> Chain(T value, T da, in MultiDual<T> a, T db, in MultiDual<T> b)
    {
        MultiDual<T> r = default;
        r.V = value;
        for (int k = 0; k < MaxSeeds; k++) r.D[k] = da * a.D[k] + db * b.D[k];
        return r;
    }

    /// <inheritdoc/>
    public static MultiDual<T> operator +(MultiDual<T> a, MultiDual<T> b) => Chain(a.V + b.V, T.One, a, T.One, b);

    /// <inheritdoc/>
    public static MultiDual<T> operator -(MultiDual<T> a, MultiDual<T> b) => Chain(a.V - b.V, T.One, a, -T.One, b);

    /// <inheritdoc/>
    public static MultiDual<T> operator *(MultiDual<T> a, MultiDual<T> b) => Chain(a.V * b.V, b.V, a, a.V, b);

    /// <inheritdoc/>
    public static MultiDual<T> operator /(MultiDual<T> a, MultiDual<T> b)
    {
        T q = a.V / b.V;
        return Chain(q, T.One / b.V, a, -(q / b.V), b);
    }

    /// <inheritdoc/>
    public static MultiDual<T> operator -(MultiDual<T> a) => Chain(-a.V, -T.One, a);

    /// <inheritdoc/>
    public static bool operator <(MultiDual<T> a, MultiDual<T> b) => a.V < b.V;

    /// <inheritdoc/>
    public static bool operator >(MultiDual<T> a, MultiDual<T> b) => a.V > b.V;

    /// <inheritdoc/>
    public static bool operator <=(MultiDual<T> a, MultiDual<T> b) => a.V <= b.V;

    /// <inheritdoc/>
    public static bool operator >=(MultiDual<T> a, MultiDual<T> b) => a.V >= b.V;

    /// <inheritdoc/>
    public static MultiDual<T> Sqrt(MultiDual<T> x)
    {
        T s = T.Sqrt(x.V);
        return Chain(s, T.One / (s + s), x);
    }

    /// <inheritdoc/>
    public static MultiDual<T> Exp(MultiDual<T> x)
    {
        T e = T.Exp(x.V);
        return Chain(e, e, x);
    }

    /// <inheritdoc/>
    public static MultiDual<T> Log(MultiDual<T> x) => Chain(T.Log(x.V), T.One / x.V, x);

    /// <inheritdoc/>
    public static MultiDual<T> Tanh(MultiDual<T> x)
    {
        T t = T.Tanh(x.V);
        return Chain(t, T.One - t * t, x);
    }

    /// <inheritdoc/>
    public static MultiDual<T> Sin(MultiDual<T> x) => Chain(T.Sin(x.V), T.Cos(x.V), x);

    /// <inheritdoc/>
    public static MultiDual<T> Cos(MultiDual<T> x) => Chain(T.Cos(x.V), -T.Sin(x.V), x);

    /// <inheritdoc/>
    public static MultiDual<T> Abs(MultiDual<T> x) => x.V < T.Zero ? -x : x;

    /// <inheritdoc/>
    public static MultiDual<T> Min(MultiDual<T> a, MultiDual<T> b) => b.V < a.V ? b : a;

    /// <inheritdoc/>
    public static MultiDual<T> Max(MultiDual<T> a, MultiDual<T> b) => b.V > a.V ? b : a;
}
