namespace ClimateAD.Physics.EnergyBalance;

/// <summary>
/// Divided differences of the exponential, evaluated without cancellation. They are the scalar
/// functions from which the closed-form matrix exponential of the two-layer model is built
/// (see <see cref="TwoLayerExactPropagator"/> and docs/models/ebm-two-layer.md):
/// <code>
///   exp[0,x]   = (eˣ − 1)/x                          ("exprel")
///   exp[a,b]   = (eᵃ − eᵇ)/(a − b)
///   exp[0,a,b] = (exp[0,a] − exp[0,b])/(a − b)
/// </code>
/// Method: Kahan's exprel trick, eᵇ·exprel(a − b), and for the second difference a Taylor
/// series for small arguments or a cancellation-free reordering for large ones
/// (Higham 2008, Functions of Matrices, §10.4 and §11.1).
/// </summary>
internal static class ExponentialDividedDifferences
{
    /// <summary>
    /// exp[0,x] = (eˣ − 1)/x, and 1 at x = 0, to a few ulp for all finite x (Kahan's trick: with
    /// u = fl(eˣ), (u − 1)/ln u cancels the rounding error of u; Higham 2002, §1.14.1).
    /// </summary>
    public static double Exprel(double x)
    {
        double u = Math.Exp(x);
        if (u == 1.0) return 1.0;
        double um1 = u - 1.0;
        if (um1 == -1.0) return -1.0 / x;
        if (double.IsPositiveInfinity(u)) return u;
        return um1 / Math.Log(u);
    }

    /// <summary>e^x − 1 without cancellation for small |x|.</summary>
    public static double ExpM1(double x) => x * Exprel(x);

    /// <summary>
    /// First divided difference exp[a,b] = (eᵃ − eᵇ)/(a − b) for b ≤ a, computed as
    /// eᵇ·exprel(a − b): positive terms only, exact in the limit a → b (where it is eᵇ).
    /// </summary>
    public static double First(double a, double b) => Math.Exp(b) * Exprel(a - b);

    /// <summary>
    /// Second divided difference exp[0,a,b] for b ≤ a ≤ 0. For |b| ≤ 1 the Taylor series
    /// Σₖ hₖ(a,b)/(k+2)!, hₖ = Σᵢ aⁱbᵏ⁻ⁱ (the complete homogeneous polynomial; hₖ = b·hₖ₋₁ + aᵏ);
    /// for |b| &gt; 1 the reordering (exp[0,a] − exp[a,b])/(−b), whose two terms differ by at
    /// least a factor e/(e−1) there, so at most one digit is lost. Both branches hold for any
    /// separation a − b ≥ 0, including coincident eigenvalues.
    /// </summary>
    public static double SecondFromZero(double a, double b)
    {
        if (b >= -1.0)
        {
            double sum = 0.0, h = 0.0, aPower = 1.0, factorial = 2.0;
            for (int k = 0; k < 40; k++)
            {
                h = b * h + aPower;           // hₖ = b·hₖ₋₁ + aᵏ
                double term = h / factorial;  // factorial = (k+2)!
                sum += term;
                if (Math.Abs(term) <= 1e-17 * Math.Abs(sum)) break;
                aPower *= a;
                factorial *= k + 3;
            }
            return sum;
        }
        return (Exprel(a) - First(a, b)) / -b;
    }
}
