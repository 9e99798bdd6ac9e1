using ClimateAD.Adjoint;
using ClimateAD.Adjoint.Costs;
using ClimateAD.Adjoint.Trajectories;

namespace ClimateAD.Calibration.Objectives;

/// <summary>
/// Evaluates the objective of a <see cref="CalibrationProblem"/> at a point u of the unbounded
/// free-parameter space (φ = g(u), θ = expand(φ)), in three ways, and counts the model work each
/// one does (<see cref="Counts"/>):
/// <list type="bullet">
/// <item><see cref="Evaluate"/>: J and the predictions from one forward run (L forward steps).</item>
/// <item><see cref="CostAndGradient"/>: J and ∇_u J by the adjoint, through
/// <see cref="TrajectoryRunner"/> with a <see cref="QuadraticCost"/> of the observation terms
/// (L forward + L adjoint steps, store-all checkpointing), plus the prior and the chain rule
/// ∇_u J = diag(dφ/du) (θ̄[free] + ∂J_b/∂φ).</item>
/// <item><see cref="Linearise"/>: the Jacobian ∂h/∂φ by the tangent model, one direction per
/// free parameter (L forward steps, reused from the last <see cref="Evaluate"/> at the same point,
/// + p·L tangent steps), and the Gauss–Newton Hessian.</item>
/// </list>
/// Plus <see cref="PredictEnsemble"/>: forward runs of many parameter vectors in parallel, each
/// worker with its own step from <see cref="CalibrationProblem.StepFactory"/>. Not safe for
/// concurrent calls of the serial methods.
/// </summary>
public sealed class CalibrationObjective
{
    private readonly IDifferentiableStep _step;
    private readonly TrajectoryRunner _runner;
    private readonly QuadraticCost _cost;
    private long _forward, _tangent, _adjoint;
    private double[]? _cachedTheta;
    private double[]? _cachedTrajectory;

    /// <summary>An objective for <paramref name="problem"/>.</summary>
    public CalibrationObjective(CalibrationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
        _step = problem.StepFactory();
        var plan = TrajectoryPlan.ForBudget(problem.Steps, _step.StateLength, _step.ParameterLength, 1L << 30);
        _runner = new TrajectoryRunner(_step, plan);
        _cost = new QuadraticCost(problem.Observations.Select(o => o.Term));
    }

    /// <summary>The problem.</summary>
    public CalibrationProblem Problem { get; }

    /// <summary>Number of free parameters p.</summary>
    public int ParameterCount => Problem.Free.Count;

    /// <summary>Number of observations m.</summary>
    public int ObservationCount => Problem.ObservationCount;

    /// <summary>Model work done so far (cumulative; see <see cref="RestoreCounts"/>).</summary>
    public ModelRunCounts Counts => new(Interlocked.Read(ref _forward), Interlocked.Read(ref _tangent), Interlocked.Read(ref _adjoint), Problem.Steps);

    /// <summary>Sets the counters, e.g. to the counts saved with a calibration being resumed.</summary>
    public void RestoreCounts(ModelRunCounts counts)
    {
        Interlocked.Exchange(ref _forward, counts.ForwardSteps);
        Interlocked.Exchange(ref _tangent, counts.TangentSteps);
        Interlocked.Exchange(ref _adjoint, counts.AdjointSteps);
    }

    /// <summary>J and the predictions at u (one forward run).</summary>
    public ObjectiveValue Evaluate(ReadOnlySpan<double> u)
    {
        var free = Problem.Free.ToParameters(u);
        var theta = Problem.Free.Expand(free);
        var trajectory = RunForward(theta);
        var h = Observe(trajectory);
        double jo = ObservationCost(h);
        double jb = Problem.Prior?.Evaluate(free, default) ?? 0.0;
        return new ObjectiveValue(jo + jb, jo, jb, h);
    }

    /// <summary>The predictions h = H(x(θ)) for a full θ (one forward run), concatenated over the observed variables.</summary>
    public double[] Predict(ReadOnlySpan<double> theta) => Observe(RunForward(theta));

    /// <summary>The state trajectory x[0..L] for a full θ, step-major ((L + 1) × N; one forward run).</summary>
    public double[] Trajectory(ReadOnlySpan<double> theta) => (double[])RunForward(theta).Clone();

    /// <summary>J and ∇_u J at u by the adjoint (one forward and one reverse sweep).</summary>
    public (double Cost, double[] Gradient) CostAndGradient(ReadOnlySpan<double> u)
    {
        var free = Problem.Free.ToParameters(u);
        var theta = Problem.Free.Expand(free);
        var result = _runner.Run(Problem.InitialState.ToArray(), theta, _cost);
        Interlocked.Add(ref _forward, result.Counts.ForwardCalls);
        Interlocked.Add(ref _adjoint, result.Counts.AdjointCalls);
        var gradFree = Problem.Free.Extract(result.ParameterGradient);
        double j = result.Cost + (Problem.Prior?.Evaluate(free, gradFree) ?? 0.0);
        var d = Problem.Free.Jacobian(u);
        for (int i = 0; i < d.Length; i++) gradFree[i] *= d[i];
        return (j, gradFree);
    }

    /// <summary>The linearisation at u: forward run (reused when the last run was at this point) and p tangent runs.</summary>
    public Linearisation Linearise(ReadOnlySpan<double> u)
    {
        var free = Problem.Free.ToParameters(u);
        var theta = Problem.Free.Expand(free);
        var trajectory = RunForward(theta);
        var h = Observe(trajectory);
        int m = h.Length, p = ParameterCount, n = _step.StateLength, steps = Problem.Steps;

        // Residual and weighted residual per observed variable.
        var d = new double[m];
        var w = new double[m];
        double jo = 0.0;
        int offset = 0;
        foreach (var o in Problem.Observations)
        {
            var dk = d.AsSpan(offset, o.Count);
            var wk = w.AsSpan(offset, o.Count);
            for (int i = 0; i < o.Count; i++) dk[i] = h[offset + i] - o.Term.Observations[i];
            o.Term.Covariance.ApplyInverse(dk, wk);
            for (int i = 0; i < o.Count; i++) jo += 0.5 * dk[i] * wk[i];
            offset += o.Count;
        }

        // Jacobian ∂h/∂φ by the tangent model, one column per free parameter.
        var jac = new double[m, p];
        var column = new double[m];
        var dTheta = new double[theta.Length];
        double[] dx = new double[n], dxNext = new double[n];
        for (int j = 0; j < p; j++)
        {
            Array.Clear(dTheta);
            dTheta[Problem.Free.Indices[j]] = 1.0;
            Array.Clear(dx);
            Array.Clear(column);
            ObserveInto(0, dx, column);
            for (int s = 0; s < steps; s++)
            {
                _step.Tangent(s, trajectory.AsSpan(s * n, n), theta, dx, dTheta, dxNext);
                (dx, dxNext) = (dxNext, dx);
                ObserveInto(s + 1, dx, column);
            }
            Interlocked.Add(ref _tangent, steps);
            for (int i = 0; i < m; i++) jac[i, j] = column[i];
        }

        // Gradient and Gauss–Newton Hessian in φ.
        var gradFree = new double[p];
        for (int j = 0; j < p; j++)
        {
            double s = 0.0;
            for (int i = 0; i < m; i++) s += jac[i, j] * w[i];
            gradFree[j] = s;
        }
        var hess = new double[p, p];
        var rinvG = new double[m];
        for (int c = 0; c < p; c++)
        {
            ApplyInverse(jac, c, rinvG);
            for (int r = 0; r < p; r++)
            {
                double s = 0.0;
                for (int i = 0; i < m; i++) s += jac[i, r] * rinvG[i];
                hess[r, c] = s;
            }
        }
        double jb = 0.0;
        if (Problem.Prior is { } prior)
        {
            jb = prior.Evaluate(free, gradFree);
            prior.AddPrecision(hess);
        }
        // Symmetrise against round-off.
        for (int r = 0; r < p; r++)
            for (int c = 0; c < r; c++)
                hess[r, c] = hess[c, r] = 0.5 * (hess[r, c] + hess[c, r]);

        var dphi = Problem.Free.Jacobian(u);
        var gradU = new double[p];
        var hessU = new double[p, p];
        for (int r = 0; r < p; r++)
        {
            gradU[r] = dphi[r] * gradFree[r];
            for (int c = 0; c < p; c++) hessU[r, c] = dphi[r] * hess[r, c] * dphi[c];
        }
        return new Linearisation(u.ToArray(), free, jo + jb, jo, jb, h, d, w, jac, dphi, gradFree, gradU, hess, hessU);
    }

    /// <summary>
    /// Forward runs of <paramref name="members"/> full parameter vectors (member-major rows of
    /// <paramref name="thetaRows"/>), in parallel; returns their predictions, member-major (members × m).
    /// Each worker thread uses its own model step.
    /// </summary>
    public double[] PredictEnsemble(ReadOnlySpan<double> thetaRows, int members, int maxDegreeOfParallelism = -1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(members, 1);
        int pFull = Problem.Free.Table.Count, m = ObservationCount;
        if (thetaRows.Length != members * pFull)
            throw new ArgumentException($"Expected {members} × {pFull} values.", nameof(thetaRows));
        var rows = thetaRows.ToArray();
        var result = new double[members * m];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, members, options, () => Problem.StepFactory(), (k, _, step) =>
        {
            var theta = rows.AsSpan(k * pFull, pFull);
            var trajectory = RunForward(step, theta);
            Observe(trajectory, step.StateLength).CopyTo(result, k * m);
            return step;
        }, _ => { });
        Interlocked.Add(ref _forward, (long)members * Problem.Steps);
        return result;
    }

    /// <summary>J_o = ½ Σ_k (h_k − y_k)ᵀ R_k⁻¹ (h_k − y_k) for concatenated predictions <paramref name="predictions"/>.</summary>
    public double ObservationCost(ReadOnlySpan<double> predictions)
    {
        if (predictions.Length != ObservationCount)
            throw new ArgumentException($"Expected {ObservationCount} predictions.", nameof(predictions));
        double j = 0.0;
        int offset = 0;
        foreach (var o in Problem.Observations)
        {
            var d = new double[o.Count];
            var w = new double[o.Count];
            for (int i = 0; i < o.Count; i++) d[i] = predictions[offset + i] - o.Term.Observations[i];
            o.Term.Covariance.ApplyInverse(d, w);
            for (int i = 0; i < o.Count; i++) j += 0.5 * d[i] * w[i];
            offset += o.Count;
        }
        return j;
    }

    /// <summary>The observations y, concatenated over the observed variables.</summary>
    public double[] ObservationVector() => Problem.Observations.SelectMany(o => o.Term.Observations).ToArray();

    // Column c of G through R⁻¹, term by term.
    private void ApplyInverse(double[,] jac, int c, double[] result)
    {
        int offset = 0;
        foreach (var o in Problem.Observations)
        {
            var g = new double[o.Count];
            for (int i = 0; i < o.Count; i++) g[i] = jac[offset + i, c];
            o.Term.Covariance.ApplyInverse(g, result.AsSpan(offset, o.Count));
            offset += o.Count;
        }
    }

    private double[] RunForward(double[] theta)
    {
        if (_cachedTheta is not null && _cachedTrajectory is not null && _cachedTheta.AsSpan().SequenceEqual(theta))
            return _cachedTrajectory;
        var trajectory = RunForward(_step, theta);
        Interlocked.Add(ref _forward, Problem.Steps);
        _cachedTheta = (double[])theta.Clone();
        _cachedTrajectory = trajectory;
        return trajectory;
    }

    private double[] RunForward(ReadOnlySpan<double> theta)
    {
        var copy = theta.ToArray();
        return RunForward(copy);
    }

    private double[] RunForward(IDifferentiableStep step, ReadOnlySpan<double> theta)
    {
        int n = step.StateLength, steps = Problem.Steps;
        var trajectory = new double[(steps + 1) * n];
        for (int i = 0; i < n; i++) trajectory[i] = Problem.InitialState[i];
        for (int s = 0; s < steps; s++)
            step.Forward(s, trajectory.AsSpan(s * n, n), theta, trajectory.AsSpan((s + 1) * n, n));
        return trajectory;
    }

    private double[] Observe(double[] trajectory) => Observe(trajectory, _step.StateLength);

    private double[] Observe(double[] trajectory, int n)
    {
        var h = new double[ObservationCount];
        for (int s = 0; s <= Problem.Steps; s++) ObserveInto(s, trajectory.AsSpan(s * n, n), h);
        return h;
    }

    private void ObserveInto(int s, ReadOnlySpan<double> x, Span<double> h)
    {
        int offset = 0;
        foreach (var o in Problem.Observations)
        {
            o.Term.Operator.Apply(s, x, h.Slice(offset, o.Count));
            offset += o.Count;
        }
    }
}
