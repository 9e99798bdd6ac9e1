using System.Runtime.CompilerServices;
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
    /// Transpose of <see cref="FastTendency"/> for <c>t̄ = (g_slow, g)</c>, fused with the dot
    /// products the parameter adjoint needs from the same pass: each
    /// <c>Ȳ_m = (cb Bᵀg)_m − c g_m − κ γ_m</c> goes to <paramref name="output"/>;
    /// <c>P = Σ_m g_m B_m</c>, <c>Q = Σ_m g_m Y_m</c>, <c>R = Σ_m γ_m Y_m</c>, where
    /// <c>γ_m = g_slow,k(m)</c> is the slow adjoint spread over the fast ring (so
    /// <c>R = Σ_k g_slow,k Σ_j Y_{j,k}</c>).
    /// </summary>
    /// <remarks>
    /// The ring is walked in chunks of four consecutive indices, one <see cref="Vector256{T}"/>
    /// lane each, regardless of the block boundaries (that is what <c>γ</c> is for), with fused
    /// multiply–adds. The sums are kept per lane (lane <c>l</c> sums the indices
    /// <c>m ≡ l (mod 4)</c> in increasing order; absent lanes of a short last chunk add <c>+0</c>)
    /// and reduced as <c>(l₀ + l₁) + (l₂ + l₃)</c>, so no sequential dependency chain runs through
    /// the ring. Chunks at the ring's ends gather their cyclic neighbours into the same vectors and
    /// do the same arithmetic, so each element's value does not depend on where its chunk sits,
    /// and the result is the same on hardware without AVX or FMA (software
    /// <see cref="Vector256{T}"/> performs the same correctly rounded operations per lane).
    /// </remarks>
    /// <param name="v">The fast ring <c>Y</c> (length <c>n ≥ 4</c>).</param>
    /// <param name="g">Fast part of <c>t̄</c>.</param>
    /// <param name="gamma"><c>γ</c>, the slow part of <c>t̄</c> spread over the ring.</param>
    /// <param name="cb"><c>c·b</c>.</param>
    /// <param name="c"><c>c</c>.</param>
    /// <param name="coupling"><c>κ = hc/b</c>.</param>
    /// <param name="output">Takes <c>Ȳ</c> (indices of the fast ring).</param>
    /// <param name="gDotB">Receives <c>P</c>.</param>
    /// <param name="gDotV">Receives <c>Q</c>.</param>
    /// <param name="gammaDotV">Receives <c>R</c>.</param>
    public static void FastAdjoint<TOutput>(ReadOnlySpan<double> v, ReadOnlySpan<double> g, ReadOnlySpan<double> gamma,
        double cb, double c, double coupling, TOutput output, out double gDotB, out double gDotV, out double gammaDotV)
        where TOutput : IAdjointOutput, allows ref struct
    {
        int n = v.Length;
        if (g.Length < n || gamma.Length < n)
            throw new ArgumentException("Fast ring and adjoint lengths disagree.");
        ref double rv = ref MemoryMarshal.GetReference(v);
        ref double rg = ref MemoryMarshal.GetReference(g);
        ref double rγ = ref MemoryMarshal.GetReference(gamma);
        Vector256<double> vcb = Vector256.Create(cb), vc = Vector256.Create(c), vκ = Vector256.Create(coupling);
        Vector256<double> accP = Vector256<double>.Zero, accQ = Vector256<double>.Zero, accR = Vector256<double>.Zero;
        for (int m = 0; m < n; m += 4)
        {
            // Lanes m … m+3 read Y at m−2 … m+5, g at m−2 … m+4.
            if (m >= 2 && m + 6 <= n)
            {
                output.Lanes(m, Chunk(Vector256.LoadUnsafe(ref rv, (nuint)(m - 2)), Vector256.LoadUnsafe(ref rv, (nuint)(m - 1)),
                    Vector256.LoadUnsafe(ref rv, (nuint)m), Vector256.LoadUnsafe(ref rv, (nuint)(m + 1)),
                    Vector256.LoadUnsafe(ref rv, (nuint)(m + 2)),
                    Vector256.LoadUnsafe(ref rg, (nuint)(m - 2)), Vector256.LoadUnsafe(ref rg, (nuint)(m - 1)),
                    Vector256.LoadUnsafe(ref rg, (nuint)m), Vector256.LoadUnsafe(ref rg, (nuint)(m + 1)),
                    Vector256.LoadUnsafe(ref rγ, (nuint)m), vcb, vc, vκ, ref accP, ref accQ, ref accR));
                continue;
            }
            var g0 = Gather(g, m);
            var γ0 = Gather(gamma[..n], m);
            int live = Math.Min(4, n - m);
            if (live < 4)
            {
                // Absent lanes: zero g and γ make every sum term +0.
                var mask = Vector256.LessThan(Vector256.Create(0.0, 1.0, 2.0, 3.0), Vector256.Create((double)live));
                g0 = Vector256.ConditionalSelect(mask, g0, Vector256<double>.Zero);
                γ0 = Vector256.ConditionalSelect(mask, γ0, Vector256<double>.Zero);
            }
            var value = Chunk(Gather(v, m - 2), Gather(v, m - 1), Gather(v, m), Gather(v, m + 1), Gather(v, m + 2),
                Gather(g, m - 2), Gather(g, m - 1), g0, Gather(g, m + 1), γ0, vcb, vc, vκ, ref accP, ref accQ, ref accR);
            for (int l = 0; l < live; l++) output.Element(m + l, value.GetElement(l));
        }
        gDotB = Reduce(accP);
        gDotV = Reduce(accQ);
        gammaDotV = Reduce(accR);
    }

    // One chunk of FastAdjoint: returns the chunk's Ȳ lanes and adds its P, Q and R terms.
    // (cb Bᵀg)_m = cb (g_{m+1} Y_{m+2} − g_{m−1}(Y_{m+1} − Y_{m−2}) − g_{m−2} Y_{m−1}); B_m = Y_{m+1}(Y_{m−1} − Y_{m+2}).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Chunk(Vector256<double> ym2, Vector256<double> ym1, Vector256<double> y0, Vector256<double> y1,
        Vector256<double> y2, Vector256<double> gm2, Vector256<double> gm1, Vector256<double> g0, Vector256<double> gp1,
        Vector256<double> γ0, Vector256<double> vcb, Vector256<double> vc, Vector256<double> vκ,
        ref Vector256<double> accP, ref Vector256<double> accQ, ref Vector256<double> accR)
    {
        var back = Vector256.FusedMultiplyAdd(gm2, ym1, gm1 * (y1 - ym2));
        var transpose = Vector256.FusedMultiplyAdd(gp1, y2, -back);
        var local = Vector256.FusedMultiplyAdd(vc, g0, vκ * γ0);
        accP = Vector256.FusedMultiplyAdd(g0, y1 * (ym1 - y2), accP);
        accQ = Vector256.FusedMultiplyAdd(g0, y0, accQ);
        accR = Vector256.FusedMultiplyAdd(γ0, y0, accR);
        return Vector256.FusedMultiplyAdd(vcb, transpose, -local);
    }

    // Lanes i … i+3 of the ring, cyclic.
    private static Vector256<double> Gather(ReadOnlySpan<double> v, int i)
    {
        int n = v.Length;
        return Vector256.Create(v[Mod(i, n)], v[Mod(i + 1, n)], v[Mod(i + 2, n)], v[Mod(i + 3, n)]);
    }

    /// <summary>Horizontal sum of four lanes in a fixed order, <c>(l₀ + l₁) + (l₂ + l₃)</c>.</summary>
    public static double Reduce(Vector256<double> s) => (s.GetElement(0) + s.GetElement(1)) + (s.GetElement(2) + s.GetElement(3));

    // Cyclic index for offsets |o| ≤ 2 on a ring of n ≥ 4.
    private static int Wrap(int i, int n) => i < 0 ? i + n : i >= n ? i - n : i;

    // Cyclic index for offsets −2 ≤ o ≤ 5 without a division (n ≥ 4, so two wraps at most).
    private static int Mod(int i, int n)
    {
        if (i < 0) i += n;
        while (i >= n) i -= n;
        return i;
    }
}
