namespace ClimateAD.Adjoint.Trajectories;

/// <summary>The cost and its gradient from one adjoint run, with the counts of what was executed.</summary>
/// <param name="Cost">The cost <c>J</c>.</param>
/// <param name="ParameterGradient"><c>dJ/dθ</c>.</param>
/// <param name="InitialStateGradient"><c>dJ/dx[0] = λ[0]</c>.</param>
/// <param name="FinalState">The final state <c>x[L]</c>.</param>
/// <param name="Counts">Executed actions and model calls; equal to <see cref="TrajectoryPlan.Predicted"/>.</param>
public sealed record GradientResult(
    double Cost, double[] ParameterGradient, double[] InitialStateGradient, double[] FinalState, ExecutionCounts Counts);
