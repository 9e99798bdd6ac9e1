using ClimateAD.Adjoint.Verification;

namespace ClimateAD.Hybrid.Networks;

/// <summary>
/// Registers dense networks with the gradient-check harness (DESIGN.md §3) as
/// <see cref="NetworkResidualStep"/>s, x ∈ ℝ³, 3 → 8 → 8 → 3, h = 0.1, 10 steps, with input and
/// output normalisation: one case per smooth activation (tanh, GELU, softplus, sigmoid, each on
/// both hidden layers with an identity output) and one mixed case (tanh, GELU, sigmoid output).
/// ReLU is not registered: its kink makes the Taylor remainder rate 1 wherever a perturbation
/// crosses 0; its VJP/JVP identity and finite differences are tested directly.
/// </summary>
public sealed class NetworkGradientChecks : IGradientCheckProvider
{
    /// <summary>Prefix of every registered name.</summary>
    public const string Prefix = "Hybrid.DenseNetwork.";

    /// <summary>The smooth activations, each with a case named <c>Hybrid.DenseNetwork.{activation}</c>.</summary>
    public static readonly Activation[] SmoothActivations = [Activation.Tanh, Activation.Gelu, Activation.Softplus, Activation.Sigmoid];

    /// <summary>A 3 → 8 → 8 → 3 network with the given activations and a fixed non-trivial normalisation.</summary>
    public static DenseNetwork TestNetwork(Activation first, Activation second, Activation output, int seed)
    {
        var net = new DenseNetwork(
            [new DenseLayer(3, 8, first), new DenseLayer(8, 8, second), new DenseLayer(8, 3, output)],
            new AffineNormalisation([0.5, -1.0, 2.0], [2.0, 0.5, 4.0]),
            new AffineNormalisation([0.1, 0.0, -0.2], [0.5, 2.0, 1.5]));
        var rng = new Random(seed);
        for (int j = 0; j < net.ParameterCount; j++) net.Weights[j] = 0.6 * (2 * rng.NextDouble() - 1);
        return net;
    }

    /// <summary>The harness case for <paramref name="net"/>: 10 residual steps of h = 0.1 from x₀ = (1.2, −0.7, 2.5).</summary>
    public static GradientCheckCase Case(string name, DenseNetwork net) =>
        new(name, new NetworkResidualStep(net, 0.1), [1.2, -0.7, 2.5], (double[])net.Weights.Clone())
        {
            Steps = 10,
            CheckedStateComponents = [0, 1, 2],
            CheckedParameters = [0, 5, net.BiasOffset(0) + 2, net.WeightOffset(1) + 17, net.BiasOffset(2), net.ParameterCount - 1],
        };

    /// <inheritdoc />
    public void Register(GradientCheckRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var a in SmoothActivations)
        {
            var act = a;
            registry.Register(Prefix + act, () => Case(Prefix + act, TestNetwork(act, act, Activation.Identity, 7 + (int)act)));
        }
        registry.Register(Prefix + "Mixed", () => Case(Prefix + "Mixed", TestNetwork(Activation.Tanh, Activation.Gelu, Activation.Sigmoid, 3)));
    }
}
