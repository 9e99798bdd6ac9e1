using ClimateAD.Calibration.Objectives;

namespace ClimateAD.Calibration.Optimisers;

/// <summary>
/// Limited-memory BFGS (Liu &amp; Nocedal 1989, Math. Prog. 45, 503; Nocedal &amp; Wright 2006,
/// Alg. 7.4 and 7.5) in the unbounded space u, so the parameter bounds hold through the transforms
/// (this replaces L-BFGS-B's projected steps: MathNet.Numerics 5.0 offers BfgsBMinimizer with
/// dense BFGS and LimitedMemoryBfgsMinimizer without bounds, neither of which exposes its state
/// for an exact restart). Gradients come from the adjoint (<see cref="CalibrationObjective.CostAndGradient"/>,
/// 2 runs each). Direction d = −H∇J by the two-loop recursion with H₀ from
/// <see cref="LbfgsOptions.Preconditioner"/>; step length α by a weak-Wolfe bracketing line search
/// (Lewis &amp; Overton 2013, Math. Prog. 141, 135) starting at α = 1. Pairs with sᵀy ≤ 0 are skipped.
/// Stops when the quasi-Newton predicted decrease ½ ∇Jᵀ H ∇J is below
/// <see cref="LbfgsOptions.CostTolerance"/> and each of the last <see cref="QuietIterations"/>
/// iterations lowered J by less than it (the quasi-Newton H alone can be too small along flat valleys).
/// State: [pairs, newest slot, quiet iterations, ∇J (p), S (m·p), Y (m·p), H₀ (p·p)].
/// </summary>
public sealed class LbfgsMethod(LbfgsOptions? options = null) : ICalibrationMethod
{
    /// <summary>The settings.</summary>
    public LbfgsOptions Options { get; } = options ?? new LbfgsOptions();

    /// <summary>Consecutive iterations that must each lower J by less than the tolerance before stopping (3).</summary>
    public const int QuietIterations = 3;

    /// <inheritdoc />
    public string Name => "lbfgs";

    /// <inheritdoc />
    public int MaxIterations => Options.MaxIterations;

    /// <inheritdoc />
    public int StateLength(int parameterCount) => 3 + parameterCount * (1 + 2 * Options.Memory + parameterCount);

    /// <inheritdoc />
    public IterationState Start(CalibrationObjective objective, ReadOnlySpan<double> u0)
    {
        ArgumentNullException.ThrowIfNull(objective);
        int p = objective.ParameterCount;
        var s = new double[StateLength(p)];
        double cost;
        double[] g;
        Linearisation? lin = null;
        if (Options.Preconditioner == LbfgsPreconditioner.GaussNewton)
        {
            lin = objective.Linearise(u0);
            (cost, g) = (lin.Cost, lin.GradientU);
            var inv = SmallMatrix.TryInverseSpd(lin.HessianU);
            if (inv is not null) SmallMatrix.Pack(inv, H0(s, p));
        }
        else
        {
            (cost, g) = objective.CostAndGradient(u0);
        }
        g.CopyTo(s, 3);
        s[2] = 0;
        return Finish(objective, 0, u0.ToArray(), cost, s, "start") with { Linearisation = lin };
    }

    /// <inheritdoc />
    public IterationState Iterate(CalibrationObjective objective, IterationState state)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(state);
        int p = objective.ParameterCount;
        var s = (double[])state.MethodState.Clone();
        var g = s.AsSpan(3, p).ToArray();
        var d = Direction(s, p, g);
        for (int i = 0; i < p; i++) d[i] = -d[i];
        double slope = SmallMatrix.Dot(g, d);
        if (!(slope < 0))
        {
            // Not a descent direction: drop the memory and use steepest descent.
            s[0] = 0;
            d = g.Select(x => -x).ToArray();
            slope = SmallMatrix.Dot(g, d);
        }
        double alpha = 1.0;
        if ((int)s[0] == 0 && !HasH0(s, p)) alpha = 1.0 / Math.Max(1.0, SmallMatrix.Norm(g));
        double lo = 0.0, hi = double.PositiveInfinity;
        double[]? bestU = null, bestG = null;
        double bestCost = state.Cost;
        for (int trial = 0; trial < Options.MaxLineSearchSteps; trial++)
        {
            var u = new double[p];
            for (int i = 0; i < p; i++) u[i] = state.U[i] + alpha * d[i];
            var (cost, gNew) = TryGradient(objective, u);
            if (!(cost <= state.Cost + Options.ArmijoConstant * alpha * slope))
            {
                hi = alpha;
            }
            else
            {
                if (cost < bestCost) (bestU, bestG, bestCost) = (u, gNew, cost);
                if (SmallMatrix.Dot(gNew, d) >= Options.CurvatureConstant * slope) break;
                lo = alpha;
            }
            alpha = double.IsPositiveInfinity(hi) ? 2.0 * alpha : 0.5 * (lo + hi);
        }
        if (bestU is null)
            return state with { Iteration = state.Iteration + 1, Counts = objective.Counts, Converged = false, Stopped = true, Status = "stopped: line search found no decrease" };

        // New pair s = Δu, y = Δg.
        var sv = new double[p];
        var yv = new double[p];
        for (int i = 0; i < p; i++)
        {
            sv[i] = bestU[i] - state.U[i];
            yv[i] = bestG![i] - g[i];
        }
        if (SmallMatrix.Dot(sv, yv) > 1e-12 * SmallMatrix.Norm(sv) * SmallMatrix.Norm(yv))
        {
            int m = Options.Memory;
            int slot = ((int)s[1] + 1) % m;
            sv.CopyTo(s.AsSpan(3 + p + slot * p, p));
            yv.CopyTo(s.AsSpan(3 + p + m * p + slot * p, p));
            s[1] = slot;
            s[0] = Math.Min(m, (int)s[0] + 1);
        }
        bestG!.CopyTo(s, 3);
        s[2] = state.Cost - bestCost < Options.CostTolerance ? s[2] + 1 : 0;
        return Finish(objective, state.Iteration + 1, bestU, bestCost, s, "accepted");
    }

    private IterationState Finish(CalibrationObjective objective, int iteration, double[] u, double cost, double[] s, string status)
    {
        int p = u.Length;
        var g = s.AsSpan(3, p).ToArray();
        var hg = Direction(s, p, g);
        double predicted = 0.5 * SmallMatrix.Dot(g, hg);
        bool converged = predicted < Options.CostTolerance && s[2] >= QuietIterations;
        return new IterationState(iteration, u, cost, SmallMatrix.Norm(g), s, objective.Counts, converged,
            converged ? FormattableString.Invariant($"converged: predicted decrease {predicted:G3}") : status);
    }

    // H g by the two-loop recursion (Nocedal & Wright 2006, Alg. 7.4).
    private double[] Direction(double[] s, int p, double[] g)
    {
        int m = Options.Memory, pairs = (int)s[0], newest = (int)s[1];
        var q = (double[])g.Clone();
        var alpha = new double[pairs];
        var rho = new double[pairs];
        for (int k = 0; k < pairs; k++)
        {
            int slot = ((newest - k) % m + m) % m;
            var sk = s.AsSpan(3 + p + slot * p, p);
            var yk = s.AsSpan(3 + p + m * p + slot * p, p);
            rho[k] = 1.0 / SmallMatrix.Dot(yk, sk);
            alpha[k] = rho[k] * SmallMatrix.Dot(sk, q);
            for (int i = 0; i < p; i++) q[i] -= alpha[k] * yk[i];
        }
        double[] r;
        if (HasH0(s, p)) r = SmallMatrix.Multiply(SmallMatrix.Unpack(H0(s, p), p), q);
        else
        {
            double gamma = 1.0;
            if (pairs > 0)
            {
                var sk = s.AsSpan(3 + p + newest * p, p);
                var yk = s.AsSpan(3 + p + m * p + newest * p, p);
                gamma = SmallMatrix.Dot(sk, yk) / SmallMatrix.Dot(yk, yk);
            }
            r = q.Select(x => gamma * x).ToArray();
        }
        for (int k = pairs - 1; k >= 0; k--)
        {
            int slot = ((newest - k) % m + m) % m;
            var sk = s.AsSpan(3 + p + slot * p, p);
            var yk = s.AsSpan(3 + p + m * p + slot * p, p);
            double beta = rho[k] * SmallMatrix.Dot(yk, r);
            for (int i = 0; i < p; i++) r[i] += sk[i] * (alpha[k] - beta);
        }
        return r;
    }

    private Span<double> H0(double[] s, int p) => s.AsSpan(3 + p + 2 * Options.Memory * p, p * p);

    private bool HasH0(double[] s, int p)
    {
        foreach (double v in H0(s, p))
            if (v != 0) return true;
        return false;
    }

    private static (double Cost, double[] Gradient) TryGradient(CalibrationObjective objective, double[] u)
    {
        try
        {
            var (c, g) = objective.CostAndGradient(u);
            return double.IsFinite(c) && g.All(double.IsFinite) ? (c, g) : (double.PositiveInfinity, g);
        }
        catch (ArgumentException)
        {
            return (double.PositiveInfinity, new double[u.Length]);
        }
    }
}
