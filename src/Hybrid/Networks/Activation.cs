namespace ClimateAD.Hybrid.Networks;

/// <summary>
/// Point-wise activation <c>σ</c> of a <see cref="DenseLayer"/>, applied to the pre-activation
/// <c>z = W a + b</c>. Definitions follow ONNX (opset 17) and PyTorch exactly, so networks
/// exchanged through ONNX evaluate to the same numbers (see <see cref="ActivationFunctions"/>).
/// </summary>
public enum Activation
{
    /// <summary><c>σ(z) = z</c> (ONNX: no node, or <c>Identity</c>).</summary>
    Identity,

    /// <summary><c>σ(z) = tanh z</c> (ONNX <c>Tanh</c>).</summary>
    Tanh,

    /// <summary><c>σ(z) = max(z, 0)</c>, with <c>σ'(0) = 0</c> as in PyTorch (ONNX <c>Relu</c>). Not smooth at 0.</summary>
    Relu,

    /// <summary>
    /// Exact GELU, <c>σ(z) = z Φ(z) = ½ z (1 + erf(z/√2))</c> (Hendrycks &amp; Gimpel 2016,
    /// arXiv:1606.08415; PyTorch <c>nn.GELU()</c> default <c>approximate='none'</c>). Exported to
    /// ONNX opset 17 as the erf decomposition PyTorch writes: <c>Div(z, √2) → Erf → Add 1 → Mul z → Mul ½</c>.
    /// The tanh approximation is not offered.
    /// </summary>
    Gelu,

    /// <summary><c>σ(z) = ln(1 + eᶻ)</c> (ONNX <c>Softplus</c>; PyTorch <c>nn.Softplus()</c> with β = 1, which returns <c>z</c> itself for <c>z &gt; 20</c>, a 2·10⁻⁹ difference).</summary>
    Softplus,

    /// <summary><c>σ(z) = 1/(1 + e⁻ᶻ)</c> (ONNX <c>Sigmoid</c>).</summary>
    Sigmoid,
}
