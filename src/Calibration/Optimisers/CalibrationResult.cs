using ClimateAD.Calibration.Objectives;

namespace ClimateAD.Calibration.Optimisers;

/// <summary>The outcome of a calibration run.</summary>
/// <param name="Method">The method's name.</param>
/// <param name="History">The state after every iteration, starting with iteration 0.</param>
/// <param name="Free">φ at the end, the free parameters in physical units.</param>
/// <param name="Theta">The full θ at the end.</param>
public sealed record CalibrationResult(string Method, IReadOnlyList<IterationState> History, double[] Free, double[] Theta)
{
    /// <summary>The last state.</summary>
    public IterationState Final => History[^1];

    /// <summary>J at the end.</summary>
    public double Cost => Final.Cost;

    /// <summary>True when the method's stopping test was met (rather than the iteration limit).</summary>
    public bool Converged => Final.Converged;

    /// <summary>Iterations done.</summary>
    public int Iterations => Final.Iteration;

    /// <summary>Model work over the whole run.</summary>
    public ModelRunCounts Counts => Final.Counts;
}
