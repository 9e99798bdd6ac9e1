using ClimateAD.Adjoint;
using ClimateAD.Calibration.Transforms;

namespace ClimateAD.Calibration.Objectives;

/// <summary>
/// Everything that defines a calibration objective
/// <code>
///   J(φ) = ½ Σ_k (H_k(x[0..L]) − y_k)ᵀ R_k⁻¹ (H_k(x[0..L]) − y_k) + ½ (φ_S − θ_b)ᵀ B⁻¹ (φ_S − θ_b)
///   x[n+1] = M(x[n], θ(φ), n),   x[0] given,   θ(φ) = <see cref="FreeParameters.Expand(ReadOnlySpan{double})"/>
/// </code>
/// (DESIGN.md §3): the model step, its initial state and length, the observed variables (each an
/// <see cref="ClimateAD.Adjoint.Costs.ObservationTerm"/>), the free parameters and the optional prior.
/// Observation operators must be linear in the state (all of those in
/// <see cref="ClimateAD.Adjoint.Costs"/> are), because the tangent Jacobian applies them to δx.
/// </summary>
public sealed class CalibrationProblem
{
    /// <summary>Creates a problem.</summary>
    /// <param name="stepFactory">Makes a fresh model step; called once per thread that runs the model (each ensemble worker gets its own).</param>
    /// <param name="initialState">x[0] (copied).</param>
    /// <param name="steps">L, steps of one run (≥ 1).</param>
    /// <param name="observations">The observed variables (at least one).</param>
    /// <param name="free">The free parameters.</param>
    /// <param name="prior">The prior over free parameters, or <c>null</c> (flat within bounds).</param>
    public CalibrationProblem(Func<IDifferentiableStep> stepFactory, ReadOnlySpan<double> initialState, int steps,
        IReadOnlyList<ObservedVariable> observations, FreeParameters free, PriorTerm? prior = null)
    {
        ArgumentNullException.ThrowIfNull(stepFactory);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(free);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        if (observations.Count == 0) throw new ArgumentException("At least one observed variable is needed.", nameof(observations));
        var step = stepFactory();
        if (step.StateLength != initialState.Length)
            throw new ArgumentException($"x[0] has {initialState.Length} values; the step's state has {step.StateLength}.", nameof(initialState));
        if (step.ParameterLength != free.Table.Count)
            throw new ArgumentException($"The step has {step.ParameterLength} parameters; the table {free.Table.Count}.", nameof(free));
        if (prior is not null && prior.FreeIndices.Any(i => i < 0 || i >= free.Count))
            throw new ArgumentException("The prior refers to a free index out of range.", nameof(prior));
        StepFactory = stepFactory;
        InitialState = initialState.ToArray();
        Steps = steps;
        Observations = [.. observations];
        Free = free;
        Prior = prior;
        ObservationCount = Observations.Sum(o => o.Count);
    }

    /// <summary>Makes a fresh model step.</summary>
    public Func<IDifferentiableStep> StepFactory { get; }

    /// <summary>x[0].</summary>
    public IReadOnlyList<double> InitialState { get; }

    /// <summary>L, steps per run.</summary>
    public int Steps { get; }

    /// <summary>The observed variables, in the order their predictions are concatenated.</summary>
    public IReadOnlyList<ObservedVariable> Observations { get; }

    /// <summary>m, total number of observations over all variables.</summary>
    public int ObservationCount { get; }

    /// <summary>The free parameters.</summary>
    public FreeParameters Free { get; }

    /// <summary>The prior, or <c>null</c>.</summary>
    public PriorTerm? Prior { get; }

    /// <summary>The same problem with other observations (same operators and covariances), e.g. another noise realisation.</summary>
    public CalibrationProblem WithObservations(IReadOnlyList<ObservedVariable> observations) =>
        new(StepFactory, InitialState.ToArray(), Steps, observations, Free, Prior);

    /// <summary>The same problem with another free-parameter selection or prior.</summary>
    public CalibrationProblem WithFree(FreeParameters free, PriorTerm? prior) =>
        new(StepFactory, InitialState.ToArray(), Steps, Observations, free, prior);
}
