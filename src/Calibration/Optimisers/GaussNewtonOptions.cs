namespace ClimateAD.Calibration.Optimisers;

/// <summary>Settings of <see cref="GaussNewtonMethod"/>.</summary>
public sealed record GaussNewtonOptions
{
    /// <summary>Most iterations (default 30).</summary>
    public int MaxIterations { get; init; } = 30;

    /// <summary>
    /// Stop when the decrease of J predicted by the Gauss–Newton model for the full step,
    /// ½ ∇Jᵀ H⁻¹ ∇J, is below this (default 10⁻²: the remaining step is under 0.15 posterior σ, since a shift of one σ changes J by ½).
    /// </summary>
    public double CostTolerance { get; init; } = 1e-2;

    /// <summary>
    /// When the predicted decrease is below this (but above <see cref="CostTolerance"/>), take the
    /// last step with one forward run and stop, without linearising again (default 0.5, about a
    /// one-σ step; 0 disables). The final state then carries no linearisation: a Laplace
    /// approximation there costs p more tangent runs.
    /// </summary>
    public double FinalStepTolerance { get; init; } = 0.5;

    /// <summary>Initial Levenberg–Marquardt damping μ₀ relative to diag(H) (default 10⁻³; 0 is plain Gauss–Newton).</summary>
    public double InitialDamping { get; init; } = 1e-3;

    /// <summary>Most rejected trial steps in one iteration before giving up (default 20).</summary>
    public int MaxRejections { get; init; } = 20;
}
