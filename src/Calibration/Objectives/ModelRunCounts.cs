namespace ClimateAD.Calibration.Objectives;

/// <summary>
/// Model work done by a calibration, counted in step calls of the model:
/// <see cref="ForwardSteps"/> (calls of <c>Forward</c>), <see cref="TangentSteps"/> (calls of
/// <c>Tangent</c>, one per direction) and <see cref="AdjointSteps"/> (calls of <c>Adjoint</c>).
/// One forward-equivalent model run is <see cref="StepsPerRun"/> step calls of any kind:
/// <code>
///   runs = (forward + tangent + adjoint steps) / L
/// </code>
/// so a gradient by the adjoint (one forward and one reverse sweep) counts 2 runs, a Jacobian of p
/// columns by the tangent model p runs on top of its forward sweep, and an ensemble of M members M
/// runs. This charges a tangent or adjoint step like a forward step; for the two-layer EBM with the
/// exact integrator an adjoint step costs about 2–3 forward steps in time (docs/calibration.md).
/// </summary>
/// <param name="ForwardSteps">Calls of <c>Forward</c>.</param>
/// <param name="TangentSteps">Calls of <c>Tangent</c>.</param>
/// <param name="AdjointSteps">Calls of <c>Adjoint</c>.</param>
/// <param name="StepsPerRun">Steps L of one model run.</param>
public readonly record struct ModelRunCounts(long ForwardSteps, long TangentSteps, long AdjointSteps, int StepsPerRun)
{
    /// <summary>(forward + tangent + adjoint steps) / L.</summary>
    public double ForwardEquivalentRuns =>
        StepsPerRun > 0 ? (double)(ForwardSteps + TangentSteps + AdjointSteps) / StepsPerRun : 0.0;

    /// <summary>Forward steps / L: the forward runs alone.</summary>
    public double ForwardRuns => StepsPerRun > 0 ? (double)ForwardSteps / StepsPerRun : 0.0;

    /// <summary>The work done since <paramref name="earlier"/>.</summary>
    public ModelRunCounts Since(ModelRunCounts earlier) =>
        new(ForwardSteps - earlier.ForwardSteps, TangentSteps - earlier.TangentSteps, AdjointSteps - earlier.AdjointSteps, StepsPerRun);
}
