using ClimateAD.Adjoint;
using ClimateAD.Physics.Forcing;

namespace ClimateAD.Physics.EnergyBalance;

/// <summary>
/// One step of the two-layer model as an <see cref="IDifferentiableStep"/>: state x = (T, T₀) (K),
/// parameters θ in <see cref="TwoLayerParameterTable.All"/> order (six physical parameters, then
/// the forcing scales), forcing F[n] = Σₖ θ[pₖ] Gₖ[n] from a <see cref="ForcingBasis"/>:
/// <code>
///   x[n+1] = M(x[n], θ, n),   M = exact (Φx + ΓF), rk4 or euler on dx/dt = A(θ)x + b(θ)F
/// </code>
/// <see cref="Forward"/> calls <see cref="TwoLayerStepper.Step"/> with F from
/// <see cref="ForcingBasis.Evaluate(int, ReadOnlySpan{double})"/>, so it is bit-for-bit the step of
/// <see cref="TwoLayerSimulation"/>.
/// </summary>
/// <remarks>
/// <para><b>Exact.</b> The map is linear in x and F, so M_x = Φ and
/// <code>
///   tangent: δx[n+1] = Φ δx + Γ δF + Σⱼ δθⱼ (∂Φ/∂θⱼ x + ∂Γ/∂θⱼ F),   δF = Σₖ δθ[pₖ] Gₖ[n]
///   adjoint: λ += Φᵀλ',   F̄ = Γᵀλ',   θ̄ⱼ += λ'ᵀ(∂Φ/∂θⱼ x + ∂Γ/∂θⱼ F),   θ̄[pₖ] += Gₖ[n] F̄
/// </code>
/// with j over the physical parameters and ∂Φ/∂θⱼ, ∂Γ/∂θⱼ from <see cref="TwoLayerPropagatorDerivatives"/>.</para>
/// <para><b>rk4 / euler.</b> Stage-by-stage differentiation of the stepper (the discrete adjoint,
/// Sandu 2006, "On the properties of Runge–Kutta discrete adjoints", ICCS 2006, Lecture Notes in Computer Science 3994): the tangent propagates (δyᵢ, δkᵢ)
/// through the stages with <see cref="TwoLayerTendencyDerivatives.Tangent"/>; the adjoint recomputes
/// the stage states yᵢ from x[n] and runs the stages backwards,
/// k̄ᵢ = bᵢΔt λ' + Σ_(j&gt;i) aⱼᵢΔt ȳⱼ, ȳᵢ = (∂f/∂y)ᵀk̄ᵢ, λ += λ' + Σᵢ ȳᵢ, with the parameter and
/// forcing cotangents from <see cref="TwoLayerTendencyDerivatives.Adjoint"/>.</para>
/// <para><b>Per-θ work.</b> Φ, Γ, their derivatives and the stepper are built once per physical
/// parameter vector and cached in an immutable object swapped atomically; a call with the same
/// θ[0..6) as the previous one allocates nothing. The class is safe for concurrent use.</para>
/// </remarks>
public sealed class TwoLayerDifferentiableStep : IDifferentiableStep
{
    private readonly ForcingBasis _forcing;
    private Linearisation? _cache;

    /// <summary>A differentiable step through <paramref name="forcing"/> with <paramref name="integrator"/>.</summary>
    /// <param name="forcing">The forcing basis; its time step is Δt and its coefficients must lie within θ.</param>
    /// <param name="integrator">The integrator (as in <see cref="TwoLayerStepper"/>).</param>
    public TwoLayerDifferentiableStep(ForcingBasis forcing, TwoLayerIntegrator integrator = TwoLayerIntegrator.Exact)
    {
        ArgumentNullException.ThrowIfNull(forcing);
        if (!Enum.IsDefined(integrator))
            throw new ArgumentOutOfRangeException(nameof(integrator), integrator, "Unknown two-layer integrator.");
        if (forcing.RequiredParameterCount > TwoLayerParameterTable.All.Count)
            throw new ArgumentException($"The forcing needs {forcing.RequiredParameterCount} parameters; θ has {TwoLayerParameterTable.All.Count}.", nameof(forcing));
        _forcing = forcing;
        Integrator = integrator;
    }

    /// <summary>The forcing basis.</summary>
    public ForcingBasis Forcing => _forcing;

    /// <summary>The integrator.</summary>
    public TwoLayerIntegrator Integrator { get; }

    /// <summary>Δt, years (the forcing basis time step).</summary>
    public double TimeStep => _forcing.TimeStep;

    /// <summary>2: (T, T₀).</summary>
    public int StateLength => 2;

    /// <summary><see cref="TwoLayerParameterTable.All"/>.Count (14).</summary>
    public int ParameterLength => TwoLayerParameterTable.All.Count;

    /// <inheritdoc />
    public void Forward(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, Span<double> xNext)
    {
        var lin = For(theta);
        double f = _forcing.Evaluate(n, theta);
        var next = lin.Stepper.Step(new TwoLayerState(x[0], x[1]), f);
        xNext[0] = next.Temperature;
        xNext[1] = next.DeepTemperature;
    }

    /// <inheritdoc />
    public void Tangent(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> dx, ReadOnlySpan<double> dTheta, Span<double> dxNext)
    {
        var lin = For(theta);
        double f = _forcing.Evaluate(n, theta);
        double df = ForcingTangent(n, dTheta);
        var state = new TwoLayerState(x[0], x[1]);
        var dState = new TwoLayerState(dx[0], dx[1]);
        TwoLayerState result = Integrator switch
        {
            TwoLayerIntegrator.Exact => ExactTangent(lin, state, f, dState, dTheta, df),
            TwoLayerIntegrator.Rk4 => Rk4Tangent(lin, state, f, dState, dTheta, df),
            _ => EulerTangent(lin, state, f, dState, dTheta, df),
        };
        dxNext[0] = result.Temperature;
        dxNext[1] = result.DeepTemperature;
    }

    /// <inheritdoc />
    public void Adjoint(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> lambdaNext, Span<double> lambda, Span<double> thetaBar) =>
        Adjoint(n, x, theta, lambdaNext, lambda, thetaBar, out _);

    /// <summary>
    /// Adjoint (VJP) as in <see cref="IDifferentiableStep.Adjoint"/>, also returning the cotangent
    /// of the step's forcing F̄[n] = (∂x[n+1]/∂F[n])ᵀ λ[n+1] (for the exact integrator Γᵀλ[n+1]),
    /// which is dJ/dF[n] when <paramref name="lambdaNext"/> is λ[n+1] = dJ/dx[n+1]. Units: cost per W m⁻².
    /// </summary>
    public void Adjoint(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> lambdaNext, Span<double> lambda, Span<double> thetaBar, out double forcingBar)
    {
        var lin = For(theta);
        double f = _forcing.Evaluate(n, theta);
        var state = new TwoLayerState(x[0], x[1]);
        var bar = new TwoLayerState(lambdaNext[0], lambdaNext[1]);
        var xBar = default(TwoLayerState);
        forcingBar = 0.0;
        switch (Integrator)
        {
            case TwoLayerIntegrator.Exact: ExactAdjoint(lin, state, f, bar, ref xBar, thetaBar, ref forcingBar); break;
            case TwoLayerIntegrator.Rk4: Rk4Adjoint(lin, state, f, bar, ref xBar, thetaBar, ref forcingBar); break;
            default: EulerAdjoint(lin, state, f, bar, ref xBar, thetaBar, ref forcingBar); break;
        }
        lambda[0] += xBar.Temperature;
        lambda[1] += xBar.DeepTemperature;
        var g = _forcing.StepValues(n);
        var p = _forcing.ParameterIndices;
        for (int k = 0; k < g.Length; k++) thetaBar[p[k]] += g[k] * forcingBar;
    }

    // δF = Σₖ δθ[pₖ] Gₖ[n].
    private double ForcingTangent(int n, ReadOnlySpan<double> dTheta)
    {
        var g = _forcing.StepValues(n);
        var p = _forcing.ParameterIndices;
        double df = 0.0;
        for (int k = 0; k < g.Length; k++) df += dTheta[p[k]] * g[k];
        return df;
    }

    private static TwoLayerState ExactTangent(Linearisation lin, TwoLayerState x, double f,
        TwoLayerState dx, ReadOnlySpan<double> dTheta, double df)
    {
        var e = lin.Exact;
        double r1 = e.Transition11 * dx.Temperature + e.Transition12 * dx.DeepTemperature + e.Input1 * df;
        double r2 = e.Transition21 * dx.Temperature + e.Transition22 * dx.DeepTemperature + e.Input2 * df;
        for (int j = 1; j < TwoLayerParameters.Count; j++)
        {
            var d = lin.Derivatives!.Of(j);
            r1 += dTheta[j] * (d[0] * x.Temperature + d[1] * x.DeepTemperature + d[4] * f);
            r2 += dTheta[j] * (d[2] * x.Temperature + d[3] * x.DeepTemperature + d[5] * f);
        }
        return new TwoLayerState(r1, r2);
    }

    private static void ExactAdjoint(Linearisation lin, TwoLayerState x, double f, TwoLayerState bar,
        ref TwoLayerState xBar, Span<double> thetaBar, ref double forcingBar)
    {
        var e = lin.Exact;
        double b1 = bar.Temperature, b2 = bar.DeepTemperature;
        xBar = new TwoLayerState(
            xBar.Temperature + e.Transition11 * b1 + e.Transition21 * b2,
            xBar.DeepTemperature + e.Transition12 * b1 + e.Transition22 * b2);
        forcingBar += e.Input1 * b1 + e.Input2 * b2;
        for (int j = 1; j < TwoLayerParameters.Count; j++)
        {
            var d = lin.Derivatives!.Of(j);
            thetaBar[j] += b1 * (d[0] * x.Temperature + d[1] * x.DeepTemperature + d[4] * f)
                         + b2 * (d[2] * x.Temperature + d[3] * x.DeepTemperature + d[5] * f);
        }
    }

    private TwoLayerState EulerTangent(Linearisation lin, TwoLayerState x, double f,
        TwoLayerState dx, ReadOnlySpan<double> dTheta, double df)
    {
        var dk = TwoLayerTendencyDerivatives.Tangent(lin.Parameters, x, f, dx, dTheta, df);
        return Axpy(dx, TimeStep, dk);
    }

    private void EulerAdjoint(Linearisation lin, TwoLayerState x, double f, TwoLayerState bar,
        ref TwoLayerState xBar, Span<double> thetaBar, ref double forcingBar)
    {
        xBar = new TwoLayerState(xBar.Temperature + bar.Temperature, xBar.DeepTemperature + bar.DeepTemperature);
        TwoLayerTendencyDerivatives.Adjoint(lin.Parameters, x, f, Scale(TimeStep, bar), ref xBar, thetaBar, ref forcingBar);
    }

    private TwoLayerState Rk4Tangent(Linearisation lin, TwoLayerState x, double f,
        TwoLayerState dx, ReadOnlySpan<double> dTheta, double df)
    {
        var p = lin.Parameters;
        double h = TimeStep;
        var k1 = TwoLayerTendency.Evaluate(p, x, f);
        var dk1 = TwoLayerTendencyDerivatives.Tangent(p, x, f, dx, dTheta, df);
        var y2 = Axpy(x, 0.5 * h, k1);
        var k2 = TwoLayerTendency.Evaluate(p, y2, f);
        var dk2 = TwoLayerTendencyDerivatives.Tangent(p, y2, f, Axpy(dx, 0.5 * h, dk1), dTheta, df);
        var y3 = Axpy(x, 0.5 * h, k2);
        var k3 = TwoLayerTendency.Evaluate(p, y3, f);
        var dk3 = TwoLayerTendencyDerivatives.Tangent(p, y3, f, Axpy(dx, 0.5 * h, dk2), dTheta, df);
        var y4 = Axpy(x, h, k3);
        var dk4 = TwoLayerTendencyDerivatives.Tangent(p, y4, f, Axpy(dx, h, dk3), dTheta, df);
        double w = h / 6.0;
        return new TwoLayerState(
            dx.Temperature + w * (dk1.Temperature + 2.0 * dk2.Temperature + 2.0 * dk3.Temperature + dk4.Temperature),
            dx.DeepTemperature + w * (dk1.DeepTemperature + 2.0 * dk2.DeepTemperature + 2.0 * dk3.DeepTemperature + dk4.DeepTemperature));
    }

    private void Rk4Adjoint(Linearisation lin, TwoLayerState x, double f, TwoLayerState bar,
        ref TwoLayerState xBar, Span<double> thetaBar, ref double forcingBar)
    {
        var p = lin.Parameters;
        double h = TimeStep;
        // Recompute the stage states (the "taping" forward evaluation).
        var k1 = TwoLayerTendency.Evaluate(p, x, f);
        var y2 = Axpy(x, 0.5 * h, k1);
        var k2 = TwoLayerTendency.Evaluate(p, y2, f);
        var y3 = Axpy(x, 0.5 * h, k2);
        var k3 = TwoLayerTendency.Evaluate(p, y3, f);
        var y4 = Axpy(x, h, k3);

        // x' = x + h/6 (k1 + 2k2 + 2k3 + k4), reversed.
        var acc = new TwoLayerState(xBar.Temperature + bar.Temperature, xBar.DeepTemperature + bar.DeepTemperature);
        var kBar4 = Scale(h / 6.0, bar);
        var kBar3 = Scale(h / 3.0, bar);
        var kBar2 = Scale(h / 3.0, bar);
        var kBar1 = Scale(h / 6.0, bar);

        var yBar = default(TwoLayerState);
        TwoLayerTendencyDerivatives.Adjoint(p, y4, f, kBar4, ref yBar, thetaBar, ref forcingBar); // y4 = x + h k3
        acc = Add(acc, yBar);
        kBar3 = Axpy(kBar3, h, yBar);

        yBar = default;
        TwoLayerTendencyDerivatives.Adjoint(p, y3, f, kBar3, ref yBar, thetaBar, ref forcingBar); // y3 = x + h/2 k2
        acc = Add(acc, yBar);
        kBar2 = Axpy(kBar2, 0.5 * h, yBar);

        yBar = default;
        TwoLayerTendencyDerivatives.Adjoint(p, y2, f, kBar2, ref yBar, thetaBar, ref forcingBar); // y2 = x + h/2 k1
        acc = Add(acc, yBar);
        kBar1 = Axpy(kBar1, 0.5 * h, yBar);

        TwoLayerTendencyDerivatives.Adjoint(p, x, f, kBar1, ref acc, thetaBar, ref forcingBar);  // y1 = x
        xBar = acc;
    }

    private static TwoLayerState Axpy(TwoLayerState x, double a, TwoLayerState k) =>
        new(x.Temperature + a * k.Temperature, x.DeepTemperature + a * k.DeepTemperature);

    private static TwoLayerState Add(TwoLayerState a, TwoLayerState b) =>
        new(a.Temperature + b.Temperature, a.DeepTemperature + b.DeepTemperature);

    private static TwoLayerState Scale(double a, TwoLayerState x) => new(a * x.Temperature, a * x.DeepTemperature);

    // The per-θ quantities, rebuilt only when θ[0..6) changes.
    private Linearisation For(ReadOnlySpan<double> theta)
    {
        if (theta.Length != ParameterLength)
            throw new ArgumentException($"θ has {theta.Length} entries; the two-layer step needs {ParameterLength}.", nameof(theta));
        var cached = Volatile.Read(ref _cache);
        if (cached is not null && cached.Matches(theta)) return cached;
        var fresh = new Linearisation(theta, TimeStep, Integrator);
        Volatile.Write(ref _cache, fresh);
        return fresh;
    }

    private sealed class Linearisation
    {
        private readonly double[] _key;

        public Linearisation(ReadOnlySpan<double> theta, double timeStep, TwoLayerIntegrator integrator)
        {
            _key = theta[..TwoLayerParameters.Count].ToArray();
            Parameters = TwoLayerParameters.FromTheta(theta);
            Stepper = new TwoLayerStepper(Parameters, timeStep, integrator);
            if (integrator == TwoLayerIntegrator.Exact)
            {
                Exact = new TwoLayerExactPropagator(Parameters, timeStep);
                Derivatives = new TwoLayerPropagatorDerivatives(Parameters, timeStep);
            }
        }

        public TwoLayerParameters Parameters { get; }
        public TwoLayerStepper Stepper { get; }
        public TwoLayerExactPropagator Exact { get; }
        public TwoLayerPropagatorDerivatives? Derivatives { get; }

        public bool Matches(ReadOnlySpan<double> theta)
        {
            for (int i = 0; i < _key.Length; i++)
                if (BitConverter.DoubleToInt64Bits(theta[i]) != BitConverter.DoubleToInt64Bits(_key[i])) return false;
            return true;
        }
    }
}
