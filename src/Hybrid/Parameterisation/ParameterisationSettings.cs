namespace ClimateAD.Hybrid.Parameterisation;

/// <summary>
/// Settings of a Lorenz-96 parameterisation experiment (<see cref="ParameterisationExperiment"/>).
/// Times in model time units (MTU; 1 MTU ≈ 5 atmospheric days, Lorenz 1996).
/// </summary>
public sealed record ParameterisationSettings
{
    /// <summary>K, slow variables (default 8).</summary>
    public int SlowCount { get; init; } = 8;

    /// <summary>J, fast variables per slow one (default 32).</summary>
    public int FastPerSlow { get; init; } = 32;

    /// <summary>Truth θ = (F, h, b, c) (default Wilks 2005: 20, 1, 10, 10).</summary>
    public double[] TruthTheta { get; init; } = [20.0, 1.0, 10.0, 10.0];

    /// <summary>RK4 step of truth and one-scale model (default 0.005).</summary>
    public double TimeStep { get; init; } = 0.005;

    /// <summary>Interval between truth samples (default 0.05).</summary>
    public double SampleInterval { get; init; } = 0.05;

    /// <summary>Truth samples (default 8000 = 400 MTU); the first half trains, the second half tests.</summary>
    public int Samples { get; init; } = 8000;

    /// <summary>Hidden widths of the network (default 16, 16).</summary>
    public int[] Hidden { get; init; } = [16, 16];

    /// <summary>Seed of the network's initial weights and of every batch draw (default 1).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Offline Adam iterations (default 3000).</summary>
    public int OfflineIterations { get; init; } = 3000;

    /// <summary>Pairs per offline batch (default 64).</summary>
    public int OfflineBatch { get; init; } = 64;

    /// <summary>Offline Adam step size (default 3e-3).</summary>
    public double OfflineLearningRate { get; init; } = 3e-3;

    /// <summary>Online optimiser: <c>adam</c> (mini-batches, default) or <c>lbfgs</c> (one fixed batch of <see cref="OnlineBatch"/> windows).</summary>
    public string OnlineMethod { get; init; } = "adam";

    /// <summary>Online iterations (default 400).</summary>
    public int OnlineIterations { get; init; } = 400;

    /// <summary>Online window length in samples (default 10 = 0.5 MTU).</summary>
    public int WindowSamples { get; init; } = 10;

    /// <summary>Windows per online batch (default 16; for L-BFGS the size of its fixed batch).</summary>
    public int OnlineBatch { get; init; } = 16;

    /// <summary>Online Adam step size (default 1e-4; unused by L-BFGS).</summary>
    public double OnlineLearningRate { get; init; } = 1e-4;

    /// <summary>Forecast initial conditions in the test half (default 60).</summary>
    public int ForecastStarts { get; init; } = 60;

    /// <summary>Longest forecast lead in samples (default 60 = 3 MTU).</summary>
    public int LeadSamples { get; init; } = 60;

    /// <summary>Samples of each free climate run (default 20000 = 1000 MTU).</summary>
    public int ClimateSamples { get; init; } = 20000;

    /// <summary>Model steps per sample interval.</summary>
    public int StepsPerSample => (int)Math.Round(SampleInterval / TimeStep);
}
