using ClimateAD.Adjoint.Costs;
using ClimateAD.Calibration.Models;
using ClimateAD.Calibration.Objectives;
using ClimateAD.Calibration.Transforms;
using ClimateAD.IO.Data;
using ClimateAD.IO.Scenarios;
using ClimateAD.Physics.EnergyBalance;
using ClimateAD.Physics.Forcing;

namespace ClimateAD.Cli.Calibration;

/// <summary>
/// Builds the calibration problem of a <see cref="CalibrationSpec"/>: the EBM-ε forcing of the
/// experiment, the free parameters with their transforms and priors, and each observed variable
/// as a <see cref="StepWeightOperator"/> (annual means, period means or a subsample of years,
/// optionally as anomalies against a reference period) with its data reduced the same way and
/// its error covariance (diagonal or AR(1) with per-point σ,
/// <see cref="ScaledAr1Covariance"/>). Data reduction: a window's value is the mean of the
/// annual values in it, with σ = √(Σσᵢ²)/n (independent annual errors); the reference mean is
/// subtracted from model and data alike and its own error neglected. OHC is compared with the
/// heat taken up since the start of the run, H(t) = f_ocean A_Earth ∫N dt (f_ocean = 0.91,
/// AR6 WG1 Box 7.2; A_Earth = 5.10×10¹⁴ m²), in ZJ.
/// </summary>
internal sealed class CalibrationSetup
{
    /// <summary>ZJ of heat per W yr m⁻² of global-mean uptake into the ocean: 0.91 × 4π(6371 km)² × 3.15576×10⁷ s / 10²¹.</summary>
    public static readonly double OceanHeatPerWattYear = 0.91 * 4 * Math.PI * 6.371e6 * 6.371e6 * 3.15576e7 / 1e21;

    /// <summary>AR6 best estimate of the ERF of doubled CO2, W m⁻² (Forster et al. 2021, §7.3.2.1): 3.93.</summary>
    public const double AR6ForcingDoubleCo2 = 3.93;

    private CalibrationSetup(CalibrationSpec spec, ForcingBasis forcing, FreeParameters free, CalibrationProblem problem, double[] firstGuess,
        IReadOnlyList<ObservationData> data, double[]? truthTheta)
    {
        Spec = spec;
        Forcing = forcing;
        Free = free;
        Problem = problem;
        FirstGuess = firstGuess;
        Data = data;
        TruthTheta = truthTheta;
    }

    /// <summary>The calibration file.</summary>
    public CalibrationSpec Spec { get; }

    /// <summary>The forcing of the calibration run.</summary>
    public ForcingBasis Forcing { get; }

    /// <summary>The free parameters.</summary>
    public FreeParameters Free { get; }

    /// <summary>The problem.</summary>
    public CalibrationProblem Problem { get; }

    /// <summary>φ₀, the first guess (physical units).</summary>
    public double[] FirstGuess { get; }

    /// <summary>Per observed variable: the time labels and (for plots) the window of each value.</summary>
    public IReadOnlyList<ObservationData> Data { get; }

    /// <summary>The twin's true θ, or <c>null</c>.</summary>
    public double[]? TruthTheta { get; }

    /// <summary>True for the historical experiment (ECS/TCR from the CO2 forcing scale instead of F₄ₓ).</summary>
    public bool IsHistorical => Spec.Experiment.Kind == "historical";

    /// <summary>ECS of a full θ, K: F₄ₓ/(2λ), or for the historical experiment F₂ₓ s_CO2/λ with F₂ₓ = 3.93 W m⁻².</summary>
    public double Ecs(ReadOnlySpan<double> theta) => TwoLayerCalibration.EquilibriumClimateSensitivity(IdealisedTheta(theta));

    /// <summary>TCR of a full θ (1pctCO2 year 70 with F₂ₓ = F₄ₓ/2), K.</summary>
    public double Tcr(ReadOnlySpan<double> theta) => TwoLayerCalibration.TransientClimateResponse(IdealisedTheta(theta));

    /// <summary>θ with F₄ₓ = 2 F₂ₓ s_CO2 for the historical experiment (where F₄ₓ drives nothing), else θ.</summary>
    public double[] IdealisedTheta(ReadOnlySpan<double> theta)
    {
        var t = theta.ToArray();
        if (IsHistorical) t[0] = 2 * AR6ForcingDoubleCo2 * t[TwoLayerParameterTable.All.IndexOf("forcing_scale_co2")];
        return t;
    }

    /// <summary>Builds everything; data problems are <see cref="ScenarioException"/>s naming the observation entry.</summary>
    public static CalibrationSetup Create(CalibrationSpec spec)
    {
        var e = spec.Experiment;
        var table = TwoLayerParameterTable.All;
        var integrator = Enum.Parse<TwoLayerIntegrator>(e.Integrator, ignoreCase: true);
        ForcingBasis forcing = e.Kind switch
        {
            "abrupt-co2" => ForcingBasis.AbruptCo2(e.Co2Multiple, e.Years, e.StepsPerYear),
            "historical" => Historical(spec, e.ErfFile!, e.StartYear, e.EndYear, e.StepsPerYear),
            _ => throw new InvalidOperationException("cmip6-abrupt4xco2 runs through Cmip6Table."),
        };
        var theta = table.Defaults();
        foreach (var (n, v) in spec.Fixed) theta[table.IndexOf(n)] = v;
        double[]? truth = null;
        if (e.Truth.Count > 0)
        {
            truth = (double[])theta.Clone();
            foreach (var (n, v) in e.Truth) truth[table.IndexOf(n)] = v;
        }
        var names = spec.Parameters.Select(p => p.Name).ToArray();
        var kinds = spec.Parameters.Select(p => p.Transform is null ? ParameterTransform.DefaultKind(table[table.IndexOf(p.Name)]) : Kind(p.Transform)).ToArray();
        // First guess: as given, else the prior mean, else the (fixed or default) base value.
        var guess = spec.Parameters.Select(p => p.FirstGuess ?? p.PriorMean
            ?? (p.TablePrior ? table[table.IndexOf(p.Name)].Prior!.Mean : theta[table.IndexOf(p.Name)])).ToArray();
        FreeParameters free;
        try
        {
            free = new FreeParameters(table, names, theta, kinds);
            guess = free.Interior(guess);
            free.ToUnbounded(guess);
        }
        catch (ArgumentException ex)
        {
            throw new ScenarioException(spec.File, 0, "parameters", ex.Message);
        }

        var indices = new List<int>();
        var means = new List<double>();
        var variances = new List<double>();
        for (int j = 0; j < spec.Parameters.Count; j++)
        {
            var p = spec.Parameters[j];
            (double, double)? prior = p.TablePrior && table[table.IndexOf(p.Name)].Prior is { } g ? (g.Mean, g.StandardDeviation)
                : p.PriorMean is { } m ? (m, p.PriorSd!.Value) : null;
            if (prior is not { } pr) continue;
            indices.Add(j);
            means.Add(pr.Item1);
            variances.Add(pr.Item2 * pr.Item2);
        }
        var priorTerm = indices.Count == 0 ? null : new PriorTerm(new BackgroundTerm(means, new DiagonalCovariance(variances)), indices);

        var observed = new List<ObservedVariable>();
        var data = new List<ObservationData>();
        var cmip6Cache = new Dictionary<string, IReadOnlyList<Cmip6AnomalySeries>>();
        foreach (var o in spec.Observations)
        {
            var (variable, d) = Observation(spec, o, forcing, cmip6Cache);
            observed.Add(variable);
            data.Add(d);
        }
        var problem = TwoLayerCalibration.Problem(forcing, observed, free, priorTerm, integrator);
        if (truth is not null && spec.Observations.Any(o => o.Source == "twin"))
        {
            var truthObjective = new CalibrationObjective(problem);
            var synthetic = TwoLayerCalibration.Perturbed(truthObjective, truth, e.Seed);
            observed = spec.Observations.Select((o, i) => o.Source == "twin" ? synthetic[i] : observed[i]).ToList();
            problem = problem.WithObservations(observed);
        }
        return new CalibrationSetup(spec, forcing, free, problem, guess, data, truth);
    }

    /// <summary>The forcing of a historical run (or projection) from an ERF table.</summary>
    public static ForcingBasis Historical(CalibrationSpec spec, string erfFile, int start, int end, int stepsPerYear)
    {
        var erf = ErfLoader.Load(erfFile);
        if (start < erf.FirstYear || end > erf.FirstYear + erf.Count - 1)
            throw new ScenarioException(spec.File, 0, "experiment", $"years {start}-{end} are not all in {erfFile} ({erf.FirstYear}-{erf.FirstYear + erf.Count - 1})");
        return ForcingBasis.FromErfTable(erf, start, end, stepsPerYear);
    }

    private static TransformKind Kind(string name) => name switch
    {
        "identity" => TransformKind.Identity,
        "log" => TransformKind.Log,
        _ => TransformKind.Logit,
    };

    /// <summary>States x[k] of the steps of (forcing-calendar) year <paramref name="year"/>: k = (Y − t₀)s + 1 … (Y − t₀ + 1)s.</summary>
    private static TimeWindow YearStates(ForcingBasis forcing, int year)
    {
        int s = (int)Math.Round(1.0 / forcing.TimeStep);
        int offset = (int)Math.Round(year - forcing.StartTime);
        return new TimeWindow(offset * s + 1, (offset + 1) * s);
    }

    private static (ObservedVariable, ObservationData) Observation(CalibrationSpec spec, ObservationSpec o, ForcingBasis forcing,
        Dictionary<string, IReadOnlyList<Cmip6AnomalySeries>> cmip6Cache)
    {
        bool idealised = spec.Experiment.Kind == "abrupt-co2";
        int Calendar(int year) => idealised ? year - 1 : year; // model year 1 is the forcing's year 0
        ScenarioException Error(string problem) => new(spec.File, o.Line, o.Path, problem);

        // Annual values (NaN where unknown) and σ for the years first..last plus the reference period.
        int lo = Math.Min(o.FirstYear, o.Reference?.First ?? o.FirstYear), hi = Math.Max(o.LastYear, o.Reference?.Last ?? o.LastYear);
        var values = new double[hi - lo + 1];
        var sigma = new double[hi - lo + 1];
        Array.Fill(sigma, o.Sigma ?? double.NaN);
        string units = o.Variable switch { "tas" => "K", "toa_imbalance" => "W m-2", _ => "ZJ" };
        switch (o.Source)
        {
            case "twin":
                break;
            case "cmip6":
            {
                if (!cmip6Cache.TryGetValue(o.File!, out var all)) cmip6Cache[o.File!] = all = Cmip6AnomalyLoader.Load(o.File!);
                var series = all.Where(s => s.Model == o.Model && (o.Member is null || s.Member == o.Member)).ToList();
                if (series.Count == 0)
                    throw Error($"no series of model '{o.Model}'{(o.Member is null ? "" : $" member '{o.Member}'")} in {o.File}");
                var x = o.Variable == "tas" ? series[0].Temperature : series[0].ToaImbalance;
                for (int y = lo; y <= hi; y++)
                {
                    if (y > x.Length || !double.IsFinite(x[y - 1])) throw Error($"{o.Model} has no {o.Variable} value for year {y}");
                    values[y - lo] = x[y - 1];
                }
                break;
            }
            default:
            {
                var kind = ObservationLoader.ParseKind(o.Source)!.Value;
                var series = ObservationLoader.Load(kind, o.File!, o.Layer);
                if (!series.Covers(lo) || !series.Covers(hi)) throw Error($"{o.File} covers {series.FirstYear}-{series.LastYear}, not {lo}-{hi}");
                for (int y = lo; y <= hi; y++)
                {
                    values[y - lo] = series[y];
                    if (o.Sigma is null)
                    {
                        if (!series.HasSigma) throw Error($"{o.File} states no uncertainty: give error.sigma");
                        sigma[y - lo] = series.Sigma[y - series.FirstYear];
                    }
                }
                break;
            }
        }
        for (int i = 0; i < sigma.Length; i++)
            if (!(sigma[i] > 0)) sigma[i] = o.Sigma ?? throw Error($"σ of year {lo + i} is {sigma[i]}; give error.sigma");

        // Observation windows.
        var windows = new List<(int First, int Last)>();
        switch (o.Operator)
        {
            case "annual-means":
                for (int y = o.FirstYear; y <= o.LastYear; y++) windows.Add((y, y));
                break;
            case "period-means":
                for (int y = o.FirstYear; y + o.Period - 1 <= o.LastYear; y += o.Period) windows.Add((y, y + o.Period - 1));
                if (windows.Count == 0) throw Error($"no complete period of {o.Period} years in {o.FirstYear}-{o.LastYear}");
                break;
            default:
                for (int y = o.FirstYear; y <= o.LastYear; y += o.Every) windows.Add((y, y));
                break;
        }
        TimeWindow States((int First, int Last) w) =>
            new(YearStates(forcing, Calendar(w.First)).First, YearStates(forcing, Calendar(w.Last)).Last);
        var reference = o.Reference is { } r ? States(r) : (TimeWindow?)null;
        double refMean = 0;
        if (o.Reference is { } rr)
        {
            for (int y = rr.First; y <= rr.Last; y++) refMean += values[y - lo];
            refMean /= rr.Last - rr.First + 1;
        }
        int component = o.Variable == "tas" ? TwoLayerObservedStep.TemperatureComponent : TwoLayerObservedStep.ToaImbalanceComponent;
        var weights = new List<IReadOnlyList<(int, double)>>();
        var y0 = new double[windows.Count];
        var s0 = new double[windows.Count];
        var times = new double[windows.Count];
        for (int i = 0; i < windows.Count; i++)
        {
            var w = windows[i];
            var states = States(w);
            weights.Add(o.Variable == "ohc"
                ? ObservationWeights.MeanOfIntegral(states, forcing.TimeStep, OceanHeatPerWattYear, reference)
                : ObservationWeights.Mean(states, reference));
            int n = w.Last - w.First + 1;
            double sum = 0, var = 0;
            for (int y = w.First; y <= w.Last; y++)
            {
                sum += values[y - lo];
                var += sigma[y - lo] * sigma[y - lo];
            }
            y0[i] = sum / n - refMean;
            s0[i] = Math.Sqrt(Math.Pow(o.SigmaScale * Math.Sqrt(var) / n, 2) + o.AddSigma * o.AddSigma);
            times[i] = 0.5 * (w.First + w.Last) + 0.5;
        }
        var op = new StepWeightOperator(component, weights);
        IErrorCovariance covariance = o.ErrorModel == "ar1" ? new ScaledAr1Covariance(s0, o.Correlation) : new DiagonalCovariance(s0.Select(s => s * s));
        string label = o.Source == "cmip6" ? $"{o.Variable} ({o.Model})" : o.Source == "twin" ? $"{o.Variable} (twin)" : $"{o.Variable} ({o.Source})";
        var variable = new ObservedVariable(o.Variable, units, new ObservationTerm(op, y0, covariance), times, s0);
        return (variable, new ObservationData(label, units, windows, o.Reference, component, o.Variable == "ohc"));
    }
}
