using System.Globalization;
using ClimateAD.Adjoint;
using ClimateAD.Adjoint.Checkpointing;
using ClimateAD.Adjoint.Costs;
using ClimateAD.Adjoint.Trajectories;
using ClimateAD.IO.Checkpoints;
using ClimateAD.IO.Scenarios;

namespace ClimateAD.Cli.Running;

/// <summary>
/// A <c>[sensitivity]</c> through the checkpointed adjoint, for any <see cref="IDifferentiableStep"/>:
/// <c>J = mean_{n∈W} Σ_i a_i x_i[n]</c> over the step-end states of the period's steps (a weighted state
/// sum: the mean slow variable of Lorenz-96, the area-weighted global-mean temperature of the latitude
/// EBM), with dJ/dθ and dJ/dx[0] from one <see cref="TrajectoryRunner"/> reverse run. With
/// <c>memory_budget_mb</c> the plan keeps as many RAM snapshots as fit (binomial, or multi-level with
/// <c>disk_snapshots</c> HDF5 slots on disk); without it, every state is stored. The plan (steps,
/// snapshots, predicted forward steps, peak memory) is printed before the reverse run and the counted
/// forward steps after it.
/// </summary>
internal static class CheckpointedSensitivity
{
    /// <summary>What the caller knows about its model.</summary>
    /// <param name="Step">The step.</param>
    /// <param name="Theta">Parameters θ (the step's parameter vector).</param>
    /// <param name="Initial">x[0].</param>
    /// <param name="Weights">a, length = state length.</param>
    /// <param name="Units">Units of J.</param>
    /// <param name="Quantity">What the weighted sum is, e.g. "the global-mean surface temperature (degC)".</param>
    /// <param name="StateDescription">What each state component is.</param>
    /// <param name="ParameterNames">Names of θ in order.</param>
    public sealed record Problem(IDifferentiableStep Step, double[] Theta, double[] Initial, double[] Weights,
        string Units, string Quantity, string StateDescription, string[] ParameterNames);

    /// <summary>Computes the sensitivity, printing the plan and the counts to <paramref name="log"/>.</summary>
    public static SensitivityOutput Compute(Scenario s, SensitivitySpec spec, Problem problem, TextWriter log)
    {
        var step = problem.Step;
        int n = step.StateLength;
        int spu = s.Time.StepsPerYear;
        int steps = checked((int)s.Time.Steps);
        // Steps of the period are first..last; their end states are x[first + 1] .. x[last + 1].
        int first = (spec.FirstYear - s.Time.StartYear) * spu;
        int last = (spec.LastYear - s.Time.StartYear + 1) * spu - 1;
        var cost = new DiagnosticCost(new TimeMeanOperator(problem.Weights, [new TimeWindow(first + 1, last + 1)]));

        var plan = spec.MemoryBudgetBytes is { } budget
            ? TrajectoryPlan.ForBudget(steps, n, step.ParameterLength, budget, spec.DiskSnapshots)
            : new TrajectoryPlan(StoreAllSchedule.Create(steps), n, step.ParameterLength);
        log.WriteLine("Sensitivity: " + plan.Describe().Replace("\n", "\n  ", StringComparison.Ordinal));
        var runner = new TrajectoryRunner(step, plan, (capacity, length) => new Hdf5SnapshotStore(capacity, length));
        var result = runner.Run(problem.Initial, problem.Theta, cost);
        var c = result.Counts;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Sensitivity: counted {c.Actions.AdvanceSteps} advance steps (predicted {plan.Predicted.Actions.AdvanceSteps}), {c.Actions.ReverseSteps} reverse steps"));

        return new SensitivityOutput
        {
            Spec = spec,
            Value = result.Cost,
            Units = problem.Units,
            Description = string.Create(CultureInfo.InvariantCulture,
                $"J = mean over the step-end states of {spec.FirstYear}-{spec.LastYear} {s.Time.UnitPlural} of {problem.Quantity}"),
            ParameterGradient = result.ParameterGradient,
            ParameterNames = problem.ParameterNames,
            InitialStateGradient = result.InitialStateGradient,
            StateDescription = problem.StateDescription,
        };
    }
}
