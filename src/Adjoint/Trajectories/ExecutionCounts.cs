using ClimateAD.Adjoint.Checkpointing;

namespace ClimateAD.Adjoint.Trajectories;

/// <summary>
/// What a gradient run did (or, from <see cref="TrajectoryPlan.Predicted"/>, will do).
/// </summary>
/// <param name="Actions">Advance steps, reverse steps, slots used and snapshot traffic.</param>
/// <param name="ForwardCalls">Calls of <see cref="IDifferentiableStep.Forward"/> or <see cref="ITapedStep.ForwardTaped"/>: advance and tape steps + 1 (the final state <c>x[l]</c>).</param>
/// <param name="AdjointCalls">Calls of <see cref="IDifferentiableStep.Adjoint"/> or <see cref="ITapedStep.AdjointTaped"/>: one per reverse step (how many read a tape is <see cref="ScheduleCounts.TapeReads"/>).</param>
public readonly record struct ExecutionCounts(ScheduleCounts Actions, long ForwardCalls, long AdjointCalls);
