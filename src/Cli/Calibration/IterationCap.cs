using ClimateAD.Calibration.Objectives;
using ClimateAD.Calibration.Optimisers;

namespace ClimateAD.Cli.Calibration;

/// <summary>A method that stops after <see cref="MaxIterations"/> iterations (for <c>--stop-after</c>); otherwise the wrapped method.</summary>
internal sealed class IterationCap(ICalibrationMethod inner, int cap) : ICalibrationMethod
{
    /// <inheritdoc />
    public string Name => inner.Name;

    /// <summary>The smaller of the cap and the wrapped method's limit.</summary>
    public int MaxIterations => Math.Min(cap, inner.MaxIterations);

    /// <inheritdoc />
    public int StateLength(int parameterCount) => inner.StateLength(parameterCount);

    /// <inheritdoc />
    public IterationState Start(CalibrationObjective objective, ReadOnlySpan<double> u0) => inner.Start(objective, u0);

    /// <inheritdoc />
    public IterationState Iterate(CalibrationObjective objective, IterationState state) => inner.Iterate(objective, state);
}
