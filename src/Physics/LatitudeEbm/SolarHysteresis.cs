namespace ClimateAD.Physics.LatitudeEbm;

/// <summary>
/// The snowball hysteresis of the latitude EBM in the solar constant (Budyko 1969; Sellers 1969;
/// North 1975; North, Cahalan &amp; Coakley 1981, Fig. 9): equilibria are followed down in S₀ from a warm
/// start and up in S₀ from a snowball start, each from the previous equilibrium
/// (<see cref="LatitudeEbmEquilibrium.Solve"/>, which from above finds the warmest equilibrium below the
/// start and from below the coldest one above it). The warm branch ends where it collapses into the
/// snowball (the "large ice-cap instability"); the snowball persists up to a much higher S₀ where the
/// equator thaws. Between the two limits both states are stable.
/// </summary>
/// <remarks>
/// Each limit is bracketed by the sweep and refined by bisection: from the last equilibrium on the
/// branch, the solver is run at the mid-point; if the state stays on the branch the mid-point becomes
/// the new last point (with its equilibrium as the next start), otherwise it becomes the far end.
/// Near a saddle-node the solver slows down (critical slowing), so the limits carry an error of about
/// the bisection resolution.
/// </remarks>
public static class SolarHysteresis
{
    /// <summary>
    /// Sweeps S₀ from <paramref name="upper"/> down to <paramref name="lower"/> (warm start, uniform 30 °C)
    /// and back up (snowball start, uniform −60 °C) in steps of <paramref name="step"/>, then refines the
    /// two limits to <paramref name="resolution"/>. Other parameters are those of <paramref name="theta"/>
    /// (its S₀ is ignored).
    /// </summary>
    /// <param name="model">The model (its grid and insolation are used; equilibria ignore the deep ocean).</param>
    /// <param name="theta">Parameters in <paramref name="model"/>'s θ order.</param>
    /// <param name="lower">Lowest S₀, W m⁻².</param>
    /// <param name="upper">Highest S₀, W m⁻².</param>
    /// <param name="step">Sweep increment, W m⁻² (&gt; 0).</param>
    /// <param name="resolution">Bisection resolution of the limits, W m⁻² (&gt; 0).</param>
    /// <param name="tolerance">Equilibrium tolerance, K.</param>
    public static SolarHysteresisResult Sweep(LatitudeEbmModel model, ReadOnlySpan<double> theta, double lower, double upper, double step,
        double resolution = 0.1, double tolerance = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!(lower < upper) || !(step > 0.0) || !(resolution > 0.0))
            throw new ArgumentException($"Need lower < upper and positive step and resolution; got [{lower}, {upper}], step {step}, resolution {resolution}.");
        double[] th = theta.ToArray();
        int count = (int)Math.Floor((upper - lower) / step + 1e-9) + 1;

        var decreasing = new List<SolarHysteresisPoint>(count);
        double[] state = model.UniformState(30.0)[..model.CellCount];
        double lastWarm = double.NaN, firstCold = double.NaN;
        double[]? lastWarmState = null;
        for (int i = 0; i < count; i++)
        {
            double s0 = upper - i * step;
            var e = Equilibrium(model, th, s0, state, tolerance);
            decreasing.Add(Point(s0, e));
            state = e.Temperature;
            if (!e.IsSnowball) (lastWarm, lastWarmState) = (s0, e.Temperature);
            else if (double.IsNaN(firstCold)) firstCold = s0;
        }

        var increasing = new List<SolarHysteresisPoint>(count);
        state = model.UniformState(-60.0)[..model.CellCount];
        double lastCold = double.NaN, firstWarm = double.NaN;
        double[]? lastColdState = null;
        for (int i = 0; i < count; i++)
        {
            double s0 = lower + i * step;
            var e = Equilibrium(model, th, s0, state, tolerance);
            increasing.Add(Point(s0, e));
            state = e.Temperature;
            if (e.IsSnowball && double.IsNaN(firstWarm)) (lastCold, lastColdState) = (s0, e.Temperature);
            else if (!e.IsSnowball && double.IsNaN(firstWarm)) firstWarm = s0;
        }

        double warmLimit = double.IsNaN(firstCold) || lastWarmState is null
            ? double.NaN
            : Bisect(model, th, lastWarm, firstCold, lastWarmState, wantSnowball: false, resolution, tolerance);
        double snowballLimit = double.IsNaN(firstWarm) || lastColdState is null
            ? double.NaN
            : Bisect(model, th, lastCold, firstWarm, lastColdState, wantSnowball: true, resolution, tolerance);
        return new SolarHysteresisResult(decreasing, increasing, warmLimit, snowballLimit, resolution);
    }

    // Bisection between `inside` (on the branch, with equilibrium `state`) and `outside` (off it).
    private static double Bisect(LatitudeEbmModel model, double[] theta, double inside, double outside, double[] state,
        bool wantSnowball, double resolution, double tolerance)
    {
        while (Math.Abs(outside - inside) > resolution)
        {
            double mid = 0.5 * (inside + outside);
            var e = Equilibrium(model, theta, mid, state, tolerance);
            if (e.IsSnowball == wantSnowball) (inside, state) = (mid, e.Temperature);
            else outside = mid;
        }
        return inside;
    }

    private static LatitudeEbmEquilibriumResult Equilibrium(LatitudeEbmModel model, double[] theta, double solarConstant,
        double[] start, double tolerance)
    {
        double[] t = (double[])theta.Clone();
        t[0] = solarConstant;
        return LatitudeEbmEquilibrium.Solve(model, t, start, tolerance);
    }

    private static SolarHysteresisPoint Point(double s0, LatitudeEbmEquilibriumResult e) =>
        new(s0, e.GlobalMeanTemperature, e.NorthernIceEdge, e.IsSnowball, e.Converged);
}
