using ClimateAD.Physics.Forcing;

namespace ClimateAD.Physics.EnergyBalance;

/// <summary>
/// One run of the two-layer model (Held et al. 2010; Geoffroy et al. 2013a,b) through the steps
/// of a <see cref="ForcingBasis"/>:
/// <code>
///   F[n] = Σₖ θ[pₖ] Gₖ[n],   x[n+1] = step(x[n], F[n]),   x = (T, T₀), t in years
/// </code>
/// Call <see cref="Step"/> once per step (it allocates nothing and costs a few tens of
/// nanoseconds) or <see cref="Run"/> for all remaining steps. Each step returns its
/// <see cref="TwoLayerDiagnostics"/> at the step's end. Not thread-safe; one instance per run.
/// </summary>
public sealed class TwoLayerSimulation
{
    private readonly double[] _theta;
    private readonly TwoLayerStepper _stepper;
    private readonly TwoLayerState _initial;

    /// <summary>
    /// Prepares a run with parameter vector <paramref name="theta"/> (<see cref="TwoLayerParameterTable.All"/>
    /// order; copied) through <paramref name="forcing"/>, starting from <paramref name="initial"/>
    /// (default: rest) at the basis start time.
    /// </summary>
    public TwoLayerSimulation(ReadOnlySpan<double> theta, ForcingBasis forcing,
        TwoLayerIntegrator integrator = TwoLayerIntegrator.Exact, TwoLayerState initial = default)
    {
        ArgumentNullException.ThrowIfNull(forcing);
        if (theta.Length < forcing.RequiredParameterCount)
            throw new ArgumentException($"θ has {theta.Length} entries; the forcing needs {forcing.RequiredParameterCount}.", nameof(theta));
        Parameters = TwoLayerParameters.FromTheta(theta);
        _theta = theta.ToArray();
        Forcing = forcing;
        _stepper = new TwoLayerStepper(Parameters, forcing.TimeStep, integrator);
        _initial = initial;
        State = initial;
    }

    /// <summary>The physical parameters, θ[0..6).</summary>
    public TwoLayerParameters Parameters { get; }

    /// <summary>The full parameter vector θ (a copy of what was given).</summary>
    public ReadOnlySpan<double> Theta => _theta;

    /// <summary>The forcing the run steps through.</summary>
    public ForcingBasis Forcing { get; }

    /// <summary>The integrator.</summary>
    public TwoLayerIntegrator Integrator => _stepper.Integrator;

    /// <summary>Number of steps in the run.</summary>
    public int StepCount => Forcing.StepCount;

    /// <summary>Number of steps taken so far (the index of the next step).</summary>
    public int StepIndex { get; private set; }

    /// <summary>True when every step has been taken.</summary>
    public bool IsFinished => StepIndex >= StepCount;

    /// <summary>Current time, years: the start of step <see cref="StepIndex"/>.</summary>
    public double Time => Forcing.StepStart(StepIndex);

    /// <summary>Current state (T, T₀), K.</summary>
    public TwoLayerState State { get; private set; }

    /// <summary>
    /// Takes step n = <see cref="StepIndex"/>: evaluates F[n], advances the state and returns the
    /// diagnostics at the step's end. Throws <see cref="InvalidOperationException"/> when finished.
    /// </summary>
    public TwoLayerDiagnostics Step()
    {
        if (IsFinished) throw new InvalidOperationException($"The run has finished its {StepCount} steps.");
        int n = StepIndex;
        double f = Forcing.Evaluate(n, _theta);
        State = _stepper.Step(State, f);
        StepIndex = n + 1;
        return TwoLayerDiagnostics.Of(Parameters, Forcing.StepStart(n + 1), State, f);
    }

    /// <summary>Takes every remaining step; element i holds the diagnostics of step <see cref="StepIndex"/> + i.</summary>
    public TwoLayerDiagnostics[] Run()
    {
        var result = new TwoLayerDiagnostics[StepCount - StepIndex];
        for (int i = 0; i < result.Length; i++) result[i] = Step();
        return result;
    }

    /// <summary>Returns to step 0 and the initial state.</summary>
    public void Reset()
    {
        StepIndex = 0;
        State = _initial;
    }
}
