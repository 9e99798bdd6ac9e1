namespace ClimateAD.Adjoint.Checkpointing;

/// <summary>
/// Binomial checkpointing (Revolve): the schedule that reverses <c>l</c> steps with <c>s</c>
/// snapshots using the fewest forward steps. Griewank &amp; Walther (2000), "Algorithm 799:
/// Revolve", ACM TOMS 26:19–45; Griewank (1992), Optim. Methods Softw. 1:35–54.
/// </summary>
/// <remarks>
/// <para>Counting convention. <c>s</c> counts every snapshot slot, including the one holding
/// <c>x[0]</c>; the current state is held outside the slots. <c>t(l, s)</c> counts the forward
/// steps run by <see cref="CheckpointActionKind.Advance"/> actions. Each of the <c>l</c> reverse
/// steps also re-evaluates its own step while linearising (Revolve's taping step), which is not
/// in <c>t</c>. The minimum is the closed form</para>
/// <para><c>t(l, s) = r·l − C(s+r, s+1)</c>, with <c>r</c> the least integer such that <c>C(s+r, s) ≥ l</c>,</para>
/// <para>and it satisfies the recurrence (the first checkpoint after <c>x[0]</c> is placed at
/// <c>x[j]</c>; the sub-range <c>[j, l]</c> is reversed with the remaining <c>s − 1</c> slots,
/// then <c>[0, j]</c> with all <c>s</c>)</para>
/// <para><c>t(1, s) = 0</c> (<c>s ≥ 0</c>), <c>t(l, 0) = ∞</c> (<c>l ≥ 2</c>),
/// <c>t(l, s) = min_{1≤j&lt;l} [ j + t(l−j, s−1) + t(j, s) ]</c>.</para>
/// <para>The total number of forward-map evaluations in Revolve's convention, counting the
/// taping evaluation of every reverse step, is <c>l + t = l + r·l − C(s+r, s+1)</c>
/// (<see cref="ForwardEvaluations"/>); e.g. <c>s = 1</c>: <c>t = l(l−1)/2</c>;
/// <c>s ≥ l − 1</c>: <c>t = l − 1</c>, the store-all cost.</para>
/// <para>The generator places each checkpoint at a minimiser of the recurrence, found by bisection
/// on the convex function <c>j ↦ j + t(l−j, s−1) + t(j, s)</c> evaluated with the closed form, so
/// its cost is <c>O(log l)</c> per checkpoint and the schedule attains <c>t(l, s)</c> exactly. Slots
/// are used as a stack: slot 0 holds <c>x[0]</c> and is written once; higher slots are rewritten
/// more often (what <see cref="MultiLevelSchedule"/> uses to put the low slots on disk).</para>
/// </remarks>
public static class BinomialSchedule
{
    /// <summary>The least <c>r ≥ 0</c> with <c>C(s+r, s) ≥ l</c> (Griewank &amp; Walther's repetition number).</summary>
    /// <param name="steps">Number of steps <c>l ≥ 1</c>.</param>
    /// <param name="snapshots">Number of snapshot slots <c>s ≥ 1</c>.</param>
    public static int Repetitions(long steps, int snapshots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(snapshots, 1);
        return RepetitionsAndBinomial(steps, snapshots).R;
    }

    /// <summary>
    /// Closed form of the minimal advance steps, <c>t(l, s) = r·l − C(s+r, s+1)</c>; 0 for
    /// <c>l = 1</c> whatever <c>s</c>.
    /// </summary>
    /// <param name="steps">Number of steps <c>l ≥ 1</c>.</param>
    /// <param name="snapshots">Number of snapshot slots <c>s</c>; at least 1 when <c>l ≥ 2</c>.</param>
    public static long MinimalAdvanceSteps(long steps, int snapshots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(snapshots);
        long t = Cost(steps, snapshots);
        if (t == long.MaxValue) throw new ArgumentOutOfRangeException(nameof(snapshots), "At least one snapshot is needed to reverse two or more steps.");
        return t;
    }

    /// <summary>Forward-map evaluations in Revolve's convention: <c>l + t(l, s) = l + r·l − C(s+r, s+1)</c>.</summary>
    /// <param name="steps">Number of steps <c>l ≥ 1</c>.</param>
    /// <param name="snapshots">Number of snapshot slots <c>s</c>.</param>
    public static long ForwardEvaluations(long steps, int snapshots) => steps + MinimalAdvanceSteps(steps, snapshots);

    /// <summary>
    /// Table of <c>t(l, s)</c> for <c>0 ≤ l ≤ maxSteps</c>, <c>0 ≤ s ≤ maxSnapshots</c> by the
    /// dynamic-programming recurrence (independent of the closed form);
    /// <see cref="long.MaxValue"/> marks infeasible entries and <c>l = 0</c>.
    /// </summary>
    public static long[,] MinimalAdvanceStepsByRecurrence(int maxSteps, int maxSnapshots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxSnapshots);
        var f = new long[maxSteps + 1, maxSnapshots + 1];
        for (int s = 0; s <= maxSnapshots; s++)
        {
            f[0, s] = long.MaxValue;
            f[1, s] = 0;
        }
        for (int l = 2; l <= maxSteps; l++) f[l, 0] = long.MaxValue;
        for (int s = 1; s <= maxSnapshots; s++)
        {
            for (int l = 2; l <= maxSteps; l++)
            {
                long best = long.MaxValue;
                for (int j = 1; j < l; j++)
                {
                    long right = f[l - j, s - 1];
                    if (right == long.MaxValue) continue;
                    best = Math.Min(best, j + right + f[j, s]);
                }
                f[l, s] = best;
            }
        }
        return f;
    }

    /// <summary>The optimal binomial schedule for <paramref name="steps"/> steps with <paramref name="snapshots"/> RAM slots.</summary>
    /// <param name="steps">Number of steps <c>l ≥ 1</c>.</param>
    /// <param name="snapshots">Snapshot slots <c>s ≥ 1</c> (any <c>s</c> when <c>l = 1</c>).</param>
    public static CheckpointSchedule Create(int steps, int snapshots)
    {
        var actions = Generate(steps, snapshots, slot => (slot, SnapshotLevel.Ram));
        return new CheckpointSchedule($"binomial(s={snapshots})", steps, actions);
    }

    /// <summary>Generates the binomial actions, mapping each stack slot index to a (slot, level) pair.</summary>
    internal static List<CheckpointAction> Generate(int steps, int snapshots, Func<int, (int Slot, SnapshotLevel Level)> place)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(snapshots);
        if (steps > 1 && snapshots < 1)
            throw new ArgumentOutOfRangeException(nameof(snapshots), "At least one snapshot is needed to reverse two or more steps.");
        var actions = new List<CheckpointAction>();
        int current = 0;
        if (steps > 1)
        {
            var (slot, level) = place(0);
            actions.Add(CheckpointAction.Store(0, slot, level));
        }
        Reverse(actions, place, 0, steps, 0, snapshots, ref current);
        return actions;
    }

    // Reverses steps [start, end). Precondition: x[start] is in stack slot b when end − start > 1.
    private static void Reverse(List<CheckpointAction> actions, Func<int, (int, SnapshotLevel)> place,
        int start, int end, int b, int s, ref int current)
    {
        while (end - start > 1)
        {
            if (current != start)
            {
                var (slot, level) = place(b);
                actions.Add(CheckpointAction.Restore(start, slot, level));
                current = start;
            }
            int j = Split(end - start, s);
            actions.Add(CheckpointAction.Advance(start, start + j));
            current = start + j;
            if (end - current > 1)
            {
                var (slot, level) = place(b + 1);
                actions.Add(CheckpointAction.Store(current, slot, level));
            }
            Reverse(actions, place, start + j, end, b + 1, s - 1, ref current);
            end = start + j;
        }
        if (current != start)
        {
            var (slot, level) = place(b);
            actions.Add(CheckpointAction.Restore(start, slot, level));
            current = start;
        }
        actions.Add(CheckpointAction.ReverseStep(start));
    }

    // A minimiser j of g(j) = j + t(l−j, s−1) + t(j, s) over 1 ≤ j < l (l ≥ 2, s ≥ 1).
    private static int Split(int l, int s)
    {
        if (s == 1) return l - 1;
        if (s >= l - 1) return 1;
        int lo = 1, hi = l - 1;
        while (lo < hi)
        {
            int mid = lo + (hi - lo) / 2;
            if (G(l, s, mid + 1) - G(l, s, mid) >= 0) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    private static long G(int l, int s, int j) => j + Cost(l - j, s - 1) + Cost(j, s);

    // t(l, s) by the closed form; long.MaxValue when infeasible (s = 0, l ≥ 2).
    private static long Cost(long l, int s)
    {
        if (l == 1) return 0;
        if (s == 0) return long.MaxValue;
        if (s >= l - 1) return l - 1;
        var (r, c) = RepetitionsAndBinomial(l, s);
        long cNext = c * r / (s + 1); // C(s+r, s+1) = C(s+r, s)·r/(s+1)
        return r * l - cNext;
    }

    // r minimal with C(s+r, s) ≥ l, and that binomial coefficient.
    private static (int R, long Binomial) RepetitionsAndBinomial(long l, int s)
    {
        int r = 0;
        long c = 1; // C(s, s)
        while (c < l)
        {
            r++;
            c = c * (s + r) / r; // C(s+r, s) = C(s+r−1, s)·(s+r)/r, exact
        }
        return (r, c);
    }
}
