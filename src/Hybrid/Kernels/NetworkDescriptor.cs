using ClimateAD.Hybrid.Networks;

namespace ClimateAD.Hybrid.Kernels;

/// <summary>
/// The shape and normalisation of a <see cref="DenseNetwork"/> packed into one vector of doubles that
/// a kernel reads from device memory (<see cref="PointNetwork"/>). For <c>L</c> layers of widths
/// <c>n₀ … n_L</c>:
/// <code>
///   [0]               L
///   [1 + l]           n_l,                l = 0…L
///   [L + 2 + l]       activation code (int)σ_l,   l = 0…L−1
///   [2L + 2 + l]      offset of W_l in the flat weights
///   [3L + 2 …]        input shift (n₀), input scale (n₀), output scale (n_L), output shift (n_L)
/// </code>
/// Integers are stored exactly as doubles (all are far below 2⁵³).
/// </summary>
public static class NetworkDescriptor
{
    /// <summary>Widest layer (input, hidden or output) a kernel evaluates.</summary>
    public const int MaxWidth = 64;

    /// <summary>The descriptor of <paramref name="network"/>.</summary>
    /// <exception cref="ArgumentException">The network does not fit the kernels' per-point scratch (see <see cref="Check"/>).</exception>
    public static double[] Create(DenseNetwork network)
    {
        Check(network);
        int layers = network.Layers.Count, n0 = network.InputSize, nL = network.OutputSize;
        var d = new double[3 * layers + 2 + 2 * n0 + 2 * nL];
        d[0] = layers;
        d[1] = n0;
        for (int l = 0; l < layers; l++)
        {
            d[2 + l] = network.Layers[l].OutputSize;
            d[layers + 2 + l] = (int)network.Layers[l].Activation;
            d[2 * layers + 2 + l] = network.WeightOffset(l);
        }
        int p = 3 * layers + 2;
        network.InputNormalisation.Shift.CopyTo(d, p);
        network.InputNormalisation.Scale.CopyTo(d, p + n0);
        network.OutputNormalisation.Scale.CopyTo(d, p + 2 * n0);
        network.OutputNormalisation.Shift.CopyTo(d, p + 2 * n0 + nL);
        return d;
    }

    /// <summary>
    /// Doubles of <see cref="PointScratch"/> the adjoint of <paramref name="network"/> needs:
    /// <c>n₀ + 2 Σ_l n_l + 2·MaxWidth</c>.
    /// </summary>
    public static int ScratchNeeded(DenseNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network.InputSize + 2 * network.Layers.Sum(l => l.OutputSize) + 2 * MaxWidth;
    }

    /// <summary>Throws unless every width is at most <see cref="MaxWidth"/> and the adjoint's scratch fits <see cref="PointScratch.Capacity"/>.</summary>
    /// <exception cref="ArgumentException">The network is too wide or too deep for the kernels.</exception>
    public static void Check(DenseNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        int widest = Math.Max(network.InputSize, network.Layers.Max(l => l.OutputSize));
        if (widest > MaxWidth)
            throw new ArgumentException($"Network layer width {widest} exceeds the grid kernels' limit of {MaxWidth} units; use DenseNetwork batches on the CPU instead.");
        int needed = ScratchNeeded(network);
        if (needed > PointScratch.Capacity)
            throw new ArgumentException($"Network needs {needed} doubles of per-point scratch (inputs + 2 × units + 2 × {MaxWidth}); the grid kernels hold {PointScratch.Capacity}. Use fewer or narrower layers.");
    }
}
