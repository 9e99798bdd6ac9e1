using ClimateAD.Calibration.Objectives;

namespace ClimateAD.Calibration.Optimisers;

/// <summary>
/// Adam (Kingma &amp; Ba 2015, ICLR, Alg. 1) in the unbounded space u with adjoint gradients
/// (2 runs per iteration):
/// <code>
///   m ← β₁m + (1 − β₁)g,  v ← β₂v + (1 − β₂)g²,  u ← u − α m̂/(√v̂ + ε),  m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ)
/// </code>
/// Made for stochastic and neural-network objectives; on a smooth low-dimensional calibration it
/// needs far more runs than <see cref="GaussNewtonMethod"/> or <see cref="LbfgsMethod"/>.
/// The state's U is the point whose J and gradient were evaluated last; the next point is kept in
/// the method state: [t, J of the previous iteration, quiet iterations, m (p), v (p), next u (p)].
/// </summary>
public sealed class AdamMethod(AdamOptions? options = null) : ICalibrationMethod
{
    /// <summary>The settings.</summary>
    public AdamOptions Options { get; } = options ?? new AdamOptions();

    /// <inheritdoc />
    public string Name => "adam";

    /// <inheritdoc />
    public int MaxIterations => Options.MaxIterations;

    /// <inheritdoc />
    public int StateLength(int parameterCount) => 3 + 3 * parameterCount;

    /// <inheritdoc />
    public IterationState Start(CalibrationObjective objective, ReadOnlySpan<double> u0)
    {
        ArgumentNullException.ThrowIfNull(objective);
        int p = objective.ParameterCount;
        var s = new double[StateLength(p)];
        s[1] = double.NaN;
        u0.CopyTo(s.AsSpan(3 + 2 * p, p));
        return new IterationState(0, u0.ToArray(), double.NaN, double.NaN, s, objective.Counts, false, "start");
    }

    /// <inheritdoc />
    public IterationState Iterate(CalibrationObjective objective, IterationState state)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(state);
        int p = objective.ParameterCount;
        var s = (double[])state.MethodState.Clone();
        var here = s.AsSpan(3 + 2 * p, p).ToArray();
        var (cost, g) = objective.CostAndGradient(here);
        double t = s[0] + 1;
        var m = s.AsSpan(3, p);
        var v = s.AsSpan(3 + p, p);
        var u = s.AsSpan(3 + 2 * p, p);
        double c1 = 1 - Math.Pow(Options.Beta1, t), c2 = 1 - Math.Pow(Options.Beta2, t);
        for (int i = 0; i < p; i++)
        {
            m[i] = Options.Beta1 * m[i] + (1 - Options.Beta1) * g[i];
            v[i] = Options.Beta2 * v[i] + (1 - Options.Beta2) * g[i] * g[i];
            u[i] -= Options.LearningRate * (m[i] / c1) / (Math.Sqrt(v[i] / c2) + Options.Epsilon);
        }
        double quiet = double.IsFinite(s[1]) && Math.Abs(cost - s[1]) < Options.CostTolerance ? s[2] + 1 : 0;
        s[0] = t;
        s[1] = cost;
        s[2] = quiet;
        bool converged = quiet >= Options.Patience;
        return new IterationState(state.Iteration + 1, here, cost, SmallMatrix.Norm(g), s, objective.Counts, converged,
            converged ? $"converged: |ΔJ| < {Options.CostTolerance} for {Options.Patience} iterations" : "step");
    }
}
