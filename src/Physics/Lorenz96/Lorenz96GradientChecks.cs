using ClimateAD.Adjoint.Costs;
using ClimateAD.Adjoint.Verification;

namespace ClimateAD.Physics.Lorenz96;

/// <summary>
/// Registers the Lorenz-96 steps with the gradient-check harness (DESIGN.md §3): the two-scale
/// RK4 step and the one-scale RK4 step with the cubic closure, each at a spun-up state of the
/// Wilks (2005) setting (K = 8, J = 32, F = 20, h = 1, b = c = 10), and a whole-model gradient of a
/// quadratic cost over 1,000 steps against a synthetic truth.
/// </summary>
public sealed class Lorenz96GradientChecks : IGradientCheckProvider
{
    /// <summary>Name of the two-scale step case.</summary>
    public const string TwoScaleName = "Lorenz96.TwoScale.Rk4";
    /// <summary>Name of the one-scale cubic-closure step case.</summary>
    public const string OneScaleCubicName = "Lorenz96.OneScale.Cubic.Rk4";
    /// <summary>Name of the 1,000-step whole-model case.</summary>
    public const string TwoScaleWindowName = "Lorenz96.TwoScale.Rk4.Window1000";

    /// <summary>Slow variables K of the registered cases.</summary>
    public const int SlowCount = 8;
    /// <summary>Fast variables per slow variable J of the registered cases.</summary>
    public const int FastPerSlow = 32;

    /// <summary>Two-scale RK4, Δt = 0.005, 20 steps from a state spun up for 2 MTU; default harness cost.</summary>
    public static GradientCheckCase TwoScale()
    {
        var step = new Rk4Step<TwoScaleLorenz96>(new TwoScaleLorenz96(SlowCount, FastPerSlow), 0.005);
        double[] theta = Lorenz96ParameterTable.Wilks2005Values();
        var x0 = Lorenz96InitialState.SpunUp(step, Lorenz96InitialState.Perturbed(step.StateLength, SlowCount, theta[0]), theta, 400);
        return new GradientCheckCase(TwoScaleName, step, x0, theta) { Steps = 20, CheckedStateComponents = [0, SlowCount + 5] };
    }

    /// <summary>
    /// One-scale RK4 with the cubic closure (θ = F, a₀…a₃), Δt = 0.005, 10 steps from a spun-up
    /// state; default harness cost. The window is short because the harness scales its Taylor
    /// direction by <c>max(|θ_i|, 1)</c>: for <c>a₃ ≈ 0.002</c> that is a perturbation of
    /// several times <c>a₃</c> itself, which leaves the quadratic regime over longer windows.
    /// </summary>
    public static GradientCheckCase OneScaleCubic()
    {
        var model = new OneScaleLorenz96(SlowCount, new CubicSubgridTerm());
        var step = new Rk4Step<OneScaleLorenz96>(model, 0.005);
        double[] theta = [20.0, .. CubicSubgridTerm.Table.Defaults()];
        var x0 = Lorenz96InitialState.SpunUp(step, Lorenz96InitialState.Perturbed(SlowCount, SlowCount, theta[0]), theta, 400);
        return new GradientCheckCase(OneScaleCubicName, step, x0, theta) { Steps = 10, CheckedStateComponents = [0, 3] };
    }

    /// <summary>
    /// Whole-model gradient over 1,000 two-scale RK4 steps (Δt = 10⁻⁴ by default, so 0.1 MTU) from
    /// a state spun up for 10 MTU: <c>J = ½ Σ (H − y)²/σ² + ½ |θ − θ_b|²/σ_b²</c> with <c>H</c> the
    /// means of every <c>X_k</c> over four 250-step windows and <c>y</c> the same means from a
    /// truth run with θ = (21, 1.1, 9.5, 10.5) from the same initial state; σ = 0.5, σ_b = 2,
    /// θ_b = (20, 1, 10, 10). Finite differences cover all of (F, h, b, c).
    /// </summary>
    /// <remarks>
    /// The window is limited by chaos, not by the adjoint: the leading Lyapunov exponent of this
    /// setting is about 17 MTU⁻¹ (fast scale), so over 1 MTU (1,000 steps of Δt = 10⁻³)
    /// <c>|dJ/dθ|</c> reaches 10⁸ and the Taylor and finite-difference perturbations of the
    /// harness are far outside the linear regime (Lea, Allen &amp; Haine 2000, Tellus 52A:523–532).
    /// Over 0.2 MTU the Taylor rate at the harness' <c>ε = 10⁻²</c> is still pre-asymptotic (≈ 1.1);
    /// over 0.15 MTU and less it is 2.0.
    /// </remarks>
    /// <param name="timeStep">Δt of the 1,000 steps, MTU.</param>
    public static GradientCheckCase TwoScaleWindow(double timeStep = 1e-4)
    {
        const int steps = 1000;
        var step = new Rk4Step<TwoScaleLorenz96>(new TwoScaleLorenz96(SlowCount, FastPerSlow), timeStep);
        double[] theta = Lorenz96ParameterTable.Wilks2005Values(), truth = [21.0, 1.1, 9.5, 10.5];
        var spinUp = new Rk4Step<TwoScaleLorenz96>(step.Tendency, 0.005);
        var x0 = Lorenz96InitialState.SpunUp(spinUp, Lorenz96InitialState.Perturbed(step.StateLength, SlowCount, theta[0]), theta, 2000);
        TimeWindow[] windows = [new(0, 249), new(250, 499), new(500, 749), new(750, 999)];

        var means = new double[SlowCount, windows.Length];
        double[] x = (double[])x0.Clone(), next = new double[x.Length];
        for (int n = 0; n <= steps; n++)
        {
            for (int w = 0; w < windows.Length; w++)
                if (windows[w].Contains(n))
                    for (int k = 0; k < SlowCount; k++) means[k, w] += x[k] / windows[w].Length;
            if (n == steps) break;
            step.Forward(n, x, truth, next);
            (x, next) = (next, x);
        }
        var terms = Enumerable.Range(0, SlowCount).Select(k => new ObservationTerm(
            TimeMeanOperator.OfComponent(k, step.StateLength, windows),
            Enumerable.Range(0, windows.Length).Select(w => means[k, w]),
            DiagonalCovariance.Uniform(windows.Length, 0.25)));
        var cost = new QuadraticCost(terms, new BackgroundTerm(theta, DiagonalCovariance.Uniform(4, 4.0)));
        return new GradientCheckCase(TwoScaleWindowName, step, x0, theta) { Steps = steps, Cost = cost, CheckedStateComponents = [0, SlowCount + 5] };
    }

    /// <inheritdoc />
    public void Register(GradientCheckRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(TwoScaleName, TwoScale);
        registry.Register(OneScaleCubicName, OneScaleCubic);
        registry.Register(TwoScaleWindowName, () => TwoScaleWindow());
    }
}
