using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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

    /// <summary>
    /// Fast tendency of the two-scale model on the whole ring, written block by block
    /// (<paramref name="slow"/>.Length blocks of <paramref name="blockLength"/>):
    /// <c>d_i = cb B_i − c Y_i + κ X_{k(i)}</c>. Away from the ring's ends four consecutive indices
    /// are done at once with <see cref="Vector256{T}"/>; every lane performs the same IEEE operations
    /// in the same order as the scalar expression, so the result is bit-identical to it.
    /// </summary>
    public static void FastTendency(ReadOnlySpan<double> v, ReadOnlySpan<double> slow, int blockLength,
        double cb, double c, double coupling, Span<double> d)
    {
        int n = v.Length;
        if (d.Length < n || slow.Length * blockLength != n)
            throw new ArgumentException("Fast ring, slow blocks and output lengths disagree.");
        ref double rv = ref MemoryMarshal.GetReference(v);
        ref double rd = ref MemoryMarshal.GetReference(d);
        bool simd = Vector256.IsHardwareAccelerated;
        Vector256<double> vcb = Vector256.Create(cb), vc = Vector256.Create(c);
        for (int k = 0, m0 = 0; k < slow.Length; k++, m0 += blockLength)
        {
            double cx = coupling * slow[k];
            Vector256<double> vcx = Vector256.Create(cx);
            int j = 0;
            while (j < blockLength)
            {
                int m = m0 + j;
                // Lanes m … m+3 read m−1 … m+5.
                if (simd && j + 4 <= blockLength && m >= 1 && m + 6 <= n)
                {
                    var ym1 = Vector256.LoadUnsafe(ref rv, (nuint)(m - 1));
                    var y0 = Vector256.LoadUnsafe(ref rv, (nuint)m);
                    var y1 = Vector256.LoadUnsafe(ref rv, (nuint)(m + 1));
                    var y2 = Vector256.LoadUnsafe(ref rv, (nuint)(m + 2));
                    (vcb * (-y1 * (y2 - ym1)) - vc * y0 + vcx).StoreUnsafe(ref rd, (nuint)m);
                    j += 4;
                }
                else
                {
                    d[m] = cb * Fast(v, m) - c * v[m] + cx;
                    j++;
                }
            }
        }
    }

    /// <summary>
    /// Transpose of <see cref="FastTendency"/> for <c>t̄ = (g_slow, g)</c>:
    /// <c>Ȳ_m += cb Bᵀg − c g_m − κ g_slow,k(m)</c>, and the sequential sums
    /// <c>b̄ += Σ_m g_m c B_m</c>, <c>c̄ += Σ_m g_m (b B_m − Y_m)</c> in increasing <c>m</c>.
    /// Element-wise work is done four indices at a time away from the ring's ends; the sums are
    /// still accumulated one index at a time in order, so the result is bit-identical to the scalar loop.
    /// </summary>
    public static void FastAdjoint(ReadOnlySpan<double> v, ReadOnlySpan<double> g, ReadOnlySpan<double> gSlow,
        int blockLength, double b, double c, double coupling, Span<double> vBar, ref double bBar, ref double cBar)
    {
        int n = v.Length;
        if (g.Length < n || vBar.Length < n || gSlow.Length * blockLength != n)
            throw new ArgumentException("Fast ring, slow blocks and adjoint lengths disagree.");
        double cb = c * b;
        ref double rv = ref MemoryMarshal.GetReference(v);
        ref double rg = ref MemoryMarshal.GetReference(g);
        ref double rb = ref MemoryMarshal.GetReference(vBar);
        bool simd = Vector256.IsHardwareAccelerated;
        Vector256<double> vcb = Vector256.Create(cb), vc = Vector256.Create(c), vb = Vector256.Create(b);
        double bSum = bBar, cSum = cBar;
        for (int k = 0, m0 = 0; k < gSlow.Length; k++, m0 += blockLength)
        {
            double cg = coupling * gSlow[k];
            Vector256<double> vcg = Vector256.Create(cg);
            int j = 0;
            while (j < blockLength)
            {
                int m = m0 + j;
                // Lanes m … m+3 read m−2 … m+5.
                if (simd && j + 4 <= blockLength && m >= 2 && m + 6 <= n)
                {
                    var gm2 = Vector256.LoadUnsafe(ref rg, (nuint)(m - 2));
                    var gm1 = Vector256.LoadUnsafe(ref rg, (nuint)(m - 1));
                    var g0 = Vector256.LoadUnsafe(ref rg, (nuint)m);
                    var gp1 = Vector256.LoadUnsafe(ref rg, (nuint)(m + 1));
                    var ym2 = Vector256.LoadUnsafe(ref rv, (nuint)(m - 2));
                    var ym1 = Vector256.LoadUnsafe(ref rv, (nuint)(m - 1));
                    var y0 = Vector256.LoadUnsafe(ref rv, (nuint)m);
                    var y1 = Vector256.LoadUnsafe(ref rv, (nuint)(m + 1));
                    var y2 = Vector256.LoadUnsafe(ref rv, (nuint)(m + 2));
                    var transpose = -gm1 * (y1 - ym2) - gm2 * ym1 + gp1 * y2;
                    var bar = Vector256.LoadUnsafe(ref rb, (nuint)m);
                    (bar + (vcb * transpose - vc * g0 - vcg)).StoreUnsafe(ref rb, (nuint)m);
                    var advection = -y1 * (y2 - ym1);
                    var bTerm = g0 * vc * advection;
                    var cTerm = g0 * (vb * advection - y0);
                    bSum += bTerm.GetElement(0); bSum += bTerm.GetElement(1); bSum += bTerm.GetElement(2); bSum += bTerm.GetElement(3);
                    cSum += cTerm.GetElement(0); cSum += cTerm.GetElement(1); cSum += cTerm.GetElement(2); cSum += cTerm.GetElement(3);
                    j += 4;
                }
                else
                {
                    double advection = Fast(v, m);
                    vBar[m] += cb * FastTranspose(v, g, m) - c * g[m] - cg;
                    bSum += g[m] * c * advection;
                    cSum += g[m] * (b * advection - v[m]);
                    j++;
                }
            }
        }
        bBar = bSum;
        cBar = cSum;
    }

    // Cyclic index for offsets |o| ≤ 2 on a ring of n ≥ 4.
    private static int Wrap(int i, int n) => i < 0 ? i + n : i >= n ? i - n : i;
}
