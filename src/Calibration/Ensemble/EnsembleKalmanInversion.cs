using ClimateAD.Calibration.Objectives;
using ClimateAD.Calibration.Optimisers;

namespace ClimateAD.Calibration.Ensemble;

/// <summary>
/// Ensemble Kalman inversion (Iglesias, Law &amp; Stuart 2013, Inverse Problems 29, 045001), a
/// derivative-free method: J members u⁽ʲ⁾ in the unbounded space, each run forward (in parallel,
/// one model step per worker), then updated with the ensemble covariances
/// <code>
///   u⁽ʲ⁾ ← u⁽ʲ⁾ + C_uG (C_GG + αR)⁻¹ (y + √α η⁽ʲ⁾ − G⁽ʲ⁾),   η⁽ʲ⁾ ~ N(0, R),   α = 1/Δt
/// </code>
/// with Δt from <see cref="EnsembleKalmanOptions.Schedule"/>. R is only available through R⁻¹,
/// so the gain uses the Woodbury identity: with anomalies ΔU = (u⁽ʲ⁾ − ū)/√(J − 1),
/// ΔG = (G⁽ʲ⁾ − Ḡ)/√(J − 1) and A = ΔGᵀ(αR)⁻¹ΔG (J × J),
/// <code>
///   C_uG (C_GG + αR)⁻¹ r = ΔU (I + A)⁻¹ ΔGᵀ (αR)⁻¹ r.
/// </code>
/// The prior term, if any, is not used in the update; it shapes the initial ensemble (the first
/// guess ± the prior σ, or ± <see cref="EnsembleKalmanOptions.InitialSpread"/> relative where there
/// is none). Each iteration costs J runs plus one run at the ensemble mean for the reported J.
/// Random draws of iteration k use <see cref="Random"/> seeded with a fixed function of
/// (seed, k), so a resumed run repeats them. State: the ensemble, J × p, member-major.
/// </summary>
public sealed class EnsembleKalmanInversion(EnsembleKalmanOptions? options = null) : ICalibrationMethod
{
    /// <summary>The settings.</summary>
    public EnsembleKalmanOptions Options { get; } = options ?? new EnsembleKalmanOptions();

    /// <inheritdoc />
    public string Name => "eki";

    /// <inheritdoc />
    public int MaxIterations => Options.Iterations;

    /// <inheritdoc />
    public int StateLength(int parameterCount) => Options.Members * parameterCount;

    /// <summary>
    /// Factor by which the final ensemble's spread is multiplied to estimate the posterior σ:
    /// √(Σₖ Δtₖ). For a linear-Gaussian problem whose data dominate the initial spread, the
    /// ensemble after steps Δtₖ has covariance (C₀⁻¹ + (ΣΔt) GᵀR⁻¹G)⁻¹ ≈ C_post/ΣΔt
    /// (Iglesias, Law &amp; Stuart 2013; Schillings &amp; Stuart 2017, SIAM J. Numer. Anal. 55, 1264),
    /// so the constant schedule (ΣΔt = I) needs √I and multiple data assimilation (ΣΔt = 1) none.
    /// </summary>
    public double SpreadInflation => Options.Schedule == EkiSchedule.Constant ? Math.Sqrt(Options.Iterations) : 1.0;

    /// <summary>The ensemble in an EKI state, member-major rows of u.</summary>
    public static double[][] Members(IterationState state, int parameterCount)
    {
        ArgumentNullException.ThrowIfNull(state);
        int members = state.MethodState.Length / parameterCount;
        return Enumerable.Range(0, members).Select(j => state.MethodState.AsSpan(j * parameterCount, parameterCount).ToArray()).ToArray();
    }

    /// <inheritdoc />
    public IterationState Start(CalibrationObjective objective, ReadOnlySpan<double> u0)
    {
        ArgumentNullException.ThrowIfNull(objective);
        int p = objective.ParameterCount, members = Options.Members;
        if (members <= p) throw new ArgumentException($"EKI needs more members ({members}) than free parameters ({p}).");
        var free = objective.Problem.Free;
        var phi0 = free.ToParameters(u0);
        var dphi = free.Jacobian(u0);
        var sd = new double[p];
        for (int i = 0; i < p; i++)
        {
            double sdPhi = Options.InitialSpread * Math.Abs(phi0[i]);
            if (objective.Problem.Prior is { } prior)
            {
                int k = prior.FreeIndices.ToList().IndexOf(i);
                if (k >= 0 && prior.Background.Covariance is ClimateAD.Adjoint.Costs.DiagonalCovariance d) sdPhi = Math.Sqrt(d.Variances[k]);
            }
            sd[i] = sdPhi / dphi[i];
        }
        var random = new Random(SeedFor(0));
        var s = new double[members * p];
        for (int j = 0; j < members; j++)
            for (int i = 0; i < p; i++) s[j * p + i] = u0[i] + sd[i] * CovarianceSampler.StandardNormal(random);
        return Report(objective, 0, s, "start");
    }

    /// <inheritdoc />
    public IterationState Iterate(CalibrationObjective objective, IterationState state)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(state);
        int p = objective.ParameterCount, members = Options.Members, m = objective.ObservationCount;
        var u = (double[])state.MethodState.Clone();
        var free = objective.Problem.Free;
        int pFull = free.Table.Count;
        var thetaRows = new double[members * pFull];
        for (int j = 0; j < members; j++)
        {
            free.BaseTheta.CopyTo(thetaRows.AsSpan(j * pFull, pFull)); // fixed parameters keep their base values
            free.Expand(free.ToParameters(u.AsSpan(j * p, p)), thetaRows.AsSpan(j * pFull, pFull));
        }
        var g = objective.PredictEnsemble(thetaRows, members, Options.MaxDegreeOfParallelism);

        double alpha = Options.Schedule == EkiSchedule.Constant ? 1.0 : Options.Iterations;
        double scale = 1.0 / Math.Sqrt(members - 1);
        var uMean = new double[p];
        var gMean = new double[m];
        for (int j = 0; j < members; j++)
        {
            for (int i = 0; i < p; i++) uMean[i] += u[j * p + i] / members;
            for (int i = 0; i < m; i++) gMean[i] += g[j * m + i] / members;
        }
        var du = new double[p, members];
        var dg = new double[m, members];
        for (int j = 0; j < members; j++)
        {
            for (int i = 0; i < p; i++) du[i, j] = scale * (u[j * p + i] - uMean[i]);
            for (int i = 0; i < m; i++) dg[i, j] = scale * (g[j * m + i] - gMean[i]);
        }
        // Z = (αR)⁻¹ ΔG, column by column.
        var z = new double[m, members];
        var column = new double[m];
        var weighted = new double[m];
        for (int j = 0; j < members; j++)
        {
            for (int i = 0; i < m; i++) column[i] = dg[i, j];
            ApplyInverse(objective, column, weighted, alpha);
            for (int i = 0; i < m; i++) z[i, j] = weighted[i];
        }
        var gain = Gain(du, dg, z);
        var y = objective.ObservationVector();
        var random = new Random(SeedFor(state.Iteration + 1));
        var noise = new double[m];
        for (int j = 0; j < members; j++)
        {
            Noise(objective, random, noise);
            for (int i = 0; i < m; i++) column[i] = y[i] + Math.Sqrt(alpha) * noise[i] - g[j * m + i];
            for (int i = 0; i < p; i++)
            {
                double sum = 0.0;
                for (int k = 0; k < m; k++) sum += gain[i, k] * column[k];
                u[j * p + i] += sum;
            }
        }
        int iteration = state.Iteration + 1;
        return Report(objective, iteration, u, iteration >= Options.Iterations ? "converged: schedule complete" : "updated");
    }

    /// <summary>
    /// The Kalman gain K = ΔU (I_J + A)⁻¹ Zᵀ (p × m), A = ΔGᵀZ, formed once per iteration. When
    /// there are fewer observations than members the push-through identity
    /// (I_J + ZᵀΔG)⁻¹Zᵀ = Zᵀ(I_m + ΔGZᵀ)⁻¹ solves an m × m system instead, so the cost is
    /// O(min(J, m)³ + Jmp) rather than a J × J solve per member.
    /// </summary>
    private static double[,] Gain(double[,] du, double[,] dg, double[,] z)
    {
        var build = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build;
        var dU = build.DenseOfArray(du);
        var dG = build.DenseOfArray(dg);
        var zm = build.DenseOfArray(z);
        int members = dU.ColumnCount, m = dG.RowCount;
        MathNet.Numerics.LinearAlgebra.Matrix<double> k;
        if (members <= m)
        {
            var a = dG.TransposeThisAndMultiply(zm) + build.DenseIdentity(members);
            k = dU * a.Solve(zm.Transpose());
        }
        else
        {
            var b = dG.TransposeAndMultiply(zm) + build.DenseIdentity(m);
            k = b.Transpose().Solve(zm.TransposeAndMultiply(dU)).Transpose();
        }
        return k.ToArray();
    }

    private IterationState Report(CalibrationObjective objective, int iteration, double[] ensemble, string status)
    {
        int p = objective.ParameterCount, members = Options.Members;
        var mean = new double[p];
        for (int j = 0; j < members; j++)
            for (int i = 0; i < p; i++) mean[i] += ensemble[j * p + i] / members;
        double cost;
        try
        {
            cost = objective.Evaluate(mean).Cost;
        }
        catch (ArgumentException)
        {
            cost = double.NaN;
        }
        return new IterationState(iteration, mean, cost, double.NaN, ensemble, objective.Counts,
            iteration >= Options.Iterations, status);
    }

    private void Noise(CalibrationObjective objective, Random random, double[] destination)
    {
        if (!Options.PerturbObservations)
        {
            Array.Clear(destination);
            return;
        }
        int offset = 0;
        foreach (var o in objective.Problem.Observations)
        {
            CovarianceSampler.Sample(o.Term.Covariance, random, destination.AsSpan(offset, o.Count));
            offset += o.Count;
        }
    }

    private static void ApplyInverse(CalibrationObjective objective, double[] d, double[] w, double alpha)
    {
        int offset = 0;
        foreach (var o in objective.Problem.Observations)
        {
            o.Term.Covariance.ApplyInverse(d.AsSpan(offset, o.Count), w.AsSpan(offset, o.Count));
            offset += o.Count;
        }
        for (int i = 0; i < w.Length; i++) w[i] /= alpha;
    }

    private int SeedFor(int iteration) => unchecked(Options.Seed * 7919 + iteration * 104729 + 17);
}
