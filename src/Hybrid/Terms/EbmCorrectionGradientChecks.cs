using ClimateAD.Adjoint.Verification;
using ClimateAD.Hybrid.Networks;
using ClimateAD.Physics.LatitudeEbm;

namespace ClimateAD.Hybrid.Terms;

/// <summary>
/// Registers the latitude energy-balance model with a learned correction in its correction slot
/// (<see cref="LatitudeEbmModel.Correction"/>: C dT/dt = R(T) − (A + BT) + D∇²T − γ(T − T_d) + N(T; w),
/// N a <see cref="NetworkSubgridTerm"/> 1 → 6 → 1, tanh, input scaled by 20 °C, output by 2 W m⁻²)
/// with the gradient-check harness as <c>Hybrid.EbmLatitude.NetworkCorrection</c>: 18 cells with the
/// deep ocean, 20 annual steps from the harness's ice-cap state, θ = (the model's 12, w…).
/// </summary>
public sealed class EbmCorrectionGradientChecks : IGradientCheckProvider
{
    /// <summary>Name of the case.</summary>
    public const string Name = "Hybrid.EbmLatitude.NetworkCorrection";

    /// <summary>The correction network of the case (seeded Glorot weights, non-zero biases).</summary>
    public static DenseNetwork CorrectionNetwork()
    {
        var net = DenseNetwork.Create([1, 6, 1], Activation.Tanh, seed: 11,
            input: new AffineNormalisation([0.0], [20.0]), output: new AffineNormalisation([0.0], [2.0]));
        for (int i = 0; i < 6; i++) net.Weights[net.BiasOffset(0) + i] = 0.1 * (i - 2.5);
        return net;
    }

    /// <summary>The registered case.</summary>
    public static GradientCheckCase Create()
    {
        var plain = LatitudeEbmGradientChecks.CheckModel(deepOcean: true);
        var term = new NetworkSubgridTerm(CorrectionNetwork());
        var model = plain.WithCorrection(term);
        int p = plain.Parameters.Count;
        return new GradientCheckCase(Name, new LatitudeEbmStep(model), LatitudeEbmGradientChecks.CheckState(plain),
            [.. LatitudeEbmGradientChecks.CheckParameters(deepOcean: true), .. term.Network.Weights])
        {
            Steps = 20,
            CheckedStateComponents = [0, LatitudeEbmGradientChecks.CellCount / 2 + 6, LatitudeEbmGradientChecks.CellCount + 4],
            CheckedParameters = [0, 1, 2, 9, p, p + 3, p + 7, p + 12, p + term.Network.ParameterCount - 1],
        };
    }

    /// <inheritdoc />
    public void Register(GradientCheckRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(Name, Create);
    }
}
