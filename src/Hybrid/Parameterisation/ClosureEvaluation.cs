using ClimateAD.Physics.Lorenz96;

namespace ClimateAD.Hybrid.Parameterisation;

/// <summary>
/// How well a one-scale Lorenz-96 model with a closure reproduces the two-scale truth: forecast
/// skill (<see cref="ForecastSkill"/>: time until the mean anomaly correlation drops below 0.6,
/// over <see cref="Starts"/> initial conditions) and long-run climate (<see cref="ClimateStatistics"/>:
/// mean, variance, Hellinger distance of the PDF of X to the truth's).
/// </summary>
/// <param name="Name">Closure name for tables.</param>
/// <param name="SkillTime">Forecast skill, MTU.</param>
/// <param name="Climate">The model's long-run statistics.</param>
/// <param name="Hellinger">Hellinger distance of its PDF of X to the truth's.</param>
/// <param name="Starts">Number of forecast initial conditions.</param>
public sealed record ClosureEvaluation(string Name, double SkillTime, ClimateStatistics Climate, double Hellinger, int Starts)
{
    /// <summary>Evaluates one-scale model <paramref name="step"/> with θ = <paramref name="theta"/>.</summary>
    /// <param name="name">Closure name.</param>
    /// <param name="step">The one-scale model step.</param>
    /// <param name="theta">θ = (F, φ…).</param>
    /// <param name="truth">Truth samples (forecast initial conditions and verification).</param>
    /// <param name="starts">Sample indices of the forecast initial conditions.</param>
    /// <param name="leadSamples">Longest forecast lead, samples.</param>
    /// <param name="stepsPerSample">Model steps per sample interval.</param>
    /// <param name="truthClimate">The truth's statistics.</param>
    /// <param name="climateSamples">Samples of the free run (after a spin-up of 100 samples).</param>
    public static ClosureEvaluation Evaluate(string name, Rk4Step<OneScaleLorenz96> step, ReadOnlySpan<double> theta, TwoScaleTruth truth,
        IReadOnlyList<int> starts, int leadSamples, int stepsPerSample, ClimateStatistics truthClimate, int climateSamples)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(truthClimate);
        var (_, skill) = ForecastSkill.Evaluate(step, theta, truth, starts, leadSamples, stepsPerSample);
        var climate = ClimateStatistics.OfRun(step, theta, truth.X[0], 100 * stepsPerSample, climateSamples, stepsPerSample);
        return new ClosureEvaluation(name, skill, climate, climate.Hellinger(truthClimate), starts.Count);
    }

    /// <summary>One Markdown table row: name, skill, mean, variance, Hellinger distance.</summary>
    public string ToMarkdownRow() => $"| {Name} | {SkillTime:F3} | {Climate.Mean:F3} | {Climate.Variance:F2} | {Hellinger:F4} |";

    /// <summary>The header matching <see cref="ToMarkdownRow"/>.</summary>
    public const string MarkdownHeader = "| closure | forecast skill (MTU, ACC > 0.6) | mean X | variance X | Hellinger to truth |\n|---|---|---|---|---|";
}
