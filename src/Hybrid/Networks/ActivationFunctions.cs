using System.Runtime.CompilerServices;
using MathNet.Numerics;

namespace ClimateAD.Hybrid.Networks;

/// <summary>
/// Values and first derivatives of the <see cref="Activation"/>s, in double precision:
/// <c>tanh' = 1 − tanh²</c>, <c>relu'(z) = [z &gt; 0]</c>, <c>gelu'(z) = Φ(z) + z φ(z)</c>,
/// <c>softplus' = sigmoid</c>, <c>sigmoid' = s(1 − s)</c>, with <c>Φ</c> and <c>φ</c> the standard
/// normal CDF and density. <c>erf</c> is MathNet.Numerics' (Boost's rational approximations,
/// relative error near machine epsilon).
/// </summary>
public static class ActivationFunctions
{
    private const double InvSqrt2 = 0.70710678118654752440;
    private const double InvSqrt2Pi = 0.39894228040143267794;

    /// <summary><c>σ(z)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Value(Activation activation, double z) => activation switch
    {
        Activation.Identity => z,
        Activation.Tanh => Math.Tanh(z),
        Activation.Relu => z > 0 ? z : 0.0,
        Activation.Gelu => 0.5 * z * (1.0 + SpecialFunctions.Erf(z * InvSqrt2)),
        Activation.Softplus => Softplus(z),
        Activation.Sigmoid => Sigmoid(z),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, null),
    };

    /// <summary><c>σ'(z)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Derivative(Activation activation, double z)
    {
        switch (activation)
        {
            case Activation.Identity: return 1.0;
            case Activation.Tanh: { double t = Math.Tanh(z); return 1.0 - t * t; }
            case Activation.Relu: return z > 0 ? 1.0 : 0.0;
            case Activation.Gelu: return 0.5 * (1.0 + SpecialFunctions.Erf(z * InvSqrt2)) + z * InvSqrt2Pi * Math.Exp(-0.5 * z * z);
            case Activation.Softplus: return Sigmoid(z);
            case Activation.Sigmoid: { double s = Sigmoid(z); return s * (1.0 - s); }
            default: throw new ArgumentOutOfRangeException(nameof(activation), activation, null);
        }
    }

    /// <summary>
    /// <c>σ'(z)</c> given also <c>a = σ(z)</c>, which saves the transcendental for tanh
    /// (<c>1 − a²</c>), sigmoid (<c>a(1 − a)</c>), ReLU and identity; used by the adjoint, which
    /// keeps both. Equals <see cref="Derivative(Activation, double)"/> to rounding.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Derivative(Activation activation, double z, double a) => activation switch
    {
        Activation.Identity => 1.0,
        Activation.Tanh => 1.0 - a * a,
        Activation.Relu => z > 0 ? 1.0 : 0.0,
        Activation.Sigmoid => a * (1.0 - a),
        _ => Derivative(activation, z),
    };

    /// <summary><c>ln(1 + eᶻ)</c> without overflow: <c>max(z, 0) + ln(1 + e^{−|z|})</c>.</summary>
    public static double Softplus(double z) => Math.Max(z, 0.0) + Math.Log(1.0 + Math.Exp(-Math.Abs(z)));

    /// <summary><c>1/(1 + e⁻ᶻ)</c> without overflow.</summary>
    public static double Sigmoid(double z)
    {
        if (z >= 0) return 1.0 / (1.0 + Math.Exp(-z));
        double e = Math.Exp(z);
        return e / (1.0 + e);
    }

    /// <summary>The ONNX operator name of a plain activation node, or <c>null</c> for Identity and Gelu (decomposed).</summary>
    public static string? OnnxOperator(Activation activation) => activation switch
    {
        Activation.Tanh => "Tanh",
        Activation.Relu => "Relu",
        Activation.Softplus => "Softplus",
        Activation.Sigmoid => "Sigmoid",
        _ => null,
    };
}
