using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.Lorenz96;

/// <summary>
/// Cubic polynomial closure <c>S(X) = a₀ + a₁X + a₂X² + a₃X³</c> (Wilks 2005, Q. J. R. Meteorol.
/// Soc. 131:389–407; Arnold et al. 2013, Phil. Trans. R. Soc. A 371:20110479). Those papers
/// write the closure as a subtracted fit <c>−U_p(X)</c> of the coupling tendency
/// <c>U = (hc/b) Σ_j Y_{j,k}</c>; here <c>S = −U_p</c>, so the defaults are the negated
/// coefficients used by Arnold et al. (2013) for K = 8, J = 32, F = 20:
/// <c>U_p = 0.341 + 1.30X − 0.0136X² − 0.00235X³</c>. Units of every <c>a_i</c>: 1 (nondimensional).
/// </summary>
public sealed class CubicSubgridTerm : ISubgridTerm
{
    /// <summary>Name of the constant coefficient a₀.</summary>
    public const string Constant = "subgrid_constant";
    /// <summary>Name of the linear coefficient a₁.</summary>
    public const string Linear = "subgrid_linear";
    /// <summary>Name of the quadratic coefficient a₂.</summary>
    public const string Quadratic = "subgrid_quadratic";
    /// <summary>Name of the cubic coefficient a₃.</summary>
    public const string Cubic = "subgrid_cubic";

    /// <summary>φ = (a₀, a₁, a₂, a₃).</summary>
    public static ParameterTable Table { get; } = new(
    [
        new(Constant, "a₀", "1", -0.341, -10.0, 10.0,
            "Constant part of the cubic subgrid tendency S(X) (negated fit of Arnold et al. 2013, F = 20)."),
        new(Linear, "a₁", "1", -1.30, -10.0, 10.0,
            "Linear coefficient of S(X): the damping of X by the fast variables (negated fit of Arnold et al. 2013)."),
        new(Quadratic, "a₂", "1", 0.0136, -1.0, 1.0,
            "Quadratic coefficient of S(X) (negated fit of Arnold et al. 2013)."),
        new(Cubic, "a₃", "1", 0.00235, -0.1, 0.1,
            "Cubic coefficient of S(X) (negated fit of Arnold et al. 2013)."),
    ]);

    /// <inheritdoc />
    public ParameterTable Parameters => Table;

    /// <summary><c>S = a₀ + X(a₁ + X(a₂ + X a₃))</c> (Horner).</summary>
    public double Evaluate(double x, ReadOnlySpan<double> phi) => phi[0] + x * (phi[1] + x * (phi[2] + x * phi[3]));

    /// <summary><c>∂S/∂X = a₁ + X(2a₂ + 3a₃X)</c>.</summary>
    public double Derivative(double x, ReadOnlySpan<double> phi) => phi[1] + x * (2.0 * phi[2] + 3.0 * x * phi[3]);

    /// <summary><c>δa₀ + X δa₁ + X² δa₂ + X³ δa₃</c>.</summary>
    public double ParameterTangent(double x, ReadOnlySpan<double> phi, ReadOnlySpan<double> dPhi) =>
        dPhi[0] + x * (dPhi[1] + x * (dPhi[2] + x * dPhi[3]));

    /// <summary><c>ā_i += s̄ X^i</c>.</summary>
    public void AddParameterAdjoint(double x, ReadOnlySpan<double> phi, double sBar, Span<double> phiBar)
    {
        double x2 = x * x;
        phiBar[0] += sBar;
        phiBar[1] += sBar * x;
        phiBar[2] += sBar * x2;
        phiBar[3] += sBar * x2 * x;
    }
}
