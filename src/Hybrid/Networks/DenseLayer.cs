namespace ClimateAD.Hybrid.Networks;

/// <summary>
/// One dense layer <c>a_out = σ(W a_in + b)</c> with <c>W</c> of shape (<paramref name="OutputSize"/> ×
/// <paramref name="InputSize"/>) stored row-major (PyTorch's <c>nn.Linear.weight</c> layout) followed
/// by <c>b</c>, inside the network's flat weight vector.
/// </summary>
/// <param name="InputSize">Width of the input, ≥ 1.</param>
/// <param name="OutputSize">Width of the output, ≥ 1.</param>
/// <param name="Activation">The point-wise activation σ.</param>
public readonly record struct DenseLayer(int InputSize, int OutputSize, Activation Activation)
{
    /// <summary>Number of weights of this layer, <c>out·in + out</c>.</summary>
    public int WeightCount => OutputSize * InputSize + OutputSize;
}
