using System.Globalization;
using System.Text;
using ClimateAD.Hybrid.Networks;
using ClimateAD.Hybrid.Parameterisation;
using ClimateAD.Physics.ShallowWater;

namespace ClimateAD.Hybrid.Grid;

/// <summary>
/// The grid example of a learned closure trained online: a reduced-gravity wind-driven double gyre
/// (Munk 1950, J. Meteor. 7:80–93) run at <c>r × n</c> cells is the truth; coarse-grained
/// (<see cref="CoarseGraining"/>) daily, it gives the reference of the same model at <c>n</c> cells, whose
/// Munk layer is under-resolved. Three coarse models are compared on held-out data: as is, with its
/// viscosity <c>ν</c> tuned online (the classical alternative), and with a learned
/// <see cref="FaceMomentumClosure"/> trained online (Adam on mini-batches of short windows started from
/// coarse-grained truth states, loss = mean squared error of h over the window, gradient by the adjoint
/// of the coarse solver; Rasp 2020, Geosci. Model Dev. 13:2185–2196).
/// </summary>
public sealed class GridClosureExperiment
{
    private readonly List<double[]> _truth = [];

    /// <summary>Runs the truth of <paramref name="settings"/> (default: <see cref="GridClosureSettings"/> defaults).</summary>
    public GridClosureExperiment(GridClosureSettings? settings = null)
    {
        Settings = settings ?? new GridClosureSettings();
        var s = Settings;
        int n = s.CoarseCells, nf = n * s.Factor;
        double coarseDt = 86400.0 / s.CoarseStepsPerDay, fineDt = coarseDt / s.Factor;
        var fine = ShallowWaterSetups.DoubleGyre(nf, GridClosureSettings.BasinLength, GridClosureSettings.Depth, GridClosureSettings.ReducedGravity,
            viscosity: s.Viscosity, windStress: s.WindStress, timeStep: fineDt);
        Coarse = ShallowWaterSetups.DoubleGyre(n, GridClosureSettings.BasinLength, GridClosureSettings.Depth, GridClosureSettings.ReducedGravity,
            viscosity: s.Viscosity, windStress: s.WindStress, timeStep: coarseDt);
        using var sim = fine.CreateSimulation();
        sim.Run(s.SpinUpDays * s.CoarseStepsPerDay * s.Factor);
        int samples = s.TrainingDays + s.TestDays + 1;
        for (int d = 0; d < samples; d++)
        {
            if (d > 0) sim.Run(s.CoarseStepsPerDay * s.Factor);
            _truth.Add(CoarseGraining.Apply(sim.GetState(), n, n, s.Factor));
        }
        PhysicsParameters = Coarse.Configuration.DefaultParameters();
        ViscosityIndex = Coarse.Configuration.Parameters.IndexOf(ShallowWaterParameterNames.LaplacianViscosity);
        Network = CreateNetwork();
    }

    /// <summary>The settings.</summary>
    public GridClosureSettings Settings { get; }

    /// <summary>The coarse model (its initial state is unused: windows start from the truth).</summary>
    public ShallowWaterSetup Coarse { get; }

    /// <summary>Coarse-grained truth, one state per day after the spin-up.</summary>
    public IReadOnlyList<double[]> Truth => _truth;

    /// <summary>The coarse model's default parameters <c>θ_p</c>.</summary>
    public double[] PhysicsParameters { get; }

    /// <summary>Index of ν in <c>θ_p</c>.</summary>
    public int ViscosityIndex { get; }

    /// <summary>The untrained closure network ((q, h̄[, d]) → w → w → 1, tanh, last layer zero: the closure starts switched off).</summary>
    public DenseNetwork Network { get; }

    /// <summary>Cells of the coarse grid.</summary>
    public int CoarseCellCount => Settings.CoarseCells * Settings.CoarseCells;

    /// <summary>Training window starts (days 0 … TrainingDays − WindowDays).</summary>
    public IReadOnlyList<int> TrainingStarts => [.. Enumerable.Range(0, Settings.TrainingDays - Settings.WindowDays + 1)];

    /// <summary>Held-out window starts: non-overlapping windows in the test record.</summary>
    public IReadOnlyList<int> TestStarts => [.. Enumerable.Range(0, Settings.TestDays / Settings.WindowDays).Select(k => Settings.TrainingDays + k * Settings.WindowDays)];

    /// <summary>The closure of <paramref name="network"/> on the coarse grid.</summary>
    public FaceMomentumClosure Closure(DenseNetwork network) => new(network, Coarse.Configuration.Grid, Coarse.Configuration.TimeStep);

    /// <summary>A coarse step factory, with the closure of <see cref="Network"/> or without one.</summary>
    public Func<ClosedShallowWaterStep> StepFactory(bool withClosure) =>
        () => new ClosedShallowWaterStep(Coarse.Configuration, withClosure ? Closure(Network) : null);

    /// <summary>The window loss (mean squared error of h, m²) of a model.</summary>
    public TrajectoryLoss Loss(bool withClosure) =>
        new(StepFactory(withClosure), _truth, Enumerable.Range(0, CoarseCellCount), Settings.WindowDays, Settings.CoarseStepsPerDay);

    /// <summary>Online Adam training of the parameters <paramref name="trainable"/> of θ from <paramref name="theta0"/>; returns θ and the batch losses.</summary>
    /// <param name="loss">The loss.</param>
    /// <param name="theta0">Start.</param>
    /// <param name="trainable">Indices trained.</param>
    /// <param name="learningRate">Adam step η (in the units of the parameters).</param>
    /// <param name="lowerBound">Lower bound applied after each update (e.g. ν ≥ 0).</param>
    public (double[] Theta, double[] Losses) Train(TrajectoryLoss loss, double[] theta0, IReadOnlyList<int> trainable, double learningRate, double lowerBound = double.NegativeInfinity)
    {
        ArgumentNullException.ThrowIfNull(loss);
        var trainer = new AdamTrainer(loss, TrainingStarts, trainable)
        {
            LearningRate = learningRate,
            BatchSize = Settings.BatchSize,
            Seed = Settings.Seed,
            LowerBound = lowerBound,
        };
        var state = trainer.Start(theta0);
        var losses = new double[Settings.Iterations];
        for (int t = 0; t < Settings.Iterations; t++)
        {
            state = trainer.Iterate(state);
            losses[t] = state.Loss;
        }
        return (state.Theta, losses);
    }

    /// <summary>
    /// Runs the whole comparison: ν tuned by Adam from its default (step 5 % of ν₀, floor 5 % of ν₀), the
    /// closure weights by Adam (<see cref="GridClosureSettings.LearningRate"/>), both on the same windows and
    /// batches, then every model scored on the held-out windows and a free run through the test record.
    /// </summary>
    public GridClosureResult Run()
    {
        var start = DateTime.UtcNow;
        var plain = Loss(false);
        var learned = Loss(true);
        double[] theta0 = PhysicsParameters;
        double nu0 = theta0[ViscosityIndex];
        var (thetaNu, nuLosses) = Train(plain, theta0, [ViscosityIndex], 0.05 * nu0, lowerBound: 0.05 * nu0);
        double[] thetaNet0 = [.. theta0, .. Network.Weights];
        var weights = Enumerable.Range(theta0.Length, Network.ParameterCount).ToArray();
        var (thetaNet, netLosses) = Train(learned, thetaNet0, weights, Settings.LearningRate);
        var test = TestStarts;
        var rows = new List<GridClosureRow>
        {
            Evaluate("no closure", false, theta0),
            Evaluate($"tuned viscosity (ν = {thetaNu[ViscosityIndex]:G3} m2 s-1)", false, thetaNu),
            Evaluate("learned closure", true, thetaNet),
        };
        return new GridClosureResult(Settings, rows, thetaNu[ViscosityIndex], nuLosses, netLosses, Network.ParameterCount,
            TruthHeightAnomaly(), (DateTime.UtcNow - start).TotalSeconds);
    }

    /// <summary>Held-out window error and free-run error of one model.</summary>
    public GridClosureRow Evaluate(string name, bool withClosure, double[] theta)
    {
        var windows = Loss(withClosure).Evaluate(theta, TestStarts, gradient: false).Loss;
        using var step = StepFactory(withClosure)();
        int first = Settings.TrainingDays, steps = Settings.CoarseStepsPerDay;
        var x = (double[])_truth[first].Clone();
        var next = new double[x.Length];
        double sumH = 0, sumUv = 0;
        double endH = 0;
        int n = 0;
        for (int d = 1; d <= Settings.TestDays; d++)
        {
            for (int k = 0; k < steps; k++)
            {
                step.Forward((d - 1) * steps + k, x, theta, next);
                (x, next) = (next, x);
            }
            var (h, uv) = Rmse(x, _truth[first + d]);
            sumH += h * h;
            sumUv += uv * uv;
            endH = h;
            n++;
        }
        return new GridClosureRow(name, Math.Sqrt(windows), Math.Sqrt(sumH / n), endH, Math.Sqrt(sumUv / n));
    }

    /// <summary>RMS of the coarse truth's thickness anomaly h − H over the test record (m), the scale of the errors.</summary>
    public double TruthHeightAnomaly()
    {
        double s = 0;
        int count = 0;
        for (int d = Settings.TrainingDays; d < _truth.Count; d++)
            for (int k = 0; k < CoarseCellCount; k++)
            {
                double a = _truth[d][k] - GridClosureSettings.Depth;
                s += a * a;
                count++;
            }
        return Math.Sqrt(s / count);
    }

    private (double H, double Uv) Rmse(double[] x, double[] y)
    {
        int c = CoarseCellCount;
        double h = 0, uv = 0;
        for (int k = 0; k < c; k++) h += (x[k] - y[k]) * (x[k] - y[k]);
        for (int k = c; k < 3 * c; k++) uv += (x[k] - y[k]) * (x[k] - y[k]);
        return (Math.Sqrt(h / c), Math.Sqrt(uv / (2 * c)));
    }

    private DenseNetwork CreateNetwork()
    {
        int c = CoarseCellCount;
        double q2 = 0, hm = 0, h2 = 0;
        int count = 0;
        for (int d = 0; d < Settings.TrainingDays; d++)
        {
            var x = _truth[d];
            for (int k = 0; k < c; k++)
            {
                hm += x[k];
                h2 += x[k] * x[k];
                q2 += 0.5 * (x[c + k] * x[c + k] + x[2 * c + k] * x[2 * c + k]);
                count++;
            }
        }
        hm /= count;
        double hs = Math.Sqrt(Math.Max(h2 / count - hm * hm, 1e-6)), qs = Math.Sqrt(Math.Max(q2 / count, 1e-12));
        int width = Settings.HiddenWidth;
        // Output scale: a velocity of one standard deviation changed over ten days.
        double cells = Settings.CoarseCells / 4.0;
        var net = DenseNetwork.Create([Settings.WallDistanceFeature ? 3 : 2, width, width, 1], Activation.Tanh, seed: Settings.Seed,
            input: Settings.WallDistanceFeature ? new AffineNormalisation([0.0, hm, cells], [qs, hs, cells]) : new AffineNormalisation([0.0, hm], [qs, hs]), output: new AffineNormalisation([0.0], [qs / (10 * 86400.0)]));
        int last = net.Layers.Count - 1;
        Array.Clear(net.Weights, net.WeightOffset(last), width);
        return net;
    }
}

/// <summary>The errors of one coarse model against the coarse-grained truth.</summary>
/// <param name="Model">Which model.</param>
/// <param name="WindowRmseH">RMS error of h over the held-out windows (m).</param>
/// <param name="FreeRunRmseH">RMS error of h over the free run through the test record (m).</param>
/// <param name="FreeRunEndRmseH">RMS error of h on the last day of the free run (m).</param>
/// <param name="FreeRunRmseVelocity">RMS error of the face velocities over the free run (m s⁻¹).</param>
public sealed record GridClosureRow(string Model, double WindowRmseH, double FreeRunRmseH, double FreeRunEndRmseH, double FreeRunRmseVelocity);

/// <summary>The outcome of <see cref="GridClosureExperiment.Run"/>.</summary>
/// <param name="Settings">Sizes.</param>
/// <param name="Rows">No closure, tuned viscosity, learned closure.</param>
/// <param name="TunedViscosity">The tuned ν (m² s⁻¹).</param>
/// <param name="ViscosityLosses">Batch losses of the viscosity tuning (m²).</param>
/// <param name="NetworkLosses">Batch losses of the closure training (m²).</param>
/// <param name="NetworkWeights">Number of closure weights.</param>
/// <param name="TruthAnomaly">RMS of the truth's h − H over the test record (m).</param>
/// <param name="Seconds">Wall time of the training and evaluation (s).</param>
public sealed record GridClosureResult(GridClosureSettings Settings, IReadOnlyList<GridClosureRow> Rows, double TunedViscosity,
    double[] ViscosityLosses, double[] NetworkLosses, int NetworkWeights, double TruthAnomaly, double Seconds)
{
    /// <summary>The table, one line per model.</summary>
    public string Table()
    {
        var b = new StringBuilder();
        var s = Settings;
        b.AppendLine(CultureInfo.InvariantCulture, $"Double gyre, truth {s.CoarseCells * s.Factor}² coarse-grained to {s.CoarseCells}²; {s.TrainingDays} training days, {s.TestDays} held-out days; windows of {s.WindowDays} d; {s.Iterations} Adam iterations × {s.BatchSize} windows; closure weights {NetworkWeights}; RMS truth h − H = {TruthAnomaly:F2} m");
        b.AppendLine("| model | held-out window RMSE h (m) | free-run RMSE h (m) | free-run final-day RMSE h (m) | free-run RMSE u,v (m/s) |");
        b.AppendLine("|---|---|---|---|---|");
        foreach (var r in Rows)
            b.AppendLine(CultureInfo.InvariantCulture, $"| {r.Model} | {r.WindowRmseH:F3} | {r.FreeRunRmseH:F3} | {r.FreeRunEndRmseH:F3} | {r.FreeRunRmseVelocity:F4} |");
        b.AppendLine(CultureInfo.InvariantCulture, $"training batch loss (m²): viscosity {ViscosityLosses[0]:G3} → {ViscosityLosses[^1]:G3}, network {NetworkLosses[0]:G3} → {NetworkLosses[^1]:G3}; {Seconds:F1} s");
        return b.ToString();
    }
}
