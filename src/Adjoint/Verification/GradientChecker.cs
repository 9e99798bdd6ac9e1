using ClimateAD.Adjoint.Costs;
using ClimateAD.Adjoint.Trajectories;

namespace ClimateAD.Adjoint.Verification;

/// <summary>
/// The one shared gradient-verification harness of DESIGN.md §3: dot-product test of every
/// step's tangent/adjoint pair, Taylor test of the full-trajectory gradient, and
/// finite-difference check of chosen parameters. Random vectors come from a fixed seed, so
/// results are reproducible.
/// </summary>
/// <remarks>
/// <para>Dot-product test (e.g. Navon, Zou, Derber &amp; Sela 1992, Mon. Wea. Rev. 120:1433–1446):
/// <c>|⟨M_x δx, λ⟩ − ⟨δx, M_xᵀ λ⟩| / max(|⟨M_x δx, λ⟩|, |⟨δx, M_xᵀ λ⟩|) ≤ 10⁻¹²</c>, and the same
/// for <c>M_θ</c>. Also checked: the tangent writes its output and the adjoint accumulates into
/// its outputs (<see cref="IDifferentiableStep"/>), and, for an <see cref="ITapedStep"/>, that
/// <see cref="ITapedStep.ForwardTaped"/> and <see cref="ITapedStep.AdjointTaped"/> give bit-for-bit
/// the results of <see cref="IDifferentiableStep.Forward"/> and <see cref="IDifferentiableStep.Adjoint"/>
/// (the value reported is the number of differing doubles).</para>
/// <para>Taylor test (Farrell et al. 2013, SIAM J. Sci. Comput. 35:C369–C393, "dolfin-adjoint"):
/// <c>r(ε) = |J(v + εh) − J(v) − ε ∇J·h|</c> for <c>v = (θ, x[0])</c>, <c>ε_i = 10⁻²/2^i</c>,
/// <c>i = 0…4</c>; the observed rate <c>min_i log₂(r_i / r_{i+1})</c> must be ≥ 1.9. When
/// <c>J</c> is linear along <c>h</c> (all remainders at round-off) the rate is reported as ∞.</para>
/// <para>Finite differences: central <c>(J(v + η e_i) − J(v − η e_i)) / 2η</c>,
/// <c>η = 10⁻⁶ max(|v_i|, 1)</c>, relative error to the adjoint gradient &lt; 1 %.</para>
/// </remarks>
public static class GradientChecker
{
    /// <summary>Bound on the dot-product relative error, <c>10⁻¹²</c>.</summary>
    public const double DotProductTolerance = 1e-12;

    /// <summary>Least acceptable Taylor convergence rate, 1.9.</summary>
    public const double MinimumTaylorRate = 1.9;

    /// <summary>Bound on the finite-difference relative error, 1 %.</summary>
    public const double FiniteDifferenceTolerance = 0.01;

    /// <summary>Seed of every random vector in the harness.</summary>
    public const int Seed = 20240917;

    /// <summary>All checks on one case: dot-product (state, parameters, output conventions), Taylor, finite differences.</summary>
    public static IReadOnlyList<GradientCheckResult> RunAll(GradientCheckCase c) =>
        [.. DotProduct(c), Taylor(c), .. FiniteDifference(c)];

    /// <summary>Dot-product tests of the state and parameter parts of the tangent/adjoint pair at step 0 and step <c>L − 1</c>, plus output-convention checks.</summary>
    public static IReadOnlyList<GradientCheckResult> DotProduct(GradientCheckCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var step = c.Step;
        int nx = step.StateLength, np = step.ParameterLength;
        var rng = new Random(Seed);
        double[] dx = Random(rng, nx), dTheta = Random(rng, np), lambdaNext = Random(rng, nx);
        double[] zeroX = new double[nx], zeroTheta = new double[np];
        var results = new List<GradientCheckResult>();
        double worstState = 0, worstParameters = 0, worstTangentWrite = 0, worstAccumulate = 0, tapedMismatches = 0;
        foreach (int n in new[] { 0, Math.Max(0, c.Steps - 1) }.Distinct())
        {
            // State part: ⟨M_x δx, λ⟩ vs ⟨δx, M_xᵀ λ⟩.
            var tangent = new double[nx];
            step.Tangent(n, c.State, c.Parameters, dx, zeroTheta, tangent);
            var lambda = new double[nx];
            var thetaBar = new double[np];
            step.Adjoint(n, c.State, c.Parameters, lambdaNext, lambda, thetaBar);
            worstState = Math.Max(worstState, RelativeDifference(Dot(tangent, lambdaNext), Dot(dx, lambda)));

            // Parameter part: ⟨M_θ δθ, λ⟩ vs ⟨δθ, M_θᵀ λ⟩.
            if (np > 0)
            {
                var tangentTheta = new double[nx];
                step.Tangent(n, c.State, c.Parameters, zeroX, dTheta, tangentTheta);
                worstParameters = Math.Max(worstParameters, RelativeDifference(Dot(tangentTheta, lambdaNext), Dot(dTheta, thetaBar)));
            }

            // Conventions: the tangent writes (a NaN-filled output must come back equal), the adjoint accumulates.
            var written = new double[nx];
            Array.Fill(written, double.NaN);
            step.Tangent(n, c.State, c.Parameters, dx, zeroTheta, written);
            worstTangentWrite = Math.Max(worstTangentWrite, MaxRelativeDeviation(written, tangent, new double[nx]));
            double[] lambdaPrior = Random(rng, nx), thetaPrior = Random(rng, np);
            double[] lambdaAcc = (double[])lambdaPrior.Clone(), thetaAcc = (double[])thetaPrior.Clone();
            step.Adjoint(n, c.State, c.Parameters, lambdaNext, lambdaAcc, thetaAcc);
            worstAccumulate = Math.Max(worstAccumulate, Math.Max(
                MaxRelativeDeviation(lambdaAcc, lambda, lambdaPrior), MaxRelativeDeviation(thetaAcc, thetaBar, thetaPrior)));

            if (step is ITapedStep taped) tapedMismatches += TapedMismatches(taped, n, c, lambdaNext, lambdaPrior, thetaPrior);
        }
        results.Add(Result(c.Name, "dot-product (state)", worstState, DotProductTolerance, worstState <= DotProductTolerance));
        if (np > 0)
            results.Add(Result(c.Name, "dot-product (parameters)", worstParameters, DotProductTolerance, worstParameters <= DotProductTolerance));
        results.Add(Result(c.Name, "tangent writes output", worstTangentWrite, DotProductTolerance, worstTangentWrite <= DotProductTolerance));
        results.Add(Result(c.Name, "adjoint accumulates", worstAccumulate, DotProductTolerance, worstAccumulate <= DotProductTolerance));
        if (step is ITapedStep)
            results.Add(Result(c.Name, "taped forward/adjoint bit-identical", tapedMismatches, 0, tapedMismatches == 0));
        return results;
    }

    // Doubles in which ForwardTaped/AdjointTaped differ from Forward/Adjoint, bit for bit.
    private static int TapedMismatches(ITapedStep step, int n, GradientCheckCase c, double[] lambdaNext, double[] lambdaPrior, double[] thetaPrior)
    {
        int nx = step.StateLength;
        double[] next = new double[nx], nextTaped = new double[nx], tape = new double[step.TapeLength];
        step.Forward(n, c.State, c.Parameters, next);
        step.ForwardTaped(n, c.State, c.Parameters, nextTaped, tape);
        double[] lambda = (double[])lambdaPrior.Clone(), thetaBar = (double[])thetaPrior.Clone();
        double[] lambdaTaped = (double[])lambdaPrior.Clone(), thetaBarTaped = (double[])thetaPrior.Clone();
        step.Adjoint(n, c.State, c.Parameters, lambdaNext, lambda, thetaBar);
        step.AdjointTaped(n, c.State, c.Parameters, tape, lambdaNext, lambdaTaped, thetaBarTaped);
        static int Differing(double[] a, double[] b) =>
            a.Zip(b).Count(p => BitConverter.DoubleToInt64Bits(p.First) != BitConverter.DoubleToInt64Bits(p.Second));
        return Differing(next, nextTaped) + Differing(lambda, lambdaTaped) + Differing(thetaBar, thetaBarTaped);
    }

    /// <summary>Taylor test of the full-trajectory gradient along a random direction in <c>(θ, x[0])</c>.</summary>
    public static GradientCheckResult Taylor(GradientCheckCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var (runner, cost) = Setup(c);
        int np = c.Parameters.Length, nx = c.State.Length;
        var gradient = runner.Run(c.State, c.Parameters, cost);
        var rng = new Random(Seed + 1);
        double[] h = Random(rng, np + nx);
        for (int i = 0; i < h.Length; i++) h[i] *= Scale(i < np ? c.Parameters[i] : c.State[i - np]);
        double slope = 0;
        for (int i = 0; i < np; i++) slope += gradient.ParameterGradient[i] * h[i];
        for (int i = 0; i < nx; i++) slope += gradient.InitialStateGradient[i] * h[np + i];
        double j0 = gradient.Cost;
        var remainders = new double[5];
        for (int k = 0; k < remainders.Length; k++)
        {
            double eps = 1e-2 / Math.Pow(2, k);
            double[] theta = (double[])c.Parameters.Clone(), x0 = (double[])c.State.Clone();
            for (int i = 0; i < np; i++) theta[i] += eps * h[i];
            for (int i = 0; i < nx; i++) x0[i] += eps * h[np + i];
            remainders[k] = Math.Abs(runner.EvaluateCost(x0, theta, cost) - j0 - eps * slope);
        }
        double roundOff = 1e-13 * (Math.Abs(j0) + Math.Abs(1e-2 * slope));
        double rate = double.PositiveInfinity;
        if (remainders.Any(r => r > roundOff))
            for (int k = 0; k + 1 < remainders.Length; k++)
                rate = Math.Min(rate, Math.Log2(remainders[k] / remainders[k + 1]));
        return Result(c.Name, "taylor rate", rate, MinimumTaylorRate, rate >= MinimumTaylorRate);
    }

    /// <summary>
    /// Central finite differences of <c>J</c> for the chosen parameters and initial-state components.
    /// A component where both values are below 1e-9·max(|J|, 1) counts as an agreeing zero; when every
    /// component does, the cost is too large for finite differences to resolve anything and an extra
    /// failing result says so (otherwise a huge cost would hide any wrong gradient).
    /// </summary>
    public static IReadOnlyList<GradientCheckResult> FiniteDifference(GradientCheckCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var (runner, cost) = Setup(c);
        var gradient = runner.Run(c.State, c.Parameters, cost);
        var results = new List<GradientCheckResult>();
        int resolved = 0;
        GradientCheckResult FdResult(string name, string test, double fd, double adjoint, double j)
        {
            if (!InZeroBand(fd, adjoint, j)) resolved++;
            return GradientChecker.FdResult(name, test, fd, adjoint, j);
        }
        foreach (int i in c.CheckedParameters ?? Enumerable.Range(0, c.Parameters.Length))
        {
            double fd = CentralDifference(c.Parameters, i, v => runner.EvaluateCost(c.State, v, cost));
            results.Add(FdResult(c.Name, $"finite-difference θ[{i}]", fd, gradient.ParameterGradient[i], gradient.Cost));
        }
        foreach (int i in c.CheckedStateComponents ?? [0])
        {
            double fd = CentralDifference(c.State, i, v => runner.EvaluateCost(v, c.Parameters, cost));
            results.Add(FdResult(c.Name, $"finite-difference x0[{i}]", fd, gradient.InitialStateGradient[i], gradient.Cost));
        }
        // Every component inside the "agreeing zeros" band means the check compared nothing: the
        // cost is so large that finite differences cannot resolve any gradient component.
        if (results.Count > 0 && resolved == 0)
            results.Add(Result(c.Name, "finite differences resolve at least one component", 0, 1, false));
        return results;
    }

    /// <summary>
    /// Checks a cost's adjoint forcing <c>∂J/∂x[n]</c> and parameter gradient <c>∂J/∂θ</c> against
    /// central finite differences of <c>J</c> on a given trajectory, for every component.
    /// </summary>
    /// <param name="name">Component name for the report.</param>
    /// <param name="cost">The cost.</param>
    /// <param name="trajectory">States <c>x[0..L]</c>.</param>
    /// <param name="theta">Parameters.</param>
    public static IReadOnlyList<GradientCheckResult> CheckCost(string name, ITrajectoryCost cost, IReadOnlyList<double[]> trajectory, double[] theta)
    {
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(trajectory);
        ArgumentNullException.ThrowIfNull(theta);
        var workspace = new double[cost.WorkspaceLength];
        double j = EvaluateCost(cost, trajectory, theta, workspace);
        double worstState = 0, worstTheta = 0;
        for (int n = 0; n < trajectory.Count; n++)
        {
            var forcing = new double[trajectory[n].Length];
            cost.AddStateForcing(n, trajectory[n], workspace, forcing);
            for (int k = 0; k < forcing.Length; k++)
            {
                double fd = CentralDifference(trajectory[n], k, v =>
                {
                    var perturbed = trajectory.ToArray();
                    perturbed[n] = v;
                    return EvaluateCost(cost, perturbed, theta, new double[cost.WorkspaceLength]);
                });
                worstState = Math.Max(worstState, FdError(fd, forcing[k], j));
            }
        }
        var thetaBar = new double[theta.Length];
        cost.AddParameterGradient(theta, workspace, thetaBar);
        for (int i = 0; i < theta.Length; i++)
        {
            double fd = CentralDifference(theta, i, v => EvaluateCost(cost, trajectory, v, new double[cost.WorkspaceLength]));
            worstTheta = Math.Max(worstTheta, FdError(fd, thetaBar[i], j));
        }
        return
        [
            Result(name, "finite-difference dJ/dx[n]", worstState, FiniteDifferenceTolerance, worstState < FiniteDifferenceTolerance),
            Result(name, "finite-difference dJ/dθ", worstTheta, FiniteDifferenceTolerance, worstTheta < FiniteDifferenceTolerance),
        ];
    }

    private static double EvaluateCost(ITrajectoryCost cost, IReadOnlyList<double[]> trajectory, double[] theta, double[] workspace)
    {
        Array.Clear(workspace);
        for (int n = 0; n < trajectory.Count; n++) cost.Observe(n, trajectory[n], workspace);
        return cost.Complete(theta, workspace);
    }

    private static (TrajectoryRunner Runner, ITrajectoryCost Cost) Setup(GradientCheckCase c)
    {
        if (c.State.Length != c.Step.StateLength || c.Parameters.Length != c.Step.ParameterLength)
            throw new ArgumentException($"Case '{c.Name}': state/parameter lengths do not match the step.");
        var runner = new TrajectoryRunner(c.Step, new TrajectoryPlan(Checkpointing.StoreAllSchedule.Create(c.Steps), c.Step.StateLength, c.Step.ParameterLength));
        return (runner, c.Cost ?? DefaultCost(c, runner));
    }

    // ½ Σ_n Σ_k (x[n]_k − y[n]_k)² + ½ |θ − 0.9 θ|², y a randomly perturbed reference trajectory.
    private static QuadraticCost DefaultCost(GradientCheckCase c, TrajectoryRunner runner)
    {
        int nx = c.State.Length;
        var reference = new double[c.Steps + 1][];
        reference[0] = (double[])c.State.Clone();
        for (int n = 0; n < c.Steps; n++)
        {
            reference[n + 1] = new double[nx];
            c.Step.Forward(n, reference[n], c.Parameters, reference[n + 1]);
        }
        var rng = new Random(Seed + 2);
        var allSteps = Enumerable.Range(0, c.Steps + 1).ToArray();
        var terms = Enumerable.Range(0, nx).Select(k => new ObservationTerm(
            new SampleOperator(k, allSteps),
            allSteps.Select(n => reference[n][k] + 0.1 * (2 * rng.NextDouble() - 1) * Scale(reference[n][k])),
            DiagonalCovariance.Uniform(c.Steps + 1, 1.0))).ToList();
        var background = c.Parameters.Length > 0
            ? new BackgroundTerm(c.Parameters.Select(p => 0.9 * p), DiagonalCovariance.Uniform(c.Parameters.Length, 1.0))
            : null;
        return new QuadraticCost(terms, background);
    }

    private static double CentralDifference(double[] at, int i, Func<double[], double> f)
    {
        double eta = 1e-6 * Scale(at[i]);
        double[] plus = (double[])at.Clone(), minus = (double[])at.Clone();
        plus[i] += eta;
        minus[i] -= eta;
        return (f(plus) - f(minus)) / (plus[i] - minus[i]);
    }

    private static GradientCheckResult FdResult(string name, string test, double fd, double adjoint, double j)
    {
        double error = FdError(fd, adjoint, j);
        return Result(name, test, error, FiniteDifferenceTolerance, error < FiniteDifferenceTolerance);
    }

    // Relative error; both values below 1e-9·max(|J|, 1) count as agreeing zeros.
    private static double FdError(double fd, double adjoint, double j) =>
        InZeroBand(fd, adjoint, j) ? 0 : Math.Abs(fd - adjoint) / Math.Max(Math.Abs(fd), Math.Abs(adjoint));

    private static bool InZeroBand(double fd, double adjoint, double j) =>
        Math.Max(Math.Abs(fd), Math.Abs(adjoint)) <= 1e-9 * Math.Max(Math.Abs(j), 1);

    private static GradientCheckResult Result(string name, string test, double value, double threshold, bool pass) =>
        new(name, test, value, threshold, pass && !double.IsNaN(value));

    private static double Scale(double v) => Math.Max(Math.Abs(v), 1);

    private static double[] Random(Random rng, int n)
    {
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = 2 * rng.NextDouble() - 1;
        return v;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    private static double RelativeDifference(double a, double b)
    {
        double scale = Math.Max(Math.Abs(a), Math.Abs(b));
        return scale == 0 ? 0 : Math.Abs(a - b) / scale;
    }

    // max_i |actual_i − prior_i − expected_i| / max(|expected|∞, |prior|∞); NaN when anything is NaN.
    private static double MaxRelativeDeviation(double[] actual, double[] expected, double[] prior)
    {
        double scale = 0, worst = 0;
        for (int i = 0; i < actual.Length; i++) scale = Math.Max(scale, Math.Max(Math.Abs(expected[i]), Math.Abs(prior[i])));
        for (int i = 0; i < actual.Length; i++)
        {
            double d = Math.Abs(actual[i] - prior[i] - expected[i]);
            if (double.IsNaN(d)) return double.NaN;
            worst = Math.Max(worst, d);
        }
        return scale == 0 ? worst : worst / scale;
    }
}
