using System.Globalization;
using ClimateAD.Adjoint.Checkpointing;
using ClimateAD.Adjoint.Costs;
using ClimateAD.Adjoint.Trajectories;
using ClimateAD.IO.Checkpoints;
using ClimateAD.IO.Scenarios;

namespace ClimateAD.Cli.Running;

/// <summary>
/// The <c>mean_x</c> sensitivity of a Lorenz-96 scenario through the checkpointed adjoint:
/// <c>J = (1/K) Σ_k mean_{n∈W} X_k[n]</c> over the step-end states of the period's steps, and dJ/dθ,
/// dJ/dx[0] from one <see cref="TrajectoryRunner"/> reverse run. With <c>memory_budget_mb</c> the plan
/// keeps as many RAM snapshots as fit (binomial, or multi-level with <c>disk_snapshots</c> HDF5 slots on
/// disk); without it, every state is stored. The plan (steps, snapshots, predicted forward steps, peak
/// memory) is printed before the reverse run and the counted forward steps after it.
/// </summary>
internal static class Lorenz96Sensitivity
{
    /// <summary>Computes the sensitivity, printing the plan and the counts to <paramref name="log"/>.</summary>
    public static SensitivityOutput Compute(Scenario s, SensitivitySpec spec, TextWriter log)
    {
        var (step, theta, x0) = Lorenz96Run.Build(s);
        int k = step.Tendency.SlowCount, n = step.StateLength;
        int spu = s.Time.StepsPerYear;
        int steps = checked((int)s.Time.Steps);
        // Steps of the period are first..last; their end states are x[first + 1] .. x[last + 1].
        int first = (spec.FirstYear - s.Time.StartYear) * spu;
        int last = (spec.LastYear - s.Time.StartYear + 1) * spu - 1;
        var weights = new double[n];
        for (int i = 0; i < k; i++) weights[i] = 1.0 / k;
        var cost = new DiagnosticCost(new TimeMeanOperator(weights, [new TimeWindow(first + 1, last + 1)]));

        var plan = spec.MemoryBudgetBytes is { } budget
            ? TrajectoryPlan.ForBudget(steps, n, step.ParameterLength, budget, spec.DiskSnapshots)
            : new TrajectoryPlan(StoreAllSchedule.Create(steps), n, step.ParameterLength);
        log.WriteLine("Sensitivity: " + plan.Describe().Replace("\n", "\n  ", StringComparison.Ordinal));
        var runner = new TrajectoryRunner(step, plan, (capacity, length) => new Hdf5SnapshotStore(capacity, length));
        var result = runner.Run(x0, theta, cost);
        var c = result.Counts;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Sensitivity: counted {c.Actions.AdvanceSteps} advance steps (predicted {plan.Predicted.Actions.AdvanceSteps}), {c.Actions.ReverseSteps} reverse steps"));

        return new SensitivityOutput
        {
            Spec = spec,
            Value = result.Cost,
            Units = "1",
            Description = string.Create(CultureInfo.InvariantCulture,
                $"J = mean over k and over the step-end states of {spec.FirstYear}-{spec.LastYear} MTU of the slow variables X_k"),
            ParameterGradient = result.ParameterGradient,
            ParameterNames = s.Parameters.Table.Select(p => p.Name).ToArray(),
            InitialStateGradient = result.InitialStateGradient,
            StateDescription = $"state component after spin-up: 0..{k - 1} = X_k, then Y_j,k at K + kJ + j",
        };
    }
}
