using System.Runtime.CompilerServices;
using ClimateAD.Hybrid.Networks;

namespace ClimateAD.Hybrid.Kernels;

/// <summary>
/// The <see cref="Activation"/>s as kernel code: value <c>σ(z)</c> and derivative <c>σ'(z)</c> selected by
/// the integer code <c>(int)Activation</c> (kernels carry no enums or delegates). The formulas are
/// those of <see cref="ActivationFunctions"/>, except GELU, which uses
/// <see cref="KernelErfc.NormalCdf"/>: <c>gelu z = z Φ(z)</c>, <c>gelu' z = Φ(z) + z φ(z)</c>,
/// <c>φ(z) = e^{−z²/2}/√(2π)</c>. That agrees with the <c>½ z (1 + erf(z/√2))</c> of
/// <see cref="ActivationFunctions"/> to round-off (and is more accurate for large negative <c>z</c>).
/// </summary>
public static class KernelActivation
{
    private const double InvSqrt2Pi = 0.39894228040143267794;

    /// <summary><c>σ(z)</c> for activation code <paramref name="code"/> (<c>(int)Activation</c>; unknown codes act as identity).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Value(int code, double z)
    {
        switch (code)
        {
            case (int)Activation.Tanh: return Math.Tanh(z);
            case (int)Activation.Relu: return z > 0 ? z : 0.0;
            case (int)Activation.Gelu: return z * KernelErfc.NormalCdf(z);
            case (int)Activation.Softplus: return Math.Max(z, 0.0) + Math.Log(1.0 + Math.Exp(-Math.Abs(z)));
            case (int)Activation.Sigmoid: return Sigmoid(z);
            default: return z;
        }
    }

    /// <summary><c>σ'(z)</c> given also <c>a = σ(z)</c> (saves the transcendental for tanh and sigmoid).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Derivative(int code, double z, double a)
    {
        switch (code)
        {
            case (int)Activation.Tanh: return 1.0 - a * a;
            case (int)Activation.Relu: return z > 0 ? 1.0 : 0.0;
            case (int)Activation.Gelu: return KernelErfc.NormalCdf(z) + z * InvSqrt2Pi * Math.Exp(-0.5 * z * z);
            case (int)Activation.Softplus: return Sigmoid(z);
            case (int)Activation.Sigmoid: return a * (1.0 - a);
            default: return 1.0;
        }
    }

    /// <summary><c>1/(1 + e⁻ᶻ)</c> without overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sigmoid(double z)
    {
        if (z >= 0) return 1.0 / (1.0 + Math.Exp(-z));
        double e = Math.Exp(z);
        return e / (1.0 + e);
    }
}
