using ClimateAD.Hybrid.Networks;

namespace ClimateAD.Hybrid.Parameterisation;

/// <summary>
/// Offline training of a network closure on stored (X_k, U_k) pairs of the truth: Adam
/// (Kingma &amp; Ba 2015) on mini-batches of pairs minimising the normalised squared error
/// <code>
///   ℓ(w) = (1/B) Σ_(i∈batch) (N(X_i; w) − U_i)² / Var(U)
/// </code>
/// with the weight gradient from the network's VJP summed in batch order (deterministic).
/// Batch t is drawn by <see cref="Random"/> seeded with (seed, t). This fits the instantaneous
/// coupling, as in Gagne et al. 2020 (J. Adv. Model. Earth Syst. 12, e2019MS001896) and the
/// "offline" networks of Rasp 2020; online training then refines the result through the solver.
/// </summary>
public static class OfflineClosureFit
{
    /// <summary>Trains <paramref name="network"/>'s weights and returns them with the loss per iteration.</summary>
    /// <param name="network">1-input, 1-output network; its weights are the starting point (not modified).</param>
    /// <param name="x">Inputs X_i.</param>
    /// <param name="u">Targets U_i.</param>
    /// <param name="iterations">Adam iterations.</param>
    /// <param name="batchSize">Pairs per batch.</param>
    /// <param name="learningRate">Adam step size η.</param>
    /// <param name="seed">Seed of the batch draws.</param>
    public static (double[] Weights, double[] Loss) Train(DenseNetwork network, ReadOnlySpan<double> x, ReadOnlySpan<double> u,
        int iterations, int batchSize = 64, double learningRate = 3e-3, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (x.Length != u.Length || x.Length == 0) throw new ArgumentException("Give equal, non-zero numbers of inputs and targets.");
        double mean = 0, variance = 0;
        foreach (double v in u) mean += v / u.Length;
        foreach (double v in u) variance += (v - mean) * (v - mean) / u.Length;
        var w = (double[])network.Weights.Clone();
        int p = w.Length;
        double[] m = new double[p], v2 = new double[p], g = new double[p], scratch = new double[network.ScratchLength];
        var losses = new double[iterations];
        Span<double> y = stackalloc double[1];
        for (int t = 1; t <= iterations; t++)
        {
            var random = new Random(unchecked(seed * 7919 + t * 104729));
            Array.Clear(g);
            double loss = 0;
            for (int b = 0; b < batchSize; b++)
            {
                int i = random.Next(x.Length);
                network.Forward(w, [x[i]], y, scratch);
                double r = y[0] - u[i];
                loss += r * r / variance / batchSize;
                network.Adjoint(w, [x[i]], [2 * r / variance / batchSize], Span<double>.Empty, g, scratch);
            }
            losses[t - 1] = loss;
            AdamUpdate.Apply(t, learningRate, g, m, v2, w);
        }
        return (w, losses);
    }
}
