using ClimateAD.Hybrid.Networks;
using ClimateAD.Physics.Lorenz96;
using ClimateAD.Physics.Parameters;

namespace ClimateAD.Hybrid.Terms;

/// <summary>
/// A learned closure for the one-scale Lorenz-96 model, <c>S(X_k; w) = N(X_k; w)</c> with
/// <c>N</c> a <see cref="DenseNetwork"/> of one input and one output, filling the same
/// <see cref="ISubgridTerm"/> slot as the classical <see cref="CubicSubgridTerm"/> (Wilks 2005;
/// learned L96 closures: Rasp 2020, Geosci. Model Dev. 13:2185–2196; Gagne et al. 2020, JAMES 12).
/// The network weights are the term's parameters φ, appended after F in the model's θ, so the
/// adjoint of a whole trajectory gives <c>∂J/∂w</c> for online training.
/// </summary>
/// <remarks>
/// The architecture and normalisation are fixed by <see cref="Network"/>; the weight values
/// used are always the φ passed in (the network's own <see cref="DenseNetwork.Weights"/> only give
/// the parameter defaults). Evaluation allocates nothing for networks whose
/// <see cref="DenseNetwork.ScratchLength"/> is at most <see cref="MaxStackScratch"/>, and is thread-safe.
/// </remarks>
public sealed class NetworkSubgridTerm : ISubgridTerm
{
    /// <summary>Largest scratch (doubles) taken on the stack; bigger networks allocate per call.</summary>
    public const int MaxStackScratch = 1024;

    /// <summary>Name prefix of the weight parameters, <c>subgrid_nn_w0</c>, <c>subgrid_nn_w1</c>, …</summary>
    public const string ParameterPrefix = "subgrid_nn_w";

    /// <summary>A closure computed by <paramref name="network"/> (1 input, 1 output).</summary>
    public NetworkSubgridTerm(DenseNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.InputSize != 1 || network.OutputSize != 1)
            throw new ArgumentException($"A Lorenz-96 subgrid network maps X_k to S_k (1 → 1), not {network.InputSize} → {network.OutputSize}.");
        Network = network;
        Parameters = new ParameterTable(Enumerable.Range(0, network.ParameterCount).Select(j => new ParameterSpec(
            ParameterPrefix + j, $"w{j}", "1", network.Weights[j], -1e6, 1e6,
            $"Weight {j} of the learned subgrid network ({Describe(network, j)}); trained, not physical.")));
    }

    /// <summary>The network N.</summary>
    public DenseNetwork Network { get; }

    /// <summary>One parameter per network weight, defaults = the network's weights.</summary>
    public ParameterTable Parameters { get; }

    /// <summary><c>S = N(x; φ)</c>.</summary>
    public double Evaluate(double x, ReadOnlySpan<double> phi)
    {
        int n = Network.ScratchLength;
        Span<double> scratch = n <= MaxStackScratch ? stackalloc double[n] : new double[n];
        Span<double> y = stackalloc double[1];
        Network.Forward(phi, [x], y, scratch);
        return y[0];
    }

    /// <summary><c>∂S/∂x</c>, by one reverse pass with <c>ȳ = 1</c>.</summary>
    public double Derivative(double x, ReadOnlySpan<double> phi)
    {
        int n = Network.ScratchLength;
        Span<double> scratch = n <= MaxStackScratch ? stackalloc double[n] : new double[n];
        Span<double> xBar = stackalloc double[1];
        xBar[0] = 0;
        Network.Adjoint(phi, [x], [1.0], xBar, Span<double>.Empty, scratch);
        return xBar[0];
    }

    /// <summary><c>(∂N/∂w) δφ</c>, the network's tangent with <c>δx = 0</c>.</summary>
    public double ParameterTangent(double x, ReadOnlySpan<double> phi, ReadOnlySpan<double> dPhi)
    {
        int n = Network.ScratchLength;
        Span<double> scratch = n <= MaxStackScratch ? stackalloc double[n] : new double[n];
        Span<double> y = stackalloc double[1], dy = stackalloc double[1];
        Network.Tangent(phi, [x], dPhi, [0.0], y, dy, scratch);
        return dy[0];
    }

    /// <summary><c>φ̄ += s̄ (∂N/∂w)ᵀ</c>, the network's VJP.</summary>
    public void AddParameterAdjoint(double x, ReadOnlySpan<double> phi, double sBar, Span<double> phiBar)
    {
        int n = Network.ScratchLength;
        Span<double> scratch = n <= MaxStackScratch ? stackalloc double[n] : new double[n];
        Network.Adjoint(phi, [x], [sBar], Span<double>.Empty, phiBar, scratch);
    }

    private static string Describe(DenseNetwork net, int j)
    {
        for (int l = 0; l < net.Layers.Count; l++)
        {
            var layer = net.Layers[l];
            int w0 = net.WeightOffset(l), b0 = net.BiasOffset(l);
            if (j < b0) return $"layer {l} W[{(j - w0) / layer.InputSize},{(j - w0) % layer.InputSize}]";
            if (j < b0 + layer.OutputSize) return $"layer {l} b[{j - b0}]";
        }
        return "?";
    }
}
