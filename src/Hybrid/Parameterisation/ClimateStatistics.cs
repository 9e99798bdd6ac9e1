using ClimateAD.Adjoint;

namespace ClimateAD.Hybrid.Parameterisation;

/// <summary>
/// Long-run climate of the slow variables: mean, variance and the histogram PDF of all X_k on
/// fixed bins, and the Hellinger distance between two such PDFs,
/// <c>H(p, q) = √(1 − Σ_b √(p_b q_b))</c> (0 for identical distributions, 1 for disjoint ones;
/// used by Arnold et al. 2013 to compare parameterised Lorenz-96 climates with the truth).
/// </summary>
/// <param name="Mean">Mean of X.</param>
/// <param name="Variance">Variance of X.</param>
/// <param name="Pdf">Bin probabilities (sum 1) on <see cref="Bins"/>.</param>
public sealed record ClimateStatistics(double Mean, double Variance, double[] Pdf)
{
    /// <summary>The common bins: 60 bins on [−15, 25] (values outside fall in the end bins).</summary>
    public static (double Low, double High, int Count) Bins => (-15.0, 25.0, 60);

    /// <summary>Statistics of a set of X samples.</summary>
    public static ClimateStatistics Of(IEnumerable<double[]> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var (low, high, count) = Bins;
        var pdf = new double[count];
        double sum = 0, sumSq = 0;
        long n = 0;
        foreach (var row in samples)
            foreach (double v in row)
            {
                sum += v;
                sumSq += v * v;
                n++;
                int b = (int)Math.Floor((v - low) / (high - low) * count);
                pdf[Math.Clamp(b, 0, count - 1)]++;
            }
        for (int b = 0; b < count; b++) pdf[b] /= n;
        double mean = sum / n;
        return new ClimateStatistics(mean, sumSq / n - mean * mean, pdf);
    }

    /// <summary>Statistics of a free run of a one-scale model: <paramref name="samples"/> samples every <paramref name="stepsPerSample"/> steps after <paramref name="spinUpSteps"/>.</summary>
    public static ClimateStatistics OfRun(IDifferentiableStep step, ReadOnlySpan<double> theta, ReadOnlySpan<double> x0,
        int spinUpSteps, int samples, int stepsPerSample)
    {
        ArgumentNullException.ThrowIfNull(step);
        var x = x0.ToArray();
        var next = new double[x.Length];
        var rows = new List<double[]>(samples);
        for (int n = 0; n < spinUpSteps + samples * stepsPerSample; n++)
        {
            step.Forward(n, x, theta, next);
            (x, next) = (next, x);
            if (!double.IsFinite(x[0])) throw new InvalidOperationException($"The free run diverged at step {n + 1}.");
            if (n + 1 > spinUpSteps && (n + 1 - spinUpSteps) % stepsPerSample == 0) rows.Add((double[])x.Clone());
        }
        return Of(rows);
    }

    /// <summary>Hellinger distance to <paramref name="other"/>.</summary>
    public double Hellinger(ClimateStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        double bc = 0;
        for (int b = 0; b < Pdf.Length; b++) bc += Math.Sqrt(Pdf[b] * other.Pdf[b]);
        return Math.Sqrt(Math.Max(0, 1 - bc));
    }
}
