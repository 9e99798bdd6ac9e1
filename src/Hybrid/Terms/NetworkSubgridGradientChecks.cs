using ClimateAD.Adjoint.Verification;
using ClimateAD.Hybrid.Networks;
using ClimateAD.Physics.Lorenz96;

namespace ClimateAD.Hybrid.Terms;

/// <summary>
/// Registers the one-scale Lorenz-96 RK4 step with a learned closure (<see cref="NetworkSubgridTerm"/>,
/// 1 → 8 → 8 → 1, tanh, normalised by X ≈ 2.5 ± 5 and S ≈ −2 ± 5) with the gradient-check harness:
/// K = 8, F = 20, Δt = 0.005, 10 steps from a spun-up state, θ = (F, w).
/// </summary>
public sealed class NetworkSubgridGradientChecks : IGradientCheckProvider
{
    /// <summary>Name of the case.</summary>
    public const string OneScaleMlpName = "Hybrid.Lorenz96.OneScale.Mlp.Rk4";

    /// <summary>The closure network of the registered case (seeded Glorot weights).</summary>
    public static DenseNetwork ClosureNetwork(int seed = 5) =>
        DenseNetwork.Create([1, 8, 8, 1], Activation.Tanh, seed: seed,
            input: new AffineNormalisation([2.5], [5.0]), output: new AffineNormalisation([-2.0], [5.0]));

    /// <summary>The registered case.</summary>
    public static GradientCheckCase OneScaleMlp()
    {
        var term = new NetworkSubgridTerm(ClosureNetwork());
        var step = new Rk4Step<OneScaleLorenz96>(new OneScaleLorenz96(8, term), 0.005);
        double[] theta = [20.0, .. term.Parameters.Defaults()];
        var x0 = Lorenz96InitialState.SpunUp(step, Lorenz96InitialState.Perturbed(8, 8, theta[0]), theta, 400);
        var net = term.Network;
        return new GradientCheckCase(OneScaleMlpName, step, x0, theta)
        {
            Steps = 10,
            CheckedStateComponents = [0, 3],
            CheckedParameters = [0, 1, 1 + net.BiasOffset(0) + 3, 1 + net.WeightOffset(1) + 9, 1 + net.BiasOffset(1) + 7, theta.Length - 2, theta.Length - 1],
        };
    }

    /// <inheritdoc />
    public void Register(GradientCheckRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(OneScaleMlpName, OneScaleMlp);
    }
}
