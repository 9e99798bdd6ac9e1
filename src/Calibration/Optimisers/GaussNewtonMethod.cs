using ClimateAD.Calibration.Objectives;

namespace ClimateAD.Calibration.Optimisers;

/// <summary>
/// Gauss–Newton with Levenberg–Marquardt damping (Levenberg 1944; Marquardt 1963, SIAM J. Appl.
/// Math. 11, 431; Nocedal &amp; Wright 2006, §10.3) in the unbounded space u, with the residual
/// Jacobian from the tangent model (<see cref="CalibrationObjective.Linearise"/>):
/// <code>
///   (H + μ diag H) δ = −∇J,    H = D(GᵀR⁻¹G + B⁻¹)D,   u ← u + δ if J(u + δ) &lt; J(u)
/// </code>
/// The damping falls (μ/3) after a step whose actual decrease exceeds ¾ of the predicted one,
/// rises (×2) below ¼, and rises ×4 on a rejected step (which is retried).
/// Each iteration costs one forward run per trial and p tangent runs at the accepted point.
/// Stops when the predicted decrease of the undamped step, ½ ∇Jᵀ H⁻¹ ∇J, is below
/// <see cref="GaussNewtonOptions.CostTolerance"/>, or, when it is below
/// <see cref="GaussNewtonOptions.FinalStepTolerance"/>, after taking that step if one forward run
/// confirms J does not rise (then the last state has no linearisation and its gradient norm is
/// NaN). State: [μ, ∇_u J (p), H_u (p × p)].
/// </summary>
public sealed class GaussNewtonMethod(GaussNewtonOptions? options = null) : ICalibrationMethod
{
    /// <summary>The settings.</summary>
    public GaussNewtonOptions Options { get; } = options ?? new GaussNewtonOptions();

    /// <inheritdoc />
    public string Name => "gauss-newton";

    /// <inheritdoc />
    public int MaxIterations => Options.MaxIterations;

    /// <inheritdoc />
    public int StateLength(int parameterCount) => 1 + parameterCount + parameterCount * parameterCount;

    /// <inheritdoc />
    public IterationState Start(CalibrationObjective objective, ReadOnlySpan<double> u0)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var lin = objective.Linearise(u0);
        return Make(objective, 0, lin, Options.InitialDamping, "start");
    }

    /// <inheritdoc />
    public IterationState Iterate(CalibrationObjective objective, IterationState state)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(state);
        int p = objective.ParameterCount;
        double mu = state.MethodState[0];
        var g = state.MethodState.AsSpan(1, p).ToArray();
        var h = SmallMatrix.Unpack(state.MethodState.AsSpan(1 + p, p * p), p);
        var full = SmallMatrix.TrySolveSpd(h, Negate(g));
        double fullDecrease = full is null ? double.PositiveInfinity : -0.5 * SmallMatrix.Dot(g, full);
        if (fullDecrease < Options.FinalStepTolerance)
        {
            // Close enough for a last undamped step checked by one forward run.
            var last = new double[p];
            for (int i = 0; i < p; i++) last[i] = state.U[i] + full![i];
            double lastCost = TryCost(objective, last);
            if (lastCost <= state.Cost)
                return new IterationState(state.Iteration + 1, last, lastCost, double.NaN, state.MethodState, objective.Counts, true,
                    FormattableString.Invariant($"converged: final step, predicted decrease {fullDecrease:G3}"));
        }
        for (int attempt = 0; attempt <= Options.MaxRejections; attempt++)
        {
            var damped = (double[,])h.Clone();
            for (int i = 0; i < p; i++) damped[i, i] += mu * Math.Max(h[i, i], 1e-12);
            var step = SmallMatrix.TrySolveSpd(damped, Negate(g));
            if (step is null)
            {
                mu = Math.Max(mu * 4.0, 1e-6);
                continue;
            }
            double predicted = -SmallMatrix.Dot(g, step) - 0.5 * SmallMatrix.Dot(step, SmallMatrix.Multiply(h, step));
            var trial = new double[p];
            for (int i = 0; i < p; i++) trial[i] = state.U[i] + step[i];
            double cost = TryCost(objective, trial);
            if (cost < state.Cost)
            {
                double rho = predicted > 0 ? (state.Cost - cost) / predicted : 0.0;
                if (rho > 0.75) mu /= 3.0;
                else if (rho < 0.25) mu *= 2.0;
                var lin = objective.Linearise(trial);
                return Make(objective, state.Iteration + 1, lin, mu, "accepted");
            }
            mu = Math.Max(mu * 4.0, 1e-6);
        }
        return state with { Iteration = state.Iteration + 1, Counts = objective.Counts, Converged = false, Stopped = true, Status = "stopped: no decrease after damping" };
    }

    private IterationState Make(CalibrationObjective objective, int iteration, Linearisation lin, double mu, string status)
    {
        int p = lin.U.Length;
        var s = new double[StateLength(p)];
        s[0] = mu;
        lin.GradientU.CopyTo(s, 1);
        SmallMatrix.Pack(lin.HessianU, s.AsSpan(1 + p));
        var full = SmallMatrix.TrySolveSpd(lin.HessianU, lin.GradientU);
        double predicted = full is null ? double.PositiveInfinity : 0.5 * SmallMatrix.Dot(lin.GradientU, full);
        bool converged = predicted < Options.CostTolerance;
        return new IterationState(iteration, lin.U, lin.Cost, SmallMatrix.Norm(lin.GradientU), s, objective.Counts, converged,
            converged ? FormattableString.Invariant($"converged: predicted decrease {predicted:G3}") : status)
        { Linearisation = lin };
    }

    private static double TryCost(CalibrationObjective objective, double[] u)
    {
        try
        {
            double c = objective.Evaluate(u).Cost;
            return double.IsFinite(c) ? c : double.PositiveInfinity;
        }
        catch (ArgumentException)
        {
            return double.PositiveInfinity; // the model rejected the parameters (e.g. not positive)
        }
    }

    private static double[] Negate(ReadOnlySpan<double> g)
    {
        var r = new double[g.Length];
        for (int i = 0; i < r.Length; i++) r[i] = -g[i];
        return r;
    }
}
