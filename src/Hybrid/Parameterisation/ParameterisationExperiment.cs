using ClimateAD.Hybrid.Networks;
using ClimateAD.Hybrid.Terms;
using ClimateAD.Physics.Lorenz96;

namespace ClimateAD.Hybrid.Parameterisation;

/// <summary>
/// The Lorenz-96 parameterisation experiment of issue 7 (after Wilks 2005, Arnold et al. 2013 and
/// Rasp 2020): the two-scale model is the truth; a one-scale model replaces the fast variables by
/// a closure S(X_k) that is (a) a cubic polynomial fitted offline to the coupling tendency,
/// (b) a network (<see cref="NetworkSubgridTerm"/>) trained offline on the same pairs and (c) that
/// network trained further online, through the solver, on 
/// forecast windows (<see cref="TrajectoryLoss"/>, <see cref="AdamTrainer"/> or <see cref="LbfgsTrainer"/>). Training uses the
/// first half of the truth, evaluation (<see cref="ClosureEvaluation"/>) the second.
/// </summary>
public sealed class ParameterisationExperiment
{
    /// <summary>Generates the truth for <paramref name="settings"/>.</summary>
    public ParameterisationExperiment(ParameterisationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        Truth = new TwoScaleTruth(settings.SlowCount, settings.FastPerSlow, settings.TruthTheta, settings.TimeStep,
            settings.SampleInterval, settings.Samples);
        TrainingSamples = settings.Samples / 2;
        // The climate reference is a separate long truth run as long as the models' free runs; a
        // second one, from another initial state, gives the sampling floor of the Hellinger distance.
        TruthClimate = ClimateStatistics.Of(new TwoScaleTruth(settings.SlowCount, settings.FastPerSlow, settings.TruthTheta, settings.TimeStep,
            settings.SampleInterval, settings.ClimateSamples, seed: 2024).X);
        HellingerFloor = ClimateStatistics.Of(new TwoScaleTruth(settings.SlowCount, settings.FastPerSlow, settings.TruthTheta, settings.TimeStep,
            settings.SampleInterval, settings.ClimateSamples, seed: 2025).X).Hellinger(TruthClimate);
        var test = settings.Samples - TrainingSamples - settings.LeadSamples - 1;
        Starts = Enumerable.Range(0, settings.ForecastStarts).Select(i => TrainingSamples + (int)((long)i * test / settings.ForecastStarts)).ToArray();
    }

    /// <summary>The settings.</summary>
    public ParameterisationSettings Settings { get; }

    /// <summary>The truth samples.</summary>
    public TwoScaleTruth Truth { get; }

    /// <summary>Samples of the training half.</summary>
    public int TrainingSamples { get; }

    /// <summary>Truth statistics from a free two-scale run of <see cref="ParameterisationSettings.ClimateSamples"/> samples.</summary>
    public ClimateStatistics TruthClimate { get; }

    /// <summary>Hellinger distance between two independent truth runs of that length: the sampling floor.</summary>
    public double HellingerFloor { get; }

    /// <summary>Forecast initial conditions (test half).</summary>
    public IReadOnlyList<int> Starts { get; }

    /// <summary>Forcing F of the one-scale model (the truth's).</summary>
    public double Forcing => Settings.TruthTheta[0];

    /// <summary>φ of the cubic fitted to the training half.</summary>
    public double[] FitCubic() => CubicFit.Fit(Truth.X[..TrainingSamples], Truth.Coupling[..TrainingSamples]);

    /// <summary>An untrained network of the settings' widths with normalisation from the training pairs.</summary>
    public DenseNetwork CreateNetwork()
    {
        var (x, u) = TrainingPairs();
        return DenseNetwork.Create([1, .. Settings.Hidden, 1], Activation.Tanh, Activation.Identity, Settings.Seed,
            AffineNormalisation.FromData(x, 1), AffineNormalisation.FromData(u, 1));
    }

    /// <summary>The training pairs (X_i, U_i), flattened.</summary>
    public (double[] X, double[] U) TrainingPairs() =>
        (Truth.X[..TrainingSamples].SelectMany(r => r).ToArray(), Truth.Coupling[..TrainingSamples].SelectMany(r => r).ToArray());

    /// <summary>Offline-trained weights of <paramref name="network"/> and the loss curve.</summary>
    public (double[] Weights, double[] Loss) TrainOffline(DenseNetwork network)
    {
        var (x, u) = TrainingPairs();
        return OfflineClosureFit.Train(network, x, u, Settings.OfflineIterations, Settings.OfflineBatch, Settings.OfflineLearningRate, Settings.Seed);
    }

    /// <summary>
    /// The online trainer of the closure weights of <paramref name="term"/> on windows from the
    /// training half: Adam on mini-batches, or L-BFGS on one fixed batch
    /// (<see cref="ParameterisationSettings.OnlineMethod"/>).
    /// </summary>
    public IOnlineTrainer OnlineTrainer(NetworkSubgridTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var loss = new TrajectoryLoss(() => Model(term), Truth, Settings.WindowSamples, Settings.StepsPerSample);
        var starts = Enumerable.Range(0, TrainingSamples - Settings.WindowSamples - 1).ToArray();
        var trainable = Enumerable.Range(1, term.Parameters.Count).ToArray();
        return Settings.OnlineMethod switch
        {
            "adam" => new AdamTrainer(loss, starts, trainable)
            {
                LearningRate = Settings.OnlineLearningRate,
                BatchSize = Settings.OnlineBatch,
                Seed = Settings.Seed,
            },
            "lbfgs" => new LbfgsTrainer(loss, starts, trainable, Settings.OnlineBatch, Settings.Seed),
            var m => throw new ArgumentException($"Unknown online method '{m}' (adam, lbfgs)."),
        };
    }

    /// <summary>The one-scale model with closure <paramref name="term"/> (or none).</summary>
    public Rk4Step<OneScaleLorenz96> Model(ISubgridTerm? term) => new(new OneScaleLorenz96(Settings.SlowCount, term), Settings.TimeStep);

    /// <summary>Skill and climate of the one-scale model with closure <paramref name="term"/> and φ.</summary>
    public ClosureEvaluation Evaluate(string name, ISubgridTerm? term, ReadOnlySpan<double> phi) =>
        ClosureEvaluation.Evaluate(name, Model(term), [Forcing, .. phi], Truth, Starts, Settings.LeadSamples, Settings.StepsPerSample,
            TruthClimate, Settings.ClimateSamples);
}
