namespace ClimateAD.Calibration.Optimisers;

/// <summary>Settings of <see cref="LbfgsMethod"/>.</summary>
public sealed record LbfgsOptions
{
    /// <summary>Most iterations (default 200).</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>
    /// Correction pairs kept, m (default 30: on the EBM twin, 20 realisations, the median cost
    /// falls from 90 forward-equivalent runs with m = 8 to 74 with m = 30, at equal accuracy, because
    /// the curvature of the C₀–γ–ε valley is remembered for longer; the two-loop recursion costs
    /// O(m p) per iteration, negligible beside a model run).
    /// </summary>
    public int Memory { get; init; } = 30;

    /// <summary>Stop when the quasi-Newton predicted decrease ½ ∇Jᵀ H ∇J is below this (default 10⁻³).</summary>
    public double CostTolerance { get; init; } = 1e-3;

    /// <summary>Initial inverse Hessian (default <see cref="LbfgsPreconditioner.Scaled"/>, the more robust on the EBM twin).</summary>
    public LbfgsPreconditioner Preconditioner { get; init; } = LbfgsPreconditioner.Scaled;

    /// <summary>Sufficient-decrease constant c₁ of the Wolfe conditions (default 10⁻⁴).</summary>
    public double ArmijoConstant { get; init; } = 1e-4;

    /// <summary>Curvature constant c₂ of the weak Wolfe conditions (default 0.9).</summary>
    public double CurvatureConstant { get; init; } = 0.9;

    /// <summary>Most trial points of one line search (default 20).</summary>
    public int MaxLineSearchSteps { get; init; } = 20;
}
