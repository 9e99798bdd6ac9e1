using ClimateAD.Adjoint.Checkpointing;
using ClimateAD.Adjoint.Costs;

namespace ClimateAD.Adjoint.Trajectories;

/// <summary>
/// Computes <c>J(x[0..L], θ)</c> and its exact gradient with respect to <c>θ</c> and <c>x[0]</c> by
/// executing a <see cref="TrajectoryPlan"/>'s checkpointing schedule against an
/// <see cref="IDifferentiableStep"/>.
/// </summary>
/// <remarks>
/// <para>Adjoint recursion (discrete adjoint of <c>x[n+1] = M(x[n], θ, n)</c>, e.g. Errico 1997,
/// Bull. Amer. Meteor. Soc. 78:2577–2591): <c>λ[L] = ∂J/∂x[L]</c>;
/// <c>λ[n] = M_x(x[n])ᵀ λ[n+1] + ∂J/∂x[n]</c> for <c>n = L−1 … 0</c>;
/// <c>dJ/dθ = ∂J/∂θ + Σ_n M_θ(x[n])ᵀ λ[n+1]</c>; <c>dJ/dx[0] = λ[0]</c>.</para>
/// <para>Execution: the cost observes each state when the schedule first reaches it (the first
/// sweep reaches <c>x[0] … x[L−1]</c> in order). At <c>ReverseStep(L−1)</c> the runner calls
/// <see cref="IDifferentiableStep.Forward"/> once more for <c>x[L]</c>, completes <c>J</c> and
/// starts the reverse sweep. Reverse steps run in the fixed order <c>L−1 … 0</c> and snapshots are
/// exact copies, so the gradient is bit-for-bit the same for every schedule. A schedule with tape
/// actions (<see cref="StoreAllSchedule.CreateTaped"/>) needs an <see cref="ITapedStep"/>; its
/// reverse steps that read a tape call <see cref="ITapedStep.AdjointTaped"/>, which is bit-for-bit
/// <see cref="IDifferentiableStep.Adjoint"/>, so this holds for taped schedules too.</para>
/// <para>Memory: the RAM snapshot store and the tape store are allocated on the first
/// <see cref="Run"/> (the snapshot and tape bytes of <see cref="TrajectoryPlan.PredictedPeakBytes"/>,
/// plus at most 64 bytes to align the tapes) and kept for the next runs, so the repeated gradients of an optimisation do not pay
/// for allocating and first touching them again; <see cref="ReleaseMemory"/> drops them. The stores
/// are never shared between simultaneous runs (a run that finds them taken allocates its own), so
/// concurrent runs are as safe as the step is.</para>
/// </remarks>
public sealed class TrajectoryRunner
{
    private readonly IDifferentiableStep _step;
    private readonly ITapedStep? _tapedStep;
    private readonly Func<int, int, ISnapshotStore> _diskStoreFactory;
    private readonly (int Tape, int Ram)[] _prefetch;
    private InMemorySnapshotStore? _ramStore;
    private TapeStore? _tapeStore;

    /// <summary>A runner for <paramref name="step"/> and <paramref name="plan"/>.</summary>
    /// <param name="step">The model step.</param>
    /// <param name="plan">The plan; its state and parameter lengths must match the step.</param>
    /// <param name="diskStoreFactory">Creates the disk store <c>(capacity, stateLength)</c> for disk snapshots; a
    /// <see cref="RawFileSnapshotStore"/> in the system temp folder when <c>null</c>. The runner disposes it after each run.</param>
    public TrajectoryRunner(IDifferentiableStep step, TrajectoryPlan plan, Func<int, int, ISnapshotStore>? diskStoreFactory = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(plan);
        if (step.StateLength != plan.StateLength || step.ParameterLength != plan.ParameterLength)
            throw new ArgumentException($"Plan is for N={plan.StateLength}, P={plan.ParameterLength}; step has N={step.StateLength}, P={step.ParameterLength}.");
        _step = step;
        Plan = plan;
        _diskStoreFactory = diskStoreFactory ?? ((capacity, length) => new RawFileSnapshotStore(capacity, length));
        if (plan.Schedule.Counts.TapeSlots > 0)
        {
            _tapedStep = step as ITapedStep
                ?? throw new ArgumentException($"Schedule {plan.Schedule.Name} records tapes; the step does not implement {nameof(ITapedStep)}.", nameof(step));
            if (_tapedStep.TapeLength != plan.TapeLength)
                throw new ArgumentException($"Plan is for tapes of {plan.TapeLength} doubles; the step records {_tapedStep.TapeLength}.", nameof(plan));
        }
        _prefetch = NextReads(plan.Schedule);
    }

    /// <summary>The plan this runner executes.</summary>
    public TrajectoryPlan Plan { get; }

    /// <summary>
    /// Forward only: <c>J</c> from <paramref name="x0"/> and <paramref name="theta"/>, with <c>L</c> calls of
    /// <see cref="IDifferentiableStep.Forward"/> and no snapshots (for finite differences and line searches).
    /// </summary>
    public double EvaluateCost(ReadOnlySpan<double> x0, ReadOnlySpan<double> theta, ITrajectoryCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        if (x0.Length != _step.StateLength) throw new ArgumentException($"x0 has {x0.Length} values, the step {_step.StateLength}.", nameof(x0));
        if (theta.Length != _step.ParameterLength) throw new ArgumentException($"θ has {theta.Length} values, the step {_step.ParameterLength}.", nameof(theta));
        double[] x = x0.ToArray(), xNext = new double[x.Length], workspace = new double[cost.WorkspaceLength];
        cost.Observe(0, x, workspace);
        for (int n = 0; n < Plan.Steps; n++)
        {
            _step.Forward(n, x, theta, xNext);
            (x, xNext) = (xNext, x);
            cost.Observe(n + 1, x, workspace);
        }
        return cost.Complete(theta, workspace);
    }

    /// <summary>Runs the plan from <paramref name="x0"/> with parameters <paramref name="theta"/>; returns <c>J</c>, <c>dJ/dθ</c>, <c>dJ/dx[0]</c> and the counts.</summary>
    public GradientResult Run(ReadOnlySpan<double> x0, ReadOnlySpan<double> theta, ITrajectoryCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        int nState = _step.StateLength, nPar = _step.ParameterLength, steps = Plan.Steps;
        if (x0.Length != nState) throw new ArgumentException($"x0 has {x0.Length} values, the step {nState}.", nameof(x0));
        if (theta.Length != nPar) throw new ArgumentException($"θ has {theta.Length} values, the step {nPar}.", nameof(theta));

        var counts = Plan.Schedule.Counts;
        var ram = Interlocked.Exchange(ref _ramStore, null) ?? new InMemorySnapshotStore(counts.RamSlots, nState);
        var tapes = counts.TapeSlots > 0 ? Interlocked.Exchange(ref _tapeStore, null) ?? new TapeStore(counts.TapeSlots, Plan.TapeLength) : null;
        using var disk = counts.DiskSlots > 0 ? _diskStoreFactory(counts.DiskSlots, nState) : null;

        double[] x = x0.ToArray(), xNext = new double[nState];
        double[] lambda = new double[nState], lambdaNext = new double[nState];
        double[] thetaBar = new double[nPar], finalState = new double[nState];
        double[] workspace = new double[cost.WorkspaceLength];
        double j = double.NaN;
        long advance = 0, reverse = 0, forwardCalls = 0, adjointCalls = 0, ramW = 0, ramR = 0, diskW = 0, diskR = 0, tapeW = 0, tapeR = 0;
        int ramSlots = 0, diskSlots = 0, tapeSlots = 0, current = 0, observed = 0;
        cost.Observe(0, x, workspace);

        var actions = Plan.Schedule.Actions;
        for (int i = 0; i < actions.Count; i++)
        {
            var a = actions[i];
            switch (a.Kind)
            {
                case CheckpointActionKind.Advance:
                    for (int n = a.Step; n < a.EndStep; n++)
                    {
                        _step.Forward(n, x, theta, xNext);
                        (x, xNext) = (xNext, x);
                        forwardCalls++;
                        advance++;
                        if (n + 1 > observed)
                        {
                            observed = n + 1;
                            cost.Observe(observed, x, workspace);
                        }
                    }
                    current = a.EndStep;
                    break;
                case CheckpointActionKind.Tape:
                    _tapedStep!.ForwardTaped(a.Step, x, theta, xNext, tapes!.Record(a.Slot));
                    (x, xNext) = (xNext, x);
                    forwardCalls++;
                    advance++;
                    tapeW++;
                    tapeSlots = Math.Max(tapeSlots, a.Slot + 1);
                    if (a.EndStep > observed)
                    {
                        observed = a.EndStep;
                        cost.Observe(observed, x, workspace);
                    }
                    current = a.EndStep;
                    break;
                case CheckpointActionKind.Store:
                    if (a.Level == SnapshotLevel.Ram) { ram.Write(a.Slot, x); ramW++; ramSlots = Math.Max(ramSlots, a.Slot + 1); }
                    else { disk!.Write(a.Slot, x); diskW++; diskSlots = Math.Max(diskSlots, a.Slot + 1); }
                    break;
                case CheckpointActionKind.Restore:
                    if (a.Level == SnapshotLevel.Ram) { ram.Read(a.Slot, x); ramR++; }
                    else { disk!.Read(a.Slot, x); diskR++; }
                    current = a.Step;
                    break;
                case CheckpointActionKind.ReverseStep:
                    int step = a.Step;
                    if (step == steps - 1)
                    {
                        // x[L] for the cost; the schedule has reached x[0..L−1] in order.
                        _step.Forward(step, x, theta, xNext);
                        forwardCalls++;
                        xNext.CopyTo(finalState, 0);
                        cost.Observe(steps, xNext, workspace);
                        j = cost.Complete(theta, workspace);
                        Array.Clear(lambdaNext);
                        cost.AddStateForcing(steps, xNext, workspace, lambdaNext);
                        if (tapes is not null) TapeStore.Fence();
                    }
                    Array.Clear(lambda);
                    if (_prefetch[i].Ram >= 0) ram.Prefetch(_prefetch[i].Ram);
                    if (a.UsesTape)
                    {
                        tapes!.Prefetch(_prefetch[i].Tape);
                        _tapedStep!.AdjointTaped(step, x, theta, tapes.Record(a.Slot), lambdaNext, lambda, thetaBar);
                        tapeR++;
                    }
                    else _step.Adjoint(step, x, theta, lambdaNext, lambda, thetaBar);
                    adjointCalls++;
                    reverse++;
                    cost.AddStateForcing(step, x, workspace, lambda);
                    (lambda, lambdaNext) = (lambdaNext, lambda);
                    break;
            }
        }
        if (current != 0) throw new InvalidOperationException("Schedule did not end at x[0].");
        cost.AddParameterGradient(theta, workspace, thetaBar);
        _ramStore = ram;
        if (tapes is not null) _tapeStore = tapes;
        var executed = new ExecutionCounts(
            new ScheduleCounts(advance, reverse, ramSlots, diskSlots, ramW, ramR, diskW, diskR, tapeSlots, tapeW, tapeR), forwardCalls, adjointCalls);
        return new GradientResult(j, thetaBar, lambdaNext, finalState, executed);
    }

    /// <summary>Drops the snapshot and tape stores kept from earlier runs; the next <see cref="Run"/> allocates them again.</summary>
    public void ReleaseMemory()
    {
        _ramStore = null;
        _tapeStore = null;
    }

    // For each action index: the tape slot read by the next reverse step that reads a tape, and the
    // RAM slot of the next restore, if that restore comes before any other RAM store (−1 if none);
    // prefetched while the current reverse step runs.
    private static (int Tape, int Ram)[] NextReads(CheckpointSchedule schedule)
    {
        var actions = schedule.Actions;
        var next = new (int Tape, int Ram)[actions.Count];
        int tape = -1, ram = -1;
        for (int i = actions.Count - 1; i >= 0; i--)
        {
            next[i] = (tape, ram);
            var a = actions[i];
            if (a.UsesTape) tape = a.Slot;
            else if (a.Level == SnapshotLevel.Ram && a.Kind == CheckpointActionKind.Restore) ram = a.Slot;
            else if (a.Level == SnapshotLevel.Ram && a.Kind == CheckpointActionKind.Store) ram = -1;
        }
        return next;
    }
}
