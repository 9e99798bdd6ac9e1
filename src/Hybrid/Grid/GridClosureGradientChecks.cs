using ClimateAD.Adjoint.Verification;
using ClimateAD.Hybrid.Networks;
using ClimateAD.Physics.ShallowWater;

namespace ClimateAD.Hybrid.Grid;

/// <summary>
/// The gradient-check case of <see cref="ClosedShallowWaterStep"/>: the 8 × 8 reduced-gravity double gyre
/// (settings of <see cref="GridClosureSettings"/>, Δt = 3 h) spun up 20 days from rest, with a
/// <see cref="FaceMomentumClosure"/> of seeded Glorot weights ((q, h̄, d) → 6 → 6 → 1, tanh, output scale
/// 0.1 m s⁻¹ per 10 days), 10 steps, θ = (g′, ν, τ₀, w).
/// </summary>
public sealed class GridClosureGradientChecks : IGradientCheckProvider
{
    /// <summary>Name of the case.</summary>
    public const string Name = "Hybrid.ShallowWater.DoubleGyre.FaceClosure.SspRk3";

    /// <summary>The case.</summary>
    public static GradientCheckCase Create()
    {
        const int n = 8;
        var setup = ShallowWaterSetups.DoubleGyre(n, GridClosureSettings.BasinLength, GridClosureSettings.Depth, GridClosureSettings.ReducedGravity,
            viscosity: 2e4, windStress: 0.05, timeStep: 10800);
        double[] x0;
        using (var sim = setup.CreateSimulation())
        {
            sim.Run(160);
            x0 = sim.GetState();
        }
        var net = DenseNetwork.Create([3, 6, 6, 1], Activation.Tanh, seed: 3,
            input: new AffineNormalisation([0.0, GridClosureSettings.Depth, 2.0], [0.05, 5.0, 2.0]), output: new AffineNormalisation([0.0], [0.1 / 864000]));
        var closure = new FaceMomentumClosure(net, setup.Configuration.Grid, setup.Configuration.TimeStep);
        var step = new ClosedShallowWaterStep(setup.Configuration, closure);
        double[] theta = [.. setup.Configuration.DefaultParameters(), .. net.Weights];
        int p = step.PhysicsParameterLength;
        return new GradientCheckCase(Name, step, x0, theta)
        {
            Steps = 10,
            CheckedStateComponents = [3 * n + 4, n * n + 3 * n + 4, 2 * n * n + 4 * n + 2],
            CheckedParameters = [1, p, p + net.BiasOffset(0) + 2, p + net.WeightOffset(1) + 7, p + net.WeightOffset(2) + 3, theta.Length - 1],
        };
    }

    /// <inheritdoc />
    public void Register(GradientCheckRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(Name, Create);
    }
}
