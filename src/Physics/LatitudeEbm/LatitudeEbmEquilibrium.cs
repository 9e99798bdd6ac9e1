using ClimateAD.Grid.Latitude;

namespace ClimateAD.Physics.LatitudeEbm;

/// <summary>
/// Steady states of the latitude EBM, <c>0 = (S₀/4)s(x)(1 − α(x, T)) − A − B T + D ℒT</c>, by marching
/// the surface-only <see cref="LatitudeEbmStep"/> with a long pseudo-time step until it stops moving.
/// The deep ocean, if any, does not change equilibria (T_d = T there), so it is left out.
/// </summary>
/// <remarks>
/// <para>Why time-marching and not Newton: the step T' = M⁻¹(aT + R(T) − A) is order-preserving when
/// ∂R/∂T ≥ 0 (ice brighter than the ice-free surface, α_i ≥ α₀ + α₂P₂(x), as for the defaults):
/// M = (a + B)I − Dℒ is an M-matrix, so M⁻¹ has no negative entries, and aT + R(T) increases with every
/// T_j, so T ≤ T* implies step(T) ≤ step(T*). From a start warmer than every equilibrium the iterates
/// decrease monotonically onto the warmest equilibrium, and from a start colder than every equilibrium
/// they increase onto the coldest one; from an equilibrium of a nearby S₀ they follow its branch (Sattinger 1972, Indiana Univ. Math. J. 21, 979–1000;
/// the same monotone argument as for the continuous model). So a warm start finds the warm branch
/// when it exists and a cold start the snowball, which is what a hysteresis sweep needs; Newton would
/// converge as readily to the unstable states between them. Each iteration costs one tridiagonal solve;
/// convergence is geometric with the rate of the slowest mode, which approaches 1 near a bifurcation.</para>
/// <para>Convergence: the largest change of a cell temperature in one pseudo-step is below
/// <c>tolerance</c>; the reported residual is the largest |tendency| (W m⁻²) of the continuous equation
/// at the final state.</para>
/// </remarks>
public static class LatitudeEbmEquilibrium
{
    /// <summary>Default pseudo-time step, 50 years.</summary>
    public const double DefaultPseudoTimeStep = 50.0;

    /// <summary>
    /// The equilibrium reached from surface temperatures <paramref name="initialSurface"/> (N values, °C).
    /// </summary>
    /// <param name="model">The model; only its grid and insolation are used.</param>
    /// <param name="theta">Parameters in <paramref name="model"/>'s θ order (the deep-ocean entries, if any, are ignored).</param>
    /// <param name="initialSurface">Starting surface temperatures, °C.</param>
    /// <param name="tolerance">Stop when no cell changes by more than this in one pseudo-step, K.</param>
    /// <param name="maxIterations">Iteration cap.</param>
    /// <param name="pseudoTimeStep">Pseudo-time step, years (any positive value converges; larger is faster).</param>
    public static LatitudeEbmEquilibriumResult Solve(LatitudeEbmModel model, ReadOnlySpan<double> theta, ReadOnlySpan<double> initialSurface,
        double tolerance = 1e-10, int maxIterations = 200_000, double pseudoTimeStep = DefaultPseudoTimeStep)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Correction is not null)
            throw new NotSupportedException("Equilibria of a latitude EBM with a correction term are not supported yet; run the model to steady state instead.");
        if (initialSurface.Length != model.CellCount)
            throw new ArgumentException($"{initialSurface.Length} temperatures given; the grid has {model.CellCount} cells.", nameof(initialSurface));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tolerance);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIterations);
        var surface = SurfaceTheta(model, theta);
        var step = new LatitudeEbmStep(new LatitudeEbmModel(model.Grid, model.Insolation, deepOcean: false, pseudoTimeStep));
        double[] t = initialSurface.ToArray(), next = new double[t.Length];
        int iterations = 0;
        bool converged = false;
        while (iterations < maxIterations)
        {
            step.Forward(iterations, t, surface, next);
            iterations++;
            double change = 0.0;
            for (int j = 0; j < t.Length; j++) change = Math.Max(change, Math.Abs(next[j] - t[j]));
            (t, next) = (next, t);
            if (!double.IsFinite(change)) break;
            if (change < tolerance)
            {
                converged = true;
                break;
            }
        }
        var p = LatitudeEbmParameters.FromTheta(surface, deepOcean: false);
        return new LatitudeEbmEquilibriumResult(t, model.Grid.GlobalMean(t),
            IceEdge.NorthernLatitude(model.Grid, t, p.IceEdgeTemperature), IceEdge.IsSnowball(t, p.IceEdgeTemperature),
            iterations, converged, Residual(step, t, p));
    }

    /// <summary>
    /// The largest absolute tendency <c>|R(T) − A − B T + D ℒT|</c> over the cells, W m⁻² (zero at an
    /// exact equilibrium).
    /// </summary>
    public static double Residual(LatitudeEbmStep step, ReadOnlySpan<double> temperature, in LatitudeEbmParameters p)
    {
        ArgumentNullException.ThrowIfNull(step);
        var grid = step.Model.Grid;
        var tendency = new double[grid.CellCount];
        MeridionalOperators.DiffuseX_c(grid, temperature, tendency);
        double worst = 0.0;
        for (int j = 0; j < tendency.Length; j++)
        {
            double r = step.Cells[j].Evaluate(temperature[j], p) - OutgoingLongwave.Evaluate<Grid.Numerics.Real>(temperature[j], p.OlrIntercept, p.OlrSlope)
                       + p.Diffusivity * tendency[j];
            worst = Math.Max(worst, Math.Abs(r));
        }
        return worst;
    }

    // θ[0..10) whatever the model's θ length.
    private static double[] SurfaceTheta(LatitudeEbmModel model, ReadOnlySpan<double> theta)
    {
        if (theta.Length != model.Parameters.Count)
            throw new ArgumentException($"θ has {theta.Length} entries; the model needs {model.Parameters.Count}.", nameof(theta));
        return theta[..LatitudeEbmParameterTable.SurfaceCount].ToArray();
    }
}
