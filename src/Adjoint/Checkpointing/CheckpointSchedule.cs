using System.Text;

namespace ClimateAD.Adjoint.Checkpointing;

/// <summary>
/// A validated checkpointing schedule for reversing <see cref="Steps"/> model steps: plain data,
/// separate from the model (DESIGN.md §3). Build one with <see cref="StoreAllSchedule"/>,
/// <see cref="BinomialSchedule"/> or <see cref="MultiLevelSchedule"/>, or pass any action list to
/// the constructor, which checks it by simulation.
/// </summary>
/// <remarks>
/// Semantics of the actions, with a current state <c>x[c]</c> that starts at <c>c = 0</c>:
/// <c>Advance(c, to)</c> runs <c>to − c</c> forward steps (<c>to ≤ l − 1</c>; the final state
/// <c>x[l]</c> is computed by the first reverse step); <c>Store(c, slot)</c> copies <c>x[c]</c>
/// into a slot; <c>Restore(k, slot)</c> makes the slot's <c>x[k]</c> current; <c>ReverseStep(c)</c>
/// runs the adjoint of step <c>c</c> and leaves <c>x[c]</c> current, from a tape slot holding step
/// <c>c</c>'s tape if it names one; <c>Tape(c, slot)</c> runs the one step <c>c → c+1</c> recording
/// its tape in the slot (<c>c + 1 ≤ l − 1</c>, like an advance). Reverse steps must come in
/// the order <c>l−1, …, 0</c>. Because advances start at the current state, every state is
/// first reached in increasing order of <c>n</c>, which lets a cost accumulate time means in the
/// first sweep (<see cref="Costs.ITrajectoryCost"/>).
/// </remarks>
public sealed class CheckpointSchedule
{
    private readonly CheckpointAction[] _actions;

    /// <summary>Validates <paramref name="actions"/> for <paramref name="steps"/> steps and wraps them.</summary>
    /// <param name="name">Human-readable name, e.g. <c>binomial(s=4)</c>.</param>
    /// <param name="steps">Number of model steps <c>l ≥ 1</c>.</param>
    /// <param name="actions">The actions, in execution order.</param>
    /// <exception cref="ArgumentException">The actions do not reverse all steps correctly.</exception>
    public CheckpointSchedule(string name, int steps, IEnumerable<CheckpointAction> actions)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        Name = name;
        Steps = steps;
        _actions = [.. actions];
        Validate(steps, _actions);
        Counts = ScheduleCounts.Of(_actions);
    }

    /// <summary>Name of the schedule, for plans and logs.</summary>
    public string Name { get; }

    /// <summary>Number of model steps <c>l</c> reversed.</summary>
    public int Steps { get; }

    /// <summary>The actions in execution order.</summary>
    public IReadOnlyList<CheckpointAction> Actions => _actions;

    /// <summary>The counted actions: advance steps, reverse steps, slots and snapshot traffic.</summary>
    public ScheduleCounts Counts { get; }

    /// <summary>All actions, one per line, for debugging small schedules.</summary>
    public string Describe()
    {
        var sb = new StringBuilder();
        sb.Append(Name).Append(" for ").Append(Steps).AppendLine(" steps:");
        foreach (var a in _actions) sb.Append("  ").AppendLine(a.ToString());
        return sb.ToString();
    }

    private static void Validate(int steps, CheckpointAction[] actions)
    {
        var ram = new Dictionary<int, int>();
        var disk = new Dictionary<int, int>();
        var tapes = new Dictionary<int, int>();
        int current = 0, nextReverse = steps - 1;
        for (int i = 0; i < actions.Length; i++)
        {
            var a = actions[i];
            string Where() => $"action {i} ({a})";
            switch (a.Kind)
            {
                case CheckpointActionKind.Advance:
                    if (a.Step != current) throw new ArgumentException($"{Where()}: current state is x[{current}].");
                    if (a.EndStep <= a.Step || a.EndStep > steps - 1)
                        throw new ArgumentException($"{Where()}: must advance forward to at most x[{steps - 1}].");
                    current = a.EndStep;
                    break;
                case CheckpointActionKind.Store:
                    if (a.Step != current) throw new ArgumentException($"{Where()}: current state is x[{current}].");
                    if (a.Slot < 0) throw new ArgumentException($"{Where()}: negative slot.");
                    (a.Level == SnapshotLevel.Ram ? ram : disk)[a.Slot] = current;
                    break;
                case CheckpointActionKind.Restore:
                    var slots = a.Level == SnapshotLevel.Ram ? ram : disk;
                    if (!slots.TryGetValue(a.Slot, out int held) || held != a.Step)
                        throw new ArgumentException($"{Where()}: slot does not hold x[{a.Step}].");
                    current = a.Step;
                    break;
                case CheckpointActionKind.Tape:
                    if (a.Step != current) throw new ArgumentException($"{Where()}: current state is x[{current}].");
                    if (a.EndStep != a.Step + 1 || a.EndStep > steps - 1)
                        throw new ArgumentException($"{Where()}: must tape one step, reaching at most x[{steps - 1}].");
                    if (a.Slot < 0 || a.Level != SnapshotLevel.Ram) throw new ArgumentException($"{Where()}: tapes need a RAM slot ≥ 0.");
                    tapes[a.Slot] = a.Step;
                    current = a.EndStep;
                    break;
                case CheckpointActionKind.ReverseStep:
                    if (a.Step != nextReverse) throw new ArgumentException($"{Where()}: expected ReverseStep({nextReverse}).");
                    if (a.Step != current) throw new ArgumentException($"{Where()}: current state is x[{current}].");
                    if (a.Slot >= 0 && (!tapes.TryGetValue(a.Slot, out int taped) || taped != a.Step))
                        throw new ArgumentException($"{Where()}: tape slot does not hold step {a.Step}.");
                    nextReverse--;
                    break;
                default:
                    throw new ArgumentException($"{Where()}: unknown action kind.");
            }
        }
        if (nextReverse != -1) throw new ArgumentException($"Schedule stops before ReverseStep({nextReverse}).");
    }
}
