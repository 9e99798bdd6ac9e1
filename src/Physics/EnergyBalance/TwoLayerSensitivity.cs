using ClimateAD.Physics.Forcing;

namespace ClimateAD.Physics.EnergyBalance;

/// <summary>
/// Adjoint sensitivities of a two-layer run: a scalar diagnostic J and its exact gradients with
/// respect to all parameters θ, the forcing series F[n] and the initial state, from one forward
/// and one reverse sweep of <see cref="TwoLayerDifferentiableStep"/> (store-all; the state is two
/// numbers per step).
/// </summary>
/// <remarks>
/// <para>Diagnostic: the mean upper-layer temperature over calendar years y₀..y₁ (inclusive),
/// taken as the mean of the step-end temperatures of the steps that lie in those years:
/// <code>
///   J = (1/M) Σ_(n = n₀..n₁) T[n+1],   n₀ = first step starting at or after y₀,
///                                        n₁ = last step ending at or before y₁ + 1,   M = n₁ − n₀ + 1
/// </code>
/// (for annual steps from t₀, T[n+1] is the temperature at the end of year t₀ + n).</para>
/// <para>Adjoint (Errico 1997, Bull. Amer. Meteor. Soc. 78, 2577–2591): λ[n₁+1] = e_T/M;
/// λ[n] = M_xᵀ λ[n+1] + e_T/M·[n₀ ≤ n−1]; dJ/dθ = Σₙ M_θᵀ λ[n+1]; and since F[n] enters the
/// step linearly, dJ/dF[n] = (∂x[n+1]/∂F[n])ᵀ λ[n+1] = Γᵀλ[n+1] for the exact integrator. The
/// forcing-scale entries of dJ/dθ are Σₙ Gₖ[n] dJ/dF[n].</para>
/// </remarks>
public static class TwoLayerSensitivity
{
    /// <summary>
    /// J = mean of T over years <paramref name="firstYear"/>..<paramref name="lastYear"/> (inclusive;
    /// the same calendar as <see cref="ForcingBasis.StartTime"/>) and its gradients.
    /// </summary>
    /// <param name="theta">θ in <see cref="TwoLayerParameterTable.All"/> order (14 values).</param>
    /// <param name="forcing">The forcing basis (defines Δt, t₀ and F[n]).</param>
    /// <param name="integrator">The integrator.</param>
    /// <param name="firstYear">y₀, first year averaged.</param>
    /// <param name="lastYear">y₁, last year averaged (inclusive).</param>
    /// <param name="initial">x[0] (default: rest).</param>
    public static TwoLayerSensitivityResult MeanTemperature(ReadOnlySpan<double> theta, ForcingBasis forcing,
        TwoLayerIntegrator integrator, int firstYear, int lastYear, TwoLayerState initial = default)
    {
        var (first, last) = StepWindow(forcing, firstYear, lastYear);
        return MeanTemperatureOverSteps(theta, forcing, integrator, first, last, initial);
    }

    /// <summary>
    /// Steps n₀..n₁ whose end states are averaged for years <paramref name="firstYear"/>..<paramref name="lastYear"/>:
    /// n₀ = ⌈(y₀ − t₀)/Δt⌉, n₁ = ⌊(y₁ + 1 − t₀)/Δt⌋ − 1 (with a 10⁻⁹ tolerance for round-off in t₀ + nΔt).
    /// Throws <see cref="ArgumentOutOfRangeException"/> if the years hold no whole step of the basis.
    /// </summary>
    public static (int FirstStep, int LastStep) StepWindow(ForcingBasis forcing, int firstYear, int lastYear)
    {
        ArgumentNullException.ThrowIfNull(forcing);
        double dt = forcing.TimeStep;
        int first = (int)Math.Ceiling((firstYear - forcing.StartTime) / dt - 1e-9);
        int last = (int)Math.Floor((lastYear + 1.0 - forcing.StartTime) / dt + 1e-9) - 1;
        first = Math.Max(first, 0);
        if (last >= forcing.StepCount || first > last)
            throw new ArgumentOutOfRangeException(nameof(lastYear),
                $"Years {firstYear}-{lastYear} do not hold whole steps of {forcing.Source} ({forcing.StartTime}-{forcing.StepStart(forcing.StepCount)}).");
        return (first, last);
    }

    /// <summary>
    /// J = (1/M) Σ_(n = <paramref name="firstStep"/>..<paramref name="lastStep"/>) T[n+1] and its gradients;
    /// the run stops after step <paramref name="lastStep"/>.
    /// </summary>
    /// <param name="theta">θ in <see cref="TwoLayerParameterTable.All"/> order (14 values).</param>
    /// <param name="forcing">The forcing basis.</param>
    /// <param name="integrator">The integrator.</param>
    /// <param name="firstStep">n₀ ≥ 0.</param>
    /// <param name="lastStep">n₁, n₀ ≤ n₁ &lt; number of steps of <paramref name="forcing"/>.</param>
    /// <param name="initial">x[0] (default: rest).</param>
    public static TwoLayerSensitivityResult MeanTemperatureOverSteps(ReadOnlySpan<double> theta, ForcingBasis forcing,
        TwoLayerIntegrator integrator, int firstStep, int lastStep, TwoLayerState initial = default)
    {
        ArgumentNullException.ThrowIfNull(forcing);
        ArgumentOutOfRangeException.ThrowIfNegative(firstStep);
        ArgumentOutOfRangeException.ThrowIfLessThan(lastStep, firstStep);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(lastStep, forcing.StepCount);
        var step = new TwoLayerDifferentiableStep(forcing, integrator);
        if (theta.Length != step.ParameterLength)
            throw new ArgumentException($"θ has {theta.Length} entries; the two-layer model needs {step.ParameterLength}.", nameof(theta));

        int steps = lastStep + 1;
        double weight = 1.0 / (lastStep - firstStep + 1);
        var states = new double[2 * (steps + 1)];
        states[0] = initial.Temperature;
        states[1] = initial.DeepTemperature;
        double sum = 0.0;
        for (int n = 0; n < steps; n++)
        {
            step.Forward(n, states.AsSpan(2 * n, 2), theta, states.AsSpan(2 * n + 2, 2));
            if (n >= firstStep) sum += states[2 * n + 2];
        }

        var thetaBar = new double[step.ParameterLength];
        var forcingBar = new double[forcing.StepCount];
        double[] lambdaNext = [weight, 0.0], lambda = new double[2];
        for (int n = steps - 1; n >= 0; n--)
        {
            Array.Clear(lambda);
            step.Adjoint(n, states.AsSpan(2 * n, 2), theta, lambdaNext, lambda, thetaBar, out forcingBar[n]);
            if (n - 1 >= firstStep) lambda[0] += weight; // x[n] is the end state of averaged step n − 1
            (lambda, lambdaNext) = (lambdaNext, lambda);
        }
        return new TwoLayerSensitivityResult(sum * weight, thetaBar, forcingBar, lambdaNext, firstStep, lastStep);
    }
}
