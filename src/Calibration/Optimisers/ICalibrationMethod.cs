using ClimateAD.Calibration.Objectives;

namespace ClimateAD.Calibration.Optimisers;

/// <summary>
/// An iterative calibration method (optimiser or ensemble method) written as a state machine:
/// <see cref="Start"/> makes the state at the first guess, <see cref="Iterate"/> maps the state
/// after iteration k to the state after k + 1, and depends on nothing else (no hidden state, no
/// unseeded randomness), so a run interrupted after any iteration resumes exactly from the saved
/// <see cref="IterationState"/>. <see cref="CalibrationRunner"/> drives it.
/// </summary>
public interface ICalibrationMethod
{
    /// <summary>Name as written in calibration files, e.g. <c>lbfgs</c>.</summary>
    string Name { get; }

    /// <summary>Most iterations <see cref="CalibrationRunner"/> runs.</summary>
    int MaxIterations { get; }

    /// <summary>Length of <see cref="IterationState.MethodState"/> for p free parameters.</summary>
    int StateLength(int parameterCount);

    /// <summary>The state at the first guess <paramref name="u0"/> (iteration 0).</summary>
    IterationState Start(CalibrationObjective objective, ReadOnlySpan<double> u0);

    /// <summary>One iteration from <paramref name="state"/>.</summary>
    IterationState Iterate(CalibrationObjective objective, IterationState state);
}
