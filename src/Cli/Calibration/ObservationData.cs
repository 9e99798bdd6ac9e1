using ClimateAD.Calibration.Objectives;

namespace ClimateAD.Cli.Calibration;

/// <summary>What the outputs need to know about an observed variable beyond its <see cref="ObservedVariable"/>.</summary>
/// <param name="Label">Plot label.</param>
/// <param name="Units">Units.</param>
/// <param name="Windows">The (first, last) years of each value.</param>
/// <param name="Reference">Anomaly reference period, or <c>null</c>.</param>
/// <param name="Component">Observed state component.</param>
/// <param name="Integrated">True for OHC (integral of N).</param>
internal sealed record ObservationData(string Label, string Units, IReadOnlyList<(int First, int Last)> Windows, (int First, int Last)? Reference,
    int Component, bool Integrated);
