namespace ClimateAD.Adjoint.Costs;

/// <summary>An inclusive range of step indices <c>First ≤ n ≤ Last</c>, e.g. one averaging period.</summary>
/// <param name="First">First step in the window (≥ 0).</param>
/// <param name="Last">Last step in the window (≥ <paramref name="First"/>).</param>
public readonly record struct TimeWindow(int First, int Last)
{
    /// <summary>Number of steps in the window, <c>Last − First + 1</c>.</summary>
    public int Length => Last - First + 1;

    /// <summary>True when <c>First ≤ n ≤ Last</c>.</summary>
    public bool Contains(int n) => n >= First && n <= Last;
}
