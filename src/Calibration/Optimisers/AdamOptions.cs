namespace ClimateAD.Calibration.Optimisers;

/// <summary>Settings of <see cref="AdamMethod"/>.</summary>
public sealed record AdamOptions
{
    /// <summary>Most iterations (default 2000).</summary>
    public int MaxIterations { get; init; } = 2000;

    /// <summary>Step size α in u (default 0.02; u is roughly the log of the parameter, so 2 % per step at most).</summary>
    public double LearningRate { get; init; } = 0.02;

    /// <summary>Decay β₁ of the first-moment estimate (default 0.9).</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Decay β₂ of the second-moment estimate (default 0.999).</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>ε in the denominator (default 10⁻⁸).</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>Stop after <see cref="Patience"/> iterations in a row that each change J by less than this (default 10⁻³).</summary>
    public double CostTolerance { get; init; } = 1e-3;

    /// <summary>Iterations in a row with |ΔJ| below <see cref="CostTolerance"/> before stopping (default 20).</summary>
    public int Patience { get; init; } = 20;
}
