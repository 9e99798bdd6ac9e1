namespace ClimateAD.Physics.EnergyBalance;

/// <summary>
/// Advances the two-layer state over one step Δt (years) with the forcing F (W m⁻²) held
/// constant over the step, by the chosen <see cref="TwoLayerIntegrator"/>:
/// <code>
///   exact:  x[n+1] = Φ x[n] + Γ F[n]                                 (<see cref="TwoLayerExactPropagator"/>)
///   rk4:    k₁ = f(xₙ), k₂ = f(xₙ + Δt k₁/2), k₃ = f(xₙ + Δt k₂/2), k₄ = f(xₙ + Δt k₃),
///           x[n+1] = xₙ + Δt(k₁ + 2k₂ + 2k₃ + k₄)/6
///   euler:  x[n+1] = xₙ + Δt f(xₙ)
/// </code>
/// with f the tendency of <see cref="TwoLayerTendency"/>. A small immutable value: build it once
/// per (parameters, Δt) and call <see cref="Step"/> as often as needed; a step allocates nothing.
/// </summary>
public readonly record struct TwoLayerStepper
{
    private readonly TwoLayerExactPropagator _exact;

    /// <summary>Prepares stepping with <paramref name="integrator"/> at step <paramref name="timeStep"/> (years, &gt; 0).</summary>
    public TwoLayerStepper(in TwoLayerParameters parameters, double timeStep, TwoLayerIntegrator integrator)
    {
        if (!(timeStep > 0.0 && double.IsFinite(timeStep)))
            throw new ArgumentOutOfRangeException(nameof(timeStep), timeStep, "The time step must be positive and finite.");
        if (!Enum.IsDefined(integrator))
            throw new ArgumentOutOfRangeException(nameof(integrator), integrator, "Unknown two-layer integrator.");
        Parameters = parameters.Validated();
        TimeStep = timeStep;
        Integrator = integrator;
        _exact = integrator == TwoLayerIntegrator.Exact ? new TwoLayerExactPropagator(parameters, timeStep) : default;
    }

    /// <summary>The parameters.</summary>
    public TwoLayerParameters Parameters { get; }

    /// <summary>Δt, years.</summary>
    public double TimeStep { get; }

    /// <summary>The integrator.</summary>
    public TwoLayerIntegrator Integrator { get; }

    /// <summary>The state one step after <paramref name="state"/> under constant forcing <paramref name="forcing"/> (W m⁻²).</summary>
    public TwoLayerState Step(TwoLayerState state, double forcing) => Integrator switch
    {
        TwoLayerIntegrator.Exact => _exact.Apply(state, forcing),
        TwoLayerIntegrator.Rk4 => StepRk4(state, forcing),
        _ => StepEuler(state, forcing),
    };

    private TwoLayerState StepEuler(TwoLayerState x, double forcing)
    {
        var k = TwoLayerTendency.Evaluate(Parameters, x, forcing);
        return Axpy(x, TimeStep, k);
    }

    private TwoLayerState StepRk4(TwoLayerState x, double forcing)
    {
        double h = TimeStep;
        var k1 = TwoLayerTendency.Evaluate(Parameters, x, forcing);
        var k2 = TwoLayerTendency.Evaluate(Parameters, Axpy(x, 0.5 * h, k1), forcing);
        var k3 = TwoLayerTendency.Evaluate(Parameters, Axpy(x, 0.5 * h, k2), forcing);
        var k4 = TwoLayerTendency.Evaluate(Parameters, Axpy(x, h, k3), forcing);
        double w = h / 6.0;
        return new TwoLayerState(
            x.Temperature + w * (k1.Temperature + 2.0 * k2.Temperature + 2.0 * k3.Temperature + k4.Temperature),
            x.DeepTemperature + w * (k1.DeepTemperature + 2.0 * k2.DeepTemperature + 2.0 * k3.DeepTemperature + k4.DeepTemperature));
    }

    private static TwoLayerState Axpy(TwoLayerState x, double a, TwoLayerState k) =>
        new(x.Temperature + a * k.Temperature, x.DeepTemperature + a * k.DeepTemperature);
}
