using ClimateAD.Calibration.Objectives;

namespace ClimateAD.Calibration.Optimisers;

/// <summary>
/// Drives an <see cref="ICalibrationMethod"/>: starts it (or resumes it from a saved state),
/// iterates until it converges or reaches its iteration limit, and reports every state.
/// </summary>
public static class CalibrationRunner
{
    /// <summary>Runs <paramref name="method"/> on <paramref name="objective"/> from <paramref name="u0"/>.</summary>
    /// <param name="objective">The objective (its counters are reset to zero, or to the resumed state's counts).</param>
    /// <param name="method">The method.</param>
    /// <param name="u0">First guess in the unbounded space (ignored when resuming).</param>
    /// <param name="onIteration">Called with every state, including the start (not called again for resumed history).</param>
    /// <param name="resumeHistory">States of an interrupted run, in order; the run continues from the last.</param>
    public static CalibrationResult Run(CalibrationObjective objective, ICalibrationMethod method, ReadOnlySpan<double> u0,
        Action<IterationState>? onIteration = null, IReadOnlyList<IterationState>? resumeHistory = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(method);
        var history = new List<IterationState>();
        IterationState state;
        if (resumeHistory is { Count: > 0 })
        {
            history.AddRange(resumeHistory);
            state = resumeHistory[^1];
            if (state.MethodState.Length != method.StateLength(objective.ParameterCount))
                throw new ArgumentException($"The saved state has {state.MethodState.Length} values; {method.Name} needs {method.StateLength(objective.ParameterCount)}.");
            objective.RestoreCounts(state.Counts);
        }
        else
        {
            objective.RestoreCounts(new ModelRunCounts(0, 0, 0, objective.Problem.Steps));
            state = method.Start(objective, u0);
            history.Add(state);
            onIteration?.Invoke(state);
        }
        while (!state.Converged && !state.Stopped && state.Iteration < method.MaxIterations)
        {
            state = method.Iterate(objective, state);
            history.Add(state);
            onIteration?.Invoke(state);
        }
        var free = objective.Problem.Free.ToParameters(state.U);
        return new CalibrationResult(method.Name, history, free, objective.Problem.Free.Expand(free));
    }
}
