using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.Lorenz96;

/// <summary>
/// Right-hand side of the two-scale Lorenz-96 model (Lorenz 1996, "Predictability – a problem
/// partly solved", Proc. ECMWF Seminar on Predictability, 1–18; the form of Wilks 2005,
/// Q. J. R. Meteorol. Soc. 131:389–407), nondimensional, with <c>K</c> slow variables <c>X_k</c> and
/// <c>J</c> fast variables <c>Y_{j,k}</c> per slow variable:
/// <code>
///   dX_k/dt     = −X_{k−1}(X_{k−2} − X_{k+1}) − X_k + F − (hc/b) Σ_j Y_{j,k}
///   dY_{j,k}/dt = −cb Y_{j+1,k}(Y_{j+2,k} − Y_{j−1,k}) − c Y_{j,k} + (hc/b) X_k
/// </code>
/// cyclic in <c>k</c> (<c>X_{k+K} = X_k</c>), and the fast variables form one ring of <c>K·J</c>
/// values (<c>Y_{J+1,k} = Y_{1,k+1}</c>), Lorenz's original convention.
/// θ = (F, h, b, c) (<see cref="Lorenz96ParameterTable.TwoScale"/>).
/// </summary>
/// <remarks>
/// State layout: <c>x = (X_0 … X_{K−1}, Y_{0,0} … Y_{J−1,0}, Y_{0,1} …)</c>, i.e. <c>Y_{j,k}</c> at
/// <c>K + kJ + j</c>. The tendency, its tangent and its transpose sit together below; the
/// transpose is in gather form (no scatter), so it is deterministic and parallelisable.
/// Energy budget (used as a test): <c>Σ_k X_k Ẋ_k + Σ Y Ẏ = −Σ X² − c Σ Y² + F Σ X</c>, because the
/// advection terms conserve <c>Σ v²</c> on their rings and the coupling is antisymmetric.
/// </remarks>
public sealed class TwoScaleLorenz96 : IDifferentiableTendency
{
    /// <summary>A two-scale model with <paramref name="slowCount"/> slow variables and <paramref name="fastPerSlow"/> fast variables each.</summary>
    /// <param name="slowCount">K ≥ 4 (Lorenz 1996: 36; Wilks 2005: 8).</param>
    /// <param name="fastPerSlow">J ≥ 1 (Lorenz 1996: 10; Wilks 2005: 32).</param>
    public TwoScaleLorenz96(int slowCount, int fastPerSlow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slowCount, 4);
        ArgumentOutOfRangeException.ThrowIfLessThan(fastPerSlow, 1);
        SlowCount = slowCount;
        FastPerSlow = fastPerSlow;
    }

    /// <summary>Number of slow variables K.</summary>
    public int SlowCount { get; }

    /// <summary>Number of fast variables per slow variable J.</summary>
    public int FastPerSlow { get; }

    /// <summary>Number of fast variables K·J.</summary>
    public int FastCount => SlowCount * FastPerSlow;

    /// <summary>The parameter declarations, θ = (F, h, b, c).</summary>
    public ParameterTable Parameters => Lorenz96ParameterTable.TwoScale;

    /// <inheritdoc />
    public int StateLength => SlowCount + FastCount;

    /// <inheritdoc />
    public int ParameterLength => 4;

    /// <summary>Writes <c>(dX/dt, dY/dt)</c>.</summary>
    public void Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> theta, Span<double> tendency)
    {
        int nk = SlowCount, nj = FastPerSlow;
        double forcing = theta[0], h = theta[1], b = theta[2], c = theta[3];
        double coupling = h * c / b, cb = c * b;
        ReadOnlySpan<double> slow = x[..nk], fast = x[nk..];
        Span<double> dSlow = tendency[..nk], dFast = tendency[nk..];
        for (int k = 0; k < nk; k++)
            dSlow[k] = CyclicAdvection.Slow(slow, k) - slow[k] + forcing - coupling * Sum(fast.Slice(k * nj, nj));
        CyclicAdvection.FastTendency(fast, slow, nj, cb, c, coupling, dFast);
    }

    /// <summary>
    /// Writes the tangent
    /// <c>δẊ_k = δA_k − δX_k + δF − κ Σ_j δY_{j,k} − δκ Σ_j Y_{j,k}</c>,
    /// <c>δẎ_i = cb δB_i + (δc b + c δb) B_i − c δY_i − δc Y_i + κ δX_k + δκ X_k</c>,
    /// with <c>κ = hc/b</c>, <c>δκ = (δh c + h δc)/b − κ δb/b</c>.
    /// </summary>
    public void Tangent(ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> dx, ReadOnlySpan<double> dTheta, Span<double> dTendency)
    {
        int nk = SlowCount, nj = FastPerSlow;
        double h = theta[1], b = theta[2], c = theta[3];
        double dForcing = dTheta[0], dh = dTheta[1], db = dTheta[2], dc = dTheta[3];
        double coupling = h * c / b, cb = c * b;
        double dCoupling = (dh * c + h * dc) / b - coupling * db / b, dcb = dc * b + c * db;
        ReadOnlySpan<double> slow = x[..nk], fast = x[nk..], dSlow = dx[..nk], dFast = dx[nk..];
        Span<double> tSlow = dTendency[..nk], tFast = dTendency[nk..];
        for (int k = 0; k < nk; k++)
        {
            double sumY = Sum(fast.Slice(k * nj, nj)), dSumY = Sum(dFast.Slice(k * nj, nj));
            tSlow[k] = CyclicAdvection.SlowTangent(slow, dSlow, k) - dSlow[k] + dForcing - coupling * dSumY - dCoupling * sumY;
        }
        for (int i = 0; i < fast.Length; i++)
        {
            int k = i / nj;
            tFast[i] = cb * CyclicAdvection.FastTangent(fast, dFast, i) + dcb * CyclicAdvection.Fast(fast, i)
                       - c * dFast[i] - dc * fast[i] + coupling * dSlow[k] + dCoupling * slow[k];
        }
    }

    /// <summary>
    /// Accumulates the transpose: <c>X̄_m += Aᵀg − g_m + κ G_m</c>,
    /// <c>Ȳ_m += cb Bᵀḡ − c ḡ_m − κ g_{k(m)}</c>, <c>F̄ += Σ g</c>,
    /// <c>κ̄ = Σ_k (X_k G_k − g_k S_k)</c>, <c>h̄ += κ̄ c/b</c>, <c>b̄ += c P − κ̄ κ/b</c>,
    /// <c>c̄ += b P − Q + κ̄ h/b</c>, with <c>g</c> and <c>ḡ</c> the slow and fast parts of
    /// <paramref name="tendencyBar"/>, <c>S_k = Σ_j Y_{j,k}</c>, <c>G_k = Σ_j ḡ_{j,k}</c>,
    /// <c>P = Σ_i ḡ_i B_i</c>, <c>Q = Σ_i ḡ_i Y_i</c>.
    /// </summary>
    /// <remarks>
    /// One pass over the slow ring, block by block (<c>X̄</c>, <c>G_k</c>, <c>F̄</c>, <c>Σ_k X_k G_k</c>,
    /// and <c>g_{k(m)}</c> spread over the fast ring), then one fused vector pass over the fast ring
    /// (<see cref="CyclicAdvection.FastAdjoint{TOutput}"/>: <c>Ȳ</c>, <c>P</c>, <c>Q</c> and
    /// <c>Σ_k g_k S_k</c>). Allocation free: the spread <c>g</c> lives on the stack (or, for more than
    /// 4096 fast variables, in a pooled array).
    /// </remarks>
    public void Adjoint(ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> tendencyBar, Span<double> xBar, Span<double> thetaBar) =>
        Transpose(x, theta, tendencyBar, thetaBar, new AccumulateOutput(xBar[..SlowCount]), new AccumulateOutput(xBar[SlowCount..StateLength]));

    /// <summary>
    /// <see cref="Adjoint"/> with the Runge–Kutta sweep pass applied to each <c>x̄_i</c> as the
    /// transpose produces it (<see cref="IDifferentiableTendency.AdjointAndSweep"/>):
    /// <c>λ += x̄</c>, <c>next = p·w + q·x̄</c>; <paramref name="scratch"/> is not used.
    /// </summary>
    public void AdjointAndSweep(ReadOnlySpan<double> x, ReadOnlySpan<double> theta, ReadOnlySpan<double> tendencyBar,
        Span<double> thetaBar, Span<double> lambda, ReadOnlySpan<double> w, double p, double q, Span<double> next, Span<double> scratch)
    {
        int nk = SlowCount, n = StateLength;
        Transpose(x, theta, tendencyBar, thetaBar,
            new SweepOutput(lambda[..nk], w[..nk], p, q, next[..nk]), new SweepOutput(lambda[nk..n], w[nk..n], p, q, next[nk..n]));
    }

    [SkipLocalsInit]
    private void Transpose<TOutput>(ReadOnlySpan<double> x, ReadOnlySpan<double> theta, ReadOnlySpan<double> tendencyBar,
        Span<double> thetaBar, TOutput slowOutput, TOutput fastOutput) where TOutput : IAdjointOutput, allows ref struct
    {
        int nk = SlowCount, nj = FastPerSlow, nf = FastCount;
        double h = theta[1], b = theta[2], c = theta[3];
        double coupling = h * c / b, cb = c * b;
        ReadOnlySpan<double> slow = x[..nk], fast = x[nk..(nk + nf)], gSlow = tendencyBar[..nk], gFast = tendencyBar[nk..(nk + nf)];
        double[]? rented = nf > 4096 ? ArrayPool<double>.Shared.Rent(nf) : null;
        Span<double> gamma = rented is null ? stackalloc double[nf] : rented.AsSpan(0, nf);
        SlowAdjoint(slow, gSlow, gFast, nj, coupling, slowOutput, gamma, out double forcingBar, out double slowDotSumG);
        CyclicAdvection.FastAdjoint(fast, gFast, gamma, cb, c, coupling, fastOutput, out double gDotB, out double gDotY, out double gSlowDotSumY);
        if (rented is not null) ArrayPool<double>.Shared.Return(rented);
        double couplingBar = slowDotSumG - gSlowDotSumY;
        thetaBar[0] += forcingBar;
        thetaBar[1] += couplingBar * c / b;
        thetaBar[2] += c * gDotB - couplingBar * coupling / b;
        thetaBar[3] += (b * gDotB - gDotY) + couplingBar * h / b;
    }

    // Block by block: γ_{kJ+j} = g_k (g spread over the fast ring); G_k = Σ_j ḡ_{kJ+j} (four lanes over
    // the full chunks of four, reduced as (l₀ + l₁) + (l₂ + l₃), then the remaining j in increasing
    // order; all in order when J < 4); X̄_k = Aᵀg − g_k + κ G_k to the output; F̄ = Σ g; Σ_k X_k G_k.
    private static void SlowAdjoint<TOutput>(ReadOnlySpan<double> slow, ReadOnlySpan<double> gSlow, ReadOnlySpan<double> gFast,
        int blockLength, double coupling, TOutput output, Span<double> gamma, out double forcingBar, out double slowDotSumG)
        where TOutput : IAdjointOutput, allows ref struct
    {
        int nk = slow.Length;
        if (gSlow.Length < nk || gFast.Length < nk * blockLength || gamma.Length < nk * blockLength)
            throw new ArgumentException("Slow and fast lengths disagree.");
        ref double rx = ref MemoryMarshal.GetReference(slow);
        ref double rg = ref MemoryMarshal.GetReference(gSlow);
        ref double rf = ref MemoryMarshal.GetReference(gFast);
        ref double rγ = ref MemoryMarshal.GetReference(gamma);
        double f = 0, xg = 0;
        for (int m = 0, m0 = 0; m < nk; m++, m0 += blockLength)
        {
            double gm = Unsafe.Add(ref rg, m), sumG = 0;
            int j = 0;
            if (blockLength >= 4)
            {
                var value = Vector256.Create(gm);
                var lanes = Vector256.LoadUnsafe(ref rf, (nuint)m0);
                value.StoreUnsafe(ref rγ, (nuint)m0);
                for (j = 4; j + 4 <= blockLength; j += 4)
                {
                    lanes += Vector256.LoadUnsafe(ref rf, (nuint)(m0 + j));
                    value.StoreUnsafe(ref rγ, (nuint)(m0 + j));
                }
                value.StoreUnsafe(ref rγ, (nuint)(m0 + blockLength - 4));
                sumG = CyclicAdvection.Reduce(lanes);
            }
            else gamma.Slice(m0, blockLength).Fill(gm);
            for (; j < blockLength; j++) sumG += Unsafe.Add(ref rf, m0 + j);
            // Aᵀg at m (CyclicAdvection.SlowTranspose), indices written out away from the ring's ends.
            double transpose = m >= 2 && m + 2 < nk
                ? -Unsafe.Add(ref rg, m + 1) * (Unsafe.Add(ref rx, m - 1) - Unsafe.Add(ref rx, m + 2))
                  - Unsafe.Add(ref rg, m + 2) * Unsafe.Add(ref rx, m + 1) + Unsafe.Add(ref rg, m - 1) * Unsafe.Add(ref rx, m - 2)
                : CyclicAdvection.SlowTranspose(slow, gSlow, m);
            output.Element(m, transpose - gm + coupling * sumG);
            f += gm;
            xg += Unsafe.Add(ref rx, m) * sumG;
        }
        forcingBar = f;
        slowDotSumG = xg;
    }

    private static double Sum(ReadOnlySpan<double> v)
    {
        double s = 0;
        for (int i = 0; i < v.Length; i++) s += v[i];
        return s;
    }
}
