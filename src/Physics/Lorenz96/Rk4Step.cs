using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ClimateAD.Adjoint;
using ClimateAD.Adjoint.Checkpointing;

namespace ClimateAD.Physics.Lorenz96;

/// <summary>
/// Classical fourth-order Runge–Kutta step of <c>dx/dt = f(x, θ)</c> with fixed Δt, as an
/// <see cref="IDifferentiableStep"/> (Kutta 1901; Hairer, Nørsett &amp; Wanner, <i>Solving Ordinary
/// Differential Equations I</i>, 2nd ed., Springer 1993, §II.1):
/// <code>
///   k₁ = f(x),  k₂ = f(x + Δt/2 k₁),  k₃ = f(x + Δt/2 k₂),  k₄ = f(x + Δt k₃)
///   x[n+1] = x + Δt/6 (k₁ + 2k₂ + 2k₃ + k₄)
/// </code>
/// </summary>
/// <remarks>
/// <para>Tangent: the same recursion on <c>(x, δx)</c> pairs, <c>δk_s = f_x(x_s) δx_s + f_θ(x_s) δθ</c>
/// at the stage states <c>x_s</c>.</para>
/// <para>Adjoint (the RK4 recursion transposed, stages in reverse; the stage states are
/// recomputed from <c>x[n]</c>, Revolve's "taping" evaluation): with <c>λ' = λ[n+1]</c>,
/// <code>
///   k̄₄ = Δt/6 λ'                       x̄₄ = f_x(x₄)ᵀ k̄₄,  θ̄ += f_θ(x₄)ᵀ k̄₄
///   k̄₃ = Δt/3 λ' + Δt x̄₄              x̄₃ = f_x(x₃)ᵀ k̄₃,  θ̄ += f_θ(x₃)ᵀ k̄₃
///   k̄₂ = Δt/3 λ' + Δt/2 x̄₃            x̄₂ = f_x(x₂)ᵀ k̄₂,  θ̄ += f_θ(x₂)ᵀ k̄₂
///   k̄₁ = Δt/6 λ' + Δt/2 x̄₂            λ += λ' + x̄₄ + x̄₃ + x̄₂ + f_x(x)ᵀ k̄₁,  θ̄ += f_θ(x)ᵀ k̄₁
/// </code>
/// This is the exact transpose of the discrete step (discretise-then-differentiate), so the
/// dot-product identity holds to round-off: the discrete Runge–Kutta adjoint of Hager (2000,
/// Numer. Math. 87:247–282) and Sandu (2006, "On the properties of Runge–Kutta discrete adjoints",
/// LNCS 3994:550–557).</para>
/// <para>Cost: a forward step is 4 tendency evaluations; an adjoint step 3 evaluations (stage
/// states) + 4 tendency transposes, or only the 4 transposes from a tape (<see cref="ITapedStep"/>:
/// <see cref="ForwardTaped"/> records <c>x₂, x₃, x₄</c>, <c>3N</c> doubles, and
/// <see cref="AdjointTaped"/> reads them back). Work arrays (6 vectors of the state length) are
/// allocated once here, so one instance must not be used by two threads at the same time.</para>
/// </remarks>
/// <typeparam name="TTendency">The right-hand side.</typeparam>
public sealed class Rk4Step<TTendency> : ITapedStep where TTendency : IDifferentiableTendency
{
    private readonly double[] _stage, _k, _dStage, _dk, _stage2, _stage3;

    /// <summary>An RK4 step of <paramref name="tendency"/> with step <paramref name="timeStep"/> (model time units, &gt; 0).</summary>
    public Rk4Step(TTendency tendency, double timeStep)
    {
        ArgumentNullException.ThrowIfNull(tendency);
        if (!(timeStep > 0.0 && double.IsFinite(timeStep)))
            throw new ArgumentOutOfRangeException(nameof(timeStep), timeStep, "The time step must be positive and finite.");
        Tendency = tendency;
        TimeStep = timeStep;
        int n = tendency.StateLength;
        _stage = new double[n];
        _k = new double[n];
        _dStage = new double[n];
        _dk = new double[n];
        _stage2 = new double[n];
        _stage3 = new double[n];
    }

    /// <summary>The right-hand side f.</summary>
    public TTendency Tendency { get; }

    /// <summary>Δt, model time units.</summary>
    public double TimeStep { get; }

    /// <inheritdoc />
    public int StateLength => Tendency.StateLength;

    /// <inheritdoc />
    public int ParameterLength => Tendency.ParameterLength;

    /// <inheritdoc />
    public void Forward(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, Span<double> xNext)
    {
        var f = Tendency;
        double dt = TimeStep, half = 0.5 * dt;
        double[] stage = _stage, k = _k;
        x = x[..k.Length];
        xNext = xNext[..k.Length];
        f.Evaluate(x, theta, k);
        k.CopyTo(xNext);
        Axpy(x, half, k, stage);
        f.Evaluate(stage, theta, k);
        AddTwiceAndAxpy(xNext, x, half, k, stage);
        f.Evaluate(stage, theta, k);
        AddTwiceAndAxpy(xNext, x, dt, k, stage);
        f.Evaluate(stage, theta, k);
        double w = dt / 6.0;
        Combine(x, w, k, xNext);
    }

    /// <inheritdoc />
    public void Tangent(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> dx, ReadOnlySpan<double> dTheta, Span<double> dxNext)
    {
        var f = Tendency;
        double dt = TimeStep, half = 0.5 * dt;
        double[] stage = _stage, k = _k, dStage = _dStage, dk = _dk;
        f.Evaluate(x, theta, k);
        f.Tangent(x, theta, dx, dTheta, dk);
        for (int i = 0; i < k.Length; i++)
        {
            dxNext[i] = dk[i];
            stage[i] = x[i] + half * k[i];
            dStage[i] = dx[i] + half * dk[i];
        }
        f.Evaluate(stage, theta, k);
        f.Tangent(stage, theta, dStage, dTheta, dk);
        for (int i = 0; i < k.Length; i++)
        {
            dxNext[i] += 2.0 * dk[i];
            stage[i] = x[i] + half * k[i];
            dStage[i] = dx[i] + half * dk[i];
        }
        f.Evaluate(stage, theta, k);
        f.Tangent(stage, theta, dStage, dTheta, dk);
        for (int i = 0; i < k.Length; i++)
        {
            dxNext[i] += 2.0 * dk[i];
            stage[i] = x[i] + dt * k[i];
            dStage[i] = dx[i] + dt * dk[i];
        }
        f.Tangent(stage, theta, dStage, dTheta, dk);
        double w = dt / 6.0;
        for (int i = 0; i < k.Length; i++) dxNext[i] = dx[i] + w * (dxNext[i] + dk[i]);
    }

    /// <inheritdoc />
    public void Adjoint(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> lambdaNext, Span<double> lambda, Span<double> thetaBar)
    {
        var f = Tendency;
        double dt = TimeStep, half = 0.5 * dt;
        // Recompute the stage states x₂, x₃, x₄ from x[n], exactly as Forward computes them.
        double[] x2 = _stage2, x3 = _stage3, x4 = _stage, k = _k;
        x = x[..k.Length];
        f.Evaluate(x, theta, k);
        Axpy(x, half, k, x2);
        f.Evaluate(x2, theta, k);
        Axpy(x, half, k, x3);
        f.Evaluate(x3, theta, k);
        Axpy(x, dt, k, x4);
        ReverseSweep(x, x2, x3, x4, theta, lambdaNext, lambda, thetaBar);
    }

    /// <summary>Tape length: the three stage states <c>x₂, x₃, x₄</c>, <c>3N</c> doubles.</summary>
    public int TapeLength => 3 * StateLength;

    /// <summary>
    /// <see cref="Forward"/>, also recording the stage states <c>(x₂, x₃, x₄)</c> in <paramref name="tape"/>
    /// with streaming stores (<see cref="TapeStore.StreamCopy"/>); <paramref name="xNext"/> is bit-for-bit Forward's.
    /// </summary>
    public void ForwardTaped(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, Span<double> xNext, Span<double> tape)
    {
        var f = Tendency;
        double dt = TimeStep, half = 0.5 * dt;
        double[] stage = _stage, k = _k;
        int len = k.Length;
        if (tape.Length < 3 * len) throw new ArgumentException($"Tape has {tape.Length} doubles, needs {3 * len}.", nameof(tape));
        x = x[..len];
        xNext = xNext[..len];
        f.Evaluate(x, theta, k);
        k.CopyTo(xNext);
        Axpy(x, half, k, stage);
        TapeStore.StreamCopy(stage, tape[..len]);
        f.Evaluate(stage, theta, k);
        AddTwiceAndAxpy(xNext, x, half, k, stage);
        TapeStore.StreamCopy(stage, tape.Slice(len, len));
        f.Evaluate(stage, theta, k);
        AddTwiceAndAxpy(xNext, x, dt, k, stage);
        TapeStore.StreamCopy(stage, tape.Slice(2 * len, len));
        f.Evaluate(stage, theta, k);
        double w = dt / 6.0;
        Combine(x, w, k, xNext);
    }

    /// <summary>
    /// <see cref="Adjoint"/> with the stage states read from a tape <see cref="ForwardTaped"/> recorded
    /// at <c>(x, θ)</c> instead of recomputed: four tendency transposes and no evaluation; bit-for-bit
    /// Adjoint's result, because the recorded stages are bit-for-bit the recomputed ones.
    /// </summary>
    public void AdjointTaped(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, ReadOnlySpan<double> tape,
        ReadOnlySpan<double> lambdaNext, Span<double> lambda, Span<double> thetaBar)
    {
        int len = StateLength;
        if (tape.Length < 3 * len) throw new ArgumentException($"Tape has {tape.Length} doubles, needs {3 * len}.", nameof(tape));
        ReverseSweep(x[..len], tape[..len], tape.Slice(len, len), tape.Slice(2 * len, len), theta, lambdaNext, lambda, thetaBar);
    }

    // The RK4 recursion transposed, stages in reverse, at the stage states x, x₂, x₃, x₄. After the
    // first pass (λ += λ'; k̄₄ = Δt/6 λ'), each of the next three transposes also runs the sweep pass
    // that consumes its x̄_s: λ += x̄_s; k̄_{s−1} = p λ' + q x̄_s (IDifferentiableTendency.AdjointAndSweep),
    // with k̄ alternating between two buffers.
    private void ReverseSweep(ReadOnlySpan<double> x, ReadOnlySpan<double> x2, ReadOnlySpan<double> x3, ReadOnlySpan<double> x4,
        ReadOnlySpan<double> theta, ReadOnlySpan<double> lambdaNext, Span<double> lambda, Span<double> thetaBar)
    {
        var f = Tendency;
        double dt = TimeStep, half = 0.5 * dt, sixth = dt / 6.0, third = dt / 3.0;
        double[] kBar4 = _dk, kBar3 = _dStage, scratch = _k;
        lambdaNext = lambdaNext[..kBar4.Length];
        lambda = lambda[..kBar4.Length];
        FirstPass(lambda, lambdaNext, sixth, kBar4);
        f.AdjointAndSweep(x4, theta, kBar4, thetaBar, lambda, lambdaNext, third, dt, kBar3, scratch);
        double[] kBar2 = kBar4;
        f.AdjointAndSweep(x3, theta, kBar3, thetaBar, lambda, lambdaNext, third, half, kBar2, scratch);
        double[] kBar1 = kBar3;
        f.AdjointAndSweep(x2, theta, kBar2, thetaBar, lambda, lambdaNext, sixth, half, kBar1, scratch);
        f.Adjoint(x, theta, kBar1, lambda, thetaBar);
    }

    // Element-wise passes of the step, four lanes at a time with Vector256 and a scalar tail. Each
    // lane performs the same IEEE operations in the same order as the scalar expression in the
    // comment, so results are bit-identical to the plain loops.

    // s = x + a k
    private static void Axpy(ReadOnlySpan<double> x, double a, ReadOnlySpan<double> k, Span<double> s)
    {
        int n = k.Length, i = 0;
        x = x[..n]; s = s[..n];
        ref double rx = ref MemoryMarshal.GetReference(x), rk = ref MemoryMarshal.GetReference(k), rs = ref MemoryMarshal.GetReference(s);
        if (Vector256.IsHardwareAccelerated)
        {
            var va = Vector256.Create(a);
            for (; i + 4 <= n; i += 4)
                (Vector256.LoadUnsafe(ref rx, (nuint)i) + va * Vector256.LoadUnsafe(ref rk, (nuint)i)).StoreUnsafe(ref rs, (nuint)i);
        }
        for (; i < n; i++) s[i] = x[i] + a * k[i];
    }

    // acc += 2 k; s = x + a k
    private static void AddTwiceAndAxpy(Span<double> acc, ReadOnlySpan<double> x, double a, ReadOnlySpan<double> k, Span<double> s)
    {
        int n = k.Length, i = 0;
        acc = acc[..n]; x = x[..n]; s = s[..n];
        ref double racc = ref MemoryMarshal.GetReference(acc), rx = ref MemoryMarshal.GetReference(x);
        ref double rk = ref MemoryMarshal.GetReference(k), rs = ref MemoryMarshal.GetReference(s);
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> va = Vector256.Create(a), two = Vector256.Create(2.0);
            for (; i + 4 <= n; i += 4)
            {
                var kv = Vector256.LoadUnsafe(ref rk, (nuint)i);
                (Vector256.LoadUnsafe(ref racc, (nuint)i) + two * kv).StoreUnsafe(ref racc, (nuint)i);
                (Vector256.LoadUnsafe(ref rx, (nuint)i) + va * kv).StoreUnsafe(ref rs, (nuint)i);
            }
        }
        for (; i < n; i++) { acc[i] += 2.0 * k[i]; s[i] = x[i] + a * k[i]; }
    }

    // acc = x + w (acc + k)
    private static void Combine(ReadOnlySpan<double> x, double w, ReadOnlySpan<double> k, Span<double> acc)
    {
        int n = k.Length, i = 0;
        acc = acc[..n]; x = x[..n];
        ref double racc = ref MemoryMarshal.GetReference(acc), rx = ref MemoryMarshal.GetReference(x), rk = ref MemoryMarshal.GetReference(k);
        if (Vector256.IsHardwareAccelerated)
        {
            var vw = Vector256.Create(w);
            for (; i + 4 <= n; i += 4)
                (Vector256.LoadUnsafe(ref rx, (nuint)i) + vw * (Vector256.LoadUnsafe(ref racc, (nuint)i) + Vector256.LoadUnsafe(ref rk, (nuint)i)))
                    .StoreUnsafe(ref racc, (nuint)i);
        }
        for (; i < n; i++) acc[i] = x[i] + w * (acc[i] + k[i]);
    }

    // First pass of the reverse sweep: λ += λ'; k̄₄ = p λ'.
    private static void FirstPass(Span<double> lambda, ReadOnlySpan<double> lambdaNext, double p, Span<double> kBar)
    {
        int n = lambda.Length, i = 0;
        lambdaNext = lambdaNext[..n]; kBar = kBar[..n];
        ref double rl = ref MemoryMarshal.GetReference(lambda), rln = ref MemoryMarshal.GetReference(lambdaNext);
        ref double rkb = ref MemoryMarshal.GetReference(kBar);
        if (Vector256.IsHardwareAccelerated)
        {
            var vp = Vector256.Create(p);
            for (; i + 4 <= n; i += 4)
            {
                var ln = Vector256.LoadUnsafe(ref rln, (nuint)i);
                (Vector256.LoadUnsafe(ref rl, (nuint)i) + ln).StoreUnsafe(ref rl, (nuint)i);
                (vp * ln).StoreUnsafe(ref rkb, (nuint)i);
            }
        }
        for (; i < n; i++) { lambda[i] += lambdaNext[i]; kBar[i] = p * lambdaNext[i]; }
    }
}
