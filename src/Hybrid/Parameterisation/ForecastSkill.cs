using ClimateAD.Adjoint;

namespace ClimateAD.Hybrid.Parameterisation;

/// <summary>
/// Forecast skill of a one-scale model against the two-scale truth: from each of several truth
/// states X(t₀) the model forecasts to lead L; at every sampled lead τ the anomaly correlation
/// <code>
///   ACC(τ) = Σ_k a_k b_k / √(Σ_k a_k² Σ_k b_k²),   a = X_model(t₀+τ) − X̄,   b = X_truth(t₀+τ) − X̄
/// </code>
/// with X̄ the truth's climatological mean, is averaged over the initial conditions; the skill
/// is the first lead at which the mean ACC drops below <see cref="Threshold"/> (linearly
/// interpolated between samples), in model time units (Arnold et al. 2013, Phil. Trans. R. Soc. A
/// 371:20110479; Rasp 2020, Geosci. Model Dev. 13:2185–2196).
/// </summary>
public static class ForecastSkill
{
    /// <summary>The anomaly-correlation threshold, 0.6.</summary>
    public const double Threshold = 0.6;

    /// <summary>Mean ACC at leads 0, Δ, 2Δ, … (Δ = the truth's sample interval) and the skill time.</summary>
    /// <param name="step">The one-scale model step (state = K slow variables).</param>
    /// <param name="theta">Its parameters.</param>
    /// <param name="truth">The truth samples.</param>
    /// <param name="starts">Sample indices of the initial conditions.</param>
    /// <param name="leadSamples">Forecast length in samples.</param>
    /// <param name="stepsPerSample">Model steps per truth sample interval.</param>
    public static (double[] MeanAcc, double SkillTime) Evaluate(IDifferentiableStep step, ReadOnlySpan<double> theta, TwoScaleTruth truth,
        IReadOnlyList<int> starts, int leadSamples, int stepsPerSample)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(starts);
        double mean = truth.X.SelectMany(r => r).Average();
        var acc = new double[leadSamples + 1];
        var x = new double[step.StateLength];
        var next = new double[step.StateLength];
        foreach (int s0 in starts)
        {
            if (s0 + leadSamples >= truth.Count) throw new ArgumentException($"Start {s0} + lead {leadSamples} runs past the truth ({truth.Count} samples).");
            truth.X[s0].CopyTo(x, 0);
            for (int l = 0; l <= leadSamples; l++)
            {
                if (l > 0)
                    for (int n = 0; n < stepsPerSample; n++)
                    {
                        step.Forward(n, x, theta, next);
                        (x, next) = (next, x);
                    }
                acc[l] += Correlation(x, truth.X[s0 + l], mean) / starts.Count;
            }
        }
        double skill = leadSamples * truth.SampleInterval;
        for (int l = 1; l <= leadSamples; l++)
            if (acc[l] < Threshold)
            {
                double f = (acc[l - 1] - Threshold) / (acc[l - 1] - acc[l]);
                skill = (l - 1 + f) * truth.SampleInterval;
                break;
            }
        return (acc, skill);
    }

    private static double Correlation(ReadOnlySpan<double> model, ReadOnlySpan<double> truth, double mean)
    {
        double ab = 0, aa = 0, bb = 0;
        for (int k = 0; k < model.Length; k++)
        {
            double a = model[k] - mean, b = truth[k] - mean;
            ab += a * b;
            aa += a * a;
            bb += b * b;
        }
        return ab / Math.Sqrt(aa * bb);
    }
}
