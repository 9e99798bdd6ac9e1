namespace ClimateAD.Physics.Lorenz96;

/// <summary>
/// The two quadratic "advection" operators of Lorenz-96 on a cyclic ring of <c>n ≥ 4</c> values,
/// each followed by its tangent and its transpose (gather form: each output index sums its own
/// contributions, so the transpose is deterministic and parallelisable without atomics).
/// <code>
///   slow: A_k = −X_{k−1} (X_{k−2} − X_{k+1})
///   fast: B_i = −Y_{i+1} (Y_{i+2} − Y_{i−1})
/// </code>
/// Both conserve <c>Σ v²</c> on the ring: <c>Σ_k X_k A_k = 0</c>, <c>Σ_i Y_i B_i = 0</c> (Lorenz 1996).
/// </summary>
internal static class CyclicAdvection
{
    /// <summary>Slow advection <c>A_k = −X_{k−1}(X_{k−2} − X_{k+1})</c>.</summary>
    public static double Slow(ReadOnlySpan<double> v, int k)
    {
        int n = v.Length;
        return -v[Wrap(k - 1, n)] * (v[Wrap(k - 2, n)] - v[Wrap(k + 1, n)]);
    }

    /// <summary>Tangent <c>δA_k = −δX_{k−1}(X_{k−2} − X_{k+1}) − X_{k−1}(δX_{k−2} − δX_{k+1})</c>.</summary>
    public static double SlowTangent(ReadOnlySpan<double> v, ReadOnlySpan<double> dv, int k)
    {
        int n = v.Length, km1 = Wrap(k - 1, n), km2 = Wrap(k - 2, n), kp1 = Wrap(k + 1, n);
        return -dv[km1] * (v[km2] - v[kp1]) - v[km1] * (dv[km2] - dv[kp1]);
    }

    /// <summary>Transpose at <c>m</c>: <c>Σ_k g_k ∂A_k/∂X_m = −g_{m+1}(X_{m−1} − X_{m+2}) − g_{m+2} X_{m+1} + g_{m−1} X_{m−2}</c>.</summary>
    public static double SlowTranspose(ReadOnlySpan<double> v, ReadOnlySpan<double> g, int m)
    {
        int n = v.Length;
        return -g[Wrap(m + 1, n)] * (v[Wrap(m - 1, n)] - v[Wrap(m + 2, n)])
               - g[Wrap(m + 2, n)] * v[Wrap(m + 1, n)]
               + g[Wrap(m - 1, n)] * v[Wrap(m - 2, n)];
    }

    /// <summary>Fast advection <c>B_i = −Y_{i+1}(Y_{i+2} − Y_{i−1})</c>.</summary>
    public static double Fast(ReadOnlySpan<double> v, int i)
    {
        int n = v.Length;
        return -v[Wrap(i + 1, n)] * (v[Wrap(i + 2, n)] - v[Wrap(i - 1, n)]);
    }

    /// <summary>Tangent <c>δB_i = −δY_{i+1}(Y_{i+2} − Y_{i−1}) − Y_{i+1}(δY_{i+2} − δY_{i−1})</c>.</summary>
    public static double FastTangent(ReadOnlySpan<double> v, ReadOnlySpan<double> dv, int i)
    {
        int n = v.Length, ip1 = Wrap(i + 1, n), ip2 = Wrap(i + 2, n), im1 = Wrap(i - 1, n);
        return -dv[ip1] * (v[ip2] - v[im1]) - v[ip1] * (dv[ip2] - dv[im1]);
    }

    /// <summary>Transpose at <c>m</c>: <c>Σ_i g_i ∂B_i/∂Y_m = −g_{m−1}(Y_{m+1} − Y_{m−2}) − g_{m−2} Y_{m−1} + g_{m+1} Y_{m+2}</c>.</summary>
    public static double FastTranspose(ReadOnlySpan<double> v, ReadOnlySpan<double> g, int m)
    {
        int n = v.Length;
        return -g[Wrap(m - 1, n)] * (v[Wrap(m + 1, n)] - v[Wrap(m - 2, n)])
               - g[Wrap(m - 2, n)] * v[Wrap(m - 1, n)]
               + g[Wrap(m + 1, n)] * v[Wrap(m + 2, n)];
    }

    // Cyclic index for offsets |o| ≤ 2 on a ring of n ≥ 4.
    private static int Wrap(int i, int n) => i < 0 ? i + n : i >= n ? i - n : i;
}
