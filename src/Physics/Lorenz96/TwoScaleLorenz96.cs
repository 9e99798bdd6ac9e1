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
    /// Accumulates the transpose: <c>X̄_m += Aᵀg − g_m + κ Σ_j ḡ_{j,m}</c>,
    /// <c>Ȳ_m += cb Bᵀḡ − c ḡ_m − κ g_{k(m)}</c>, <c>F̄ += Σ g</c>,
    /// <c>κ̄ = Σ_k (−g_k Σ_j Y_{j,k} + X_k Σ_j ḡ_{j,k})</c>, <c>h̄ += κ̄ c/b</c>,
    /// <c>b̄ += Σ ḡ_i c B_i − κ̄ κ/b</c>, <c>c̄ += Σ ḡ_i (b B_i − Y_i) + κ̄ h/b</c>;
    /// <c>g</c> and <c>ḡ</c> the slow and fast parts of <paramref name="tendencyBar"/>.
    /// </summary>
    public void Adjoint(ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> tendencyBar, Span<double> xBar, Span<double> thetaBar)
    {
        int nk = SlowCount, nj = FastPerSlow;
        double h = theta[1], b = theta[2], c = theta[3];
        double coupling = h * c / b, cb = c * b;
        ReadOnlySpan<double> slow = x[..nk], fast = x[nk..], gSlow = tendencyBar[..nk], gFast = tendencyBar[nk..];
        Span<double> slowBar = xBar[..nk], fastBar = xBar[nk..];
        double forcingBar = 0, couplingBar = 0, bBar = 0, cBar = 0;
        for (int m = 0; m < nk; m++)
        {
            // Both block sums in one pass: two independent sequential chains, same order as Sum.
            ReadOnlySpan<double> blockY = fast.Slice(m * nj, nj), blockG = gFast.Slice(m * nj, nj);
            double sumY = 0, sumG = 0;
            for (int j = 0; j < blockY.Length; j++) { sumY += blockY[j]; sumG += blockG[j]; }
            slowBar[m] += CyclicAdvection.SlowTranspose(slow, gSlow, m) - gSlow[m] + coupling * sumG;
            forcingBar += gSlow[m];
            couplingBar += slow[m] * sumG - gSlow[m] * sumY;
        }
        CyclicAdvection.FastAdjoint(fast, gFast, gSlow, nj, b, c, coupling, fastBar, ref bBar, ref cBar);
        thetaBar[0] += forcingBar;
        thetaBar[1] += couplingBar * c / b;
        thetaBar[2] += bBar - couplingBar * coupling / b;
        thetaBar[3] += cBar + couplingBar * h / b;
    }

    private static double Sum(ReadOnlySpan<double> v)
    {
        double s = 0;
        for (int i = 0; i < v.Length; i++) s += v[i];
        return s;
    }
}
