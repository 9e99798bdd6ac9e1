using ClimateAD.Physics.Lorenz96;

namespace ClimateAD.Hybrid.Parameterisation;

/// <summary>
/// Truth data for learning a Lorenz-96 subgrid closure: a long run of the two-scale model
/// (<see cref="TwoScaleLorenz96"/>, RK4) after spin-up, sampled every <see cref="SampleInterval"/>
/// model time units (MTU): the slow variables X_k and the coupling tendency they feel,
/// <c>U_k = −(hc/b) Σ_j Y_(j,k)</c>, which a one-scale closure S(X_k) must imitate
/// (Wilks 2005, Q. J. R. Meteorol. Soc. 131:389–407; Arnold et al. 2013, Phil. Trans. R. Soc. A 371:20110479).
/// </summary>
public sealed class TwoScaleTruth
{
    /// <summary>Runs the two-scale model and records the samples.</summary>
    /// <param name="slowCount">K.</param>
    /// <param name="fastPerSlow">J.</param>
    /// <param name="theta">θ = (F, h, b, c).</param>
    /// <param name="timeStep">RK4 step, MTU.</param>
    /// <param name="sampleInterval">Interval between samples, MTU (a multiple of the step).</param>
    /// <param name="samples">Number of samples.</param>
    /// <param name="spinUp">Spin-up before the first sample, MTU.</param>
    /// <param name="seed">Seed of the initial perturbation.</param>
    public TwoScaleTruth(int slowCount, int fastPerSlow, IReadOnlyList<double> theta, double timeStep, double sampleInterval,
        int samples, double spinUp = 10.0, int seed = 1996)
    {
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 2);
        int stride = (int)Math.Round(sampleInterval / timeStep);
        if (stride < 1 || Math.Abs(stride * timeStep - sampleInterval) > 1e-9 * sampleInterval)
            throw new ArgumentException($"The sample interval {sampleInterval} is not a multiple of the step {timeStep}.");
        SlowCount = slowCount;
        double[] th = [.. theta];
        Theta = th;
        TimeStep = timeStep;
        SampleInterval = sampleInterval;
        var model = new TwoScaleLorenz96(slowCount, fastPerSlow);
        var step = new Rk4Step<TwoScaleLorenz96>(model, timeStep);
        var x = Lorenz96InitialState.SpunUp(step, Lorenz96InitialState.Perturbed(model.StateLength, slowCount, th[0], seed), th,
            (int)Math.Round(spinUp / timeStep));
        var next = new double[x.Length];
        X = new double[samples][];
        Coupling = new double[samples][];
        double scale = th[1] * th[3] / th[2];
        for (int s = 0; s < samples; s++)
        {
            X[s] = x[..slowCount];
            Coupling[s] = new double[slowCount];
            for (int k = 0; k < slowCount; k++)
            {
                double sum = 0;
                for (int j = 0; j < fastPerSlow; j++) sum += x[slowCount + k * fastPerSlow + j];
                Coupling[s][k] = -scale * sum;
            }
            for (int n = 0; n < stride && s + 1 < samples; n++)
            {
                step.Forward(n, x, th, next);
                (x, next) = (next, x);
            }
        }
    }

    /// <summary>K.</summary>
    public int SlowCount { get; }

    /// <summary>θ = (F, h, b, c).</summary>
    public IReadOnlyList<double> Theta { get; }

    /// <summary>The truth's RK4 step, MTU.</summary>
    public double TimeStep { get; }

    /// <summary>Interval between samples, MTU.</summary>
    public double SampleInterval { get; }

    /// <summary>X_k at each sample: <c>X[s][k]</c>.</summary>
    public double[][] X { get; }

    /// <summary>U_k = −(hc/b) Σ_j Y_(j,k) at each sample.</summary>
    public double[][] Coupling { get; }

    /// <summary>Number of samples.</summary>
    public int Count => X.Length;

    /// <summary>Samples [first, first + count) as a new series (shares the arrays).</summary>
    public (double[][] X, double[][] Coupling) Range(int first, int count) => (X[first..(first + count)], Coupling[first..(first + count)]);
}
