namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// An explicit Runge–Kutta method in Butcher form: stages <c>k_s = G(x + Δt Σ_(r&lt;s) a_sr k_r)</c>,
/// update <c>x[n+1] = x + Δt Σ_s b_s k_s</c>. Its adjoint runs the stages in reverse:
/// <c>k̄_s = Δt b_s λ' + Δt Σ_(t&gt;s) a_ts ȳ_t</c>, <c>ȳ_s = G'(y_s)ᵀ k̄_s</c>, <c>λ = λ' + Σ_s ȳ_s</c>.
/// </summary>
/// <param name="Name">Name of the method.</param>
/// <param name="A">Strictly lower-triangular stage coefficients, <c>A[s][r]</c> for <c>r &lt; s</c>.</param>
/// <param name="B">Weights <c>b_s</c>.</param>
public sealed record ButcherTableau(string Name, double[][] A, double[] B)
{
    /// <summary>Number of stages.</summary>
    public int Stages => B.Length;

    /// <summary>SSP-RK3 of Shu &amp; Osher (1988): <c>a₂₁ = 1, a₃₁ = a₃₂ = ¼, b = (⅙, ⅙, ⅔)</c>.</summary>
    public static ButcherTableau SspRk3 { get; } = new("ssp-rk3", [[], [1.0], [0.25, 0.25]], [1.0 / 6, 1.0 / 6, 2.0 / 3]);

    /// <summary>Wicker &amp; Skamarock (2002) RK3: <c>a₂₁ = ⅓, a₃₂ = ½, b = (0, 0, 1)</c>.</summary>
    public static ButcherTableau WickerSkamarockRk3 { get; } = new("wicker-skamarock-rk3", [[], [1.0 / 3], [0.0, 0.5]], [0.0, 0.0, 1.0]);

    /// <summary>Classical RK4: <c>a₂₁ = a₃₂ = ½, a₄₃ = 1, b = (⅙, ⅓, ⅓, ⅙)</c>.</summary>
    public static ButcherTableau Rk4 { get; } = new("rk4", [[], [0.5], [0.0, 0.5], [0.0, 0.0, 1.0]], [1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6]);
}
