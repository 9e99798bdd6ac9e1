namespace ClimateAD.IO.Scenarios;

/// <summary>
/// <c>[ensemble]</c>: run <see cref="Members"/> copies of the model, each drawing the parameters in
/// <see cref="Sample"/> from their Gaussian priors truncated to their bounds, with a random
/// generator seeded by <see cref="Seed"/> (same seed, same ensemble). A scenario without
/// <c>[ensemble]</c> has one member and samples nothing.
/// </summary>
/// <param name="Members">Number of members, ≥ 1.</param>
/// <param name="Seed">Seed of the random generator.</param>
/// <param name="Sample">Names of the sampled parameters; each has a prior.</param>
public sealed record EnsembleSpec(int Members, int Seed, IReadOnlyList<string> Sample)
{
    /// <summary>The single-member, no-sampling ensemble used when <c>[ensemble]</c> is absent.</summary>
    public static EnsembleSpec Single { get; } = new(1, 1, []);
}
