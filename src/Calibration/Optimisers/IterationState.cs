using ClimateAD.Calibration.Objectives;

namespace ClimateAD.Calibration.Optimisers;

/// <summary>
/// Where a calibration method stands after an iteration: everything needed to continue exactly
/// (<see cref="U"/>, <see cref="MethodState"/>, <see cref="Counts"/>), so a calibration log that
/// stores these can be resumed bit for bit, plus what progress lines and plots show.
/// </summary>
/// <param name="Iteration">Iterations completed (0 after <see cref="ICalibrationMethod.Start"/>).</param>
/// <param name="U">Current point in the unbounded space (for ensemble methods: the ensemble mean).</param>
/// <param name="Cost">J at <see cref="U"/>.</param>
/// <param name="GradientNorm">‖∇_u J‖₂ at <see cref="U"/>; NaN for derivative-free methods.</param>
/// <param name="MethodState">The method's own state (length <see cref="ICalibrationMethod.StateLength"/>), e.g. L-BFGS pairs or the ensemble.</param>
/// <param name="Counts">Cumulative model work up to and including this iteration.</param>
/// <param name="Converged">True when the method's stopping test is met.</param>
/// <param name="Status">One word or phrase: <c>start</c>, <c>accepted</c>, <c>converged: …</c>, …</param>
public sealed record IterationState(
    int Iteration,
    double[] U,
    double Cost,
    double GradientNorm,
    double[] MethodState,
    ModelRunCounts Counts,
    bool Converged,
    string Status)
{
    /// <summary>True when the method cannot make progress (e.g. a line search found no decrease); the run ends unconverged.</summary>
    public bool Stopped { get; init; }

    /// <summary>The linearisation at <see cref="U"/> when the method computed one (not saved in logs).</summary>
    public Linearisation? Linearisation { get; init; }
}
