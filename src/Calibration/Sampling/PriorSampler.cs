using ClimateAD.Physics.Parameters;

namespace ClimateAD.Calibration.Sampling;

/// <summary>
/// Draws parameter vectors for an ensemble: the named parameters from their Gaussian priors
/// N(μ, σ²) truncated to the parameter bounds [a, b] (by rejection, which keeps the density
/// exactly proportional to the Gaussian inside the bounds), every other parameter at its given
/// value. Deterministic for a given seed: the generator is <see cref="Random(int)"/> (a fixed,
/// documented algorithm) and normal deviates come from the Box–Muller transform.
/// </summary>
public sealed class PriorSampler
{
    private const int MaxRejections = 100_000;
    private readonly ParameterTable _table;
    private readonly int[] _sampled;
    private readonly Random _random;

    /// <summary>Creates a sampler.</summary>
    /// <param name="table">Parameter table (θ order).</param>
    /// <param name="sampled">Names of the parameters to draw; each must have a prior.</param>
    /// <param name="seed">Seed: the same seed gives the same ensemble.</param>
    public PriorSampler(ParameterTable table, IEnumerable<string> sampled, int seed)
    {
        _table = table;
        _sampled = sampled.Select(name =>
        {
            int i = table.IndexOf(name);
            if (i < 0) throw new ArgumentException($"Unknown parameter '{name}'.", nameof(sampled));
            if (table[i].Prior is null) throw new ArgumentException($"Parameter '{name}' has no prior to sample from.", nameof(sampled));
            return i;
        }).ToArray();
        _random = new Random(seed);
    }

    /// <summary>
    /// Fills <paramref name="theta"/> (member-major, <paramref name="members"/> rows of the table's
    /// length) with <paramref name="central"/> and overwrites the sampled entries with draws.
    /// </summary>
    public void Fill(ReadOnlySpan<double> central, int members, Span<double> theta)
    {
        int p = _table.Count;
        if (central.Length != p) throw new ArgumentException($"Expected {p} central values.", nameof(central));
        if (theta.Length != members * p) throw new ArgumentException($"Expected {members * p} values.", nameof(theta));
        for (int m = 0; m < members; m++)
        {
            var row = theta.Slice(m * p, p);
            central.CopyTo(row);
            foreach (int i in _sampled) row[i] = Draw(_table[i]);
        }
    }

    /// <summary>One draw from the truncated Gaussian prior of <paramref name="spec"/>.</summary>
    private double Draw(ParameterSpec spec)
    {
        var prior = spec.Prior!;
        for (int attempt = 0; attempt < MaxRejections; attempt++)
        {
            double x = prior.Mean + prior.StandardDeviation * StandardNormal();
            if (x >= spec.Lower && x <= spec.Upper) return x;
        }
        throw new InvalidOperationException(
            $"The prior of '{spec.Name}' puts almost no mass inside its bounds {spec.BoundsText}.");
    }

    private double StandardNormal()
    {
        double u1 = 1.0 - _random.NextDouble(); // (0, 1]
        double u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
