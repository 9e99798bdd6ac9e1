using ClimateAD.Adjoint;

namespace ClimateAD.Physics.Lorenz96;

/// <summary>
/// Reproducible initial states for Lorenz-96 runs: the rest state <c>X_k = F</c> with small
/// seeded perturbations (fast variables of amplitude 0.1), optionally spun up onto the attractor.
/// </summary>
public static class Lorenz96InitialState
{
    /// <summary>
    /// <c>X_k = F + 0.1 u_k</c> for the first <paramref name="slowCount"/> components and
    /// <c>Y_i = 0.1 u_i</c> for the remaining ones, <c>u ~ U(−1, 1)</c> from <see cref="Random"/>
    /// seeded with <paramref name="seed"/>.
    /// </summary>
    /// <param name="stateLength">Total state length (K for one-scale, K + KJ for two-scale).</param>
    /// <param name="slowCount">K.</param>
    /// <param name="forcing">F.</param>
    /// <param name="seed">Seed of the perturbation.</param>
    public static double[] Perturbed(int stateLength, int slowCount, double forcing, int seed = 1996)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slowCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stateLength, slowCount);
        var rng = new Random(seed);
        var x = new double[stateLength];
        for (int i = 0; i < stateLength; i++) x[i] = (i < slowCount ? forcing : 0.0) + 0.1 * (2.0 * rng.NextDouble() - 1.0);
        return x;
    }

    /// <summary>Runs <paramref name="steps"/> forward steps from <paramref name="x0"/> and returns the final state (spin-up).</summary>
    public static double[] SpunUp(IDifferentiableStep step, ReadOnlySpan<double> x0, ReadOnlySpan<double> theta, int steps)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        double[] x = x0.ToArray(), next = new double[x.Length];
        for (int n = 0; n < steps; n++)
        {
            step.Forward(n, x, theta, next);
            (x, next) = (next, x);
        }
        return x;
    }
}
