using ClimateAD.IO.Data;
using ClimateAD.IO.Scenarios;
using ClimateAD.Physics.EnergyBalance;

namespace ClimateAD.Cli.Calibration;

/// <summary>
/// Reads a calibration file (TOML) into a <see cref="CalibrationSpec"/>, checking every key, type
/// and range; each problem is a one-line <see cref="ScenarioException"/> naming the file, line
/// and dotted key, with the valid choices (and the closest one to a misspelt key). The format is
/// described in calibrations/README.md and docs/calibration.md.
/// </summary>
internal static class CalibrationFile
{
    /// <summary>Experiment kinds.</summary>
    public static IReadOnlyList<string> ExperimentKinds { get; } = ["abrupt-co2", "historical", "cmip6-abrupt4xco2"];

    /// <summary>Observed variables: surface temperature, TOA imbalance, ocean heat uptake (∫N dt).</summary>
    public static IReadOnlyList<string> Variables { get; } = ["tas", "toa_imbalance", "ohc"];

    /// <summary>Observation sources.</summary>
    public static IReadOnlyList<string> Sources { get; } = ["twin", "cmip6", "hadcrut5", "igcc-gmst", "ohc-ar6", "ohc-igcc"];

    /// <summary>Observation operators.</summary>
    public static IReadOnlyList<string> Operators { get; } = ["annual-means", "period-means", "subsample"];

    /// <summary>Error models.</summary>
    public static IReadOnlyList<string> ErrorModels { get; } = ["diagonal", "ar1"];

    /// <summary>Methods.</summary>
    public static IReadOnlyList<string> Methods { get; } = ["gauss-newton", "lbfgs", "adam", "eki"];

    /// <summary>Transforms.</summary>
    public static IReadOnlyList<string> Transforms { get; } = ["identity", "log", "logit"];

    /// <summary>Integrators.</summary>
    public static IReadOnlyList<string> Integrators { get; } = ["exact", "rk4", "euler"];

    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    public static CalibrationSpec Load(string path)
    {
        var root = TomlConfig.Load(path);
        string text = File.ReadAllText(path);
        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        root.CheckKeys(["calibration", "experiment", "parameters", "fixed", "observations", "method", "output", "projections"]);

        var cal = root.Table("calibration");
        cal.CheckKeys(["name", "description"]);
        string name = cal.String("name");
        if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            throw cal.Error("name", $"'{name}' is not a valid name", "letters, digits, '-', '_' and '.'");
        string description = cal.OptionalString("description") ?? "";

        var experiment = ReadExperiment(root.Table("experiment"), folder);
        var table = TwoLayerParameterTable.All;

        var parameters = new List<FreeParameterSpec>();
        if (experiment.Kind != "cmip6-abrupt4xco2")
        {
            var entries = root.TableArray("parameters", required: true);
            if (entries.Count == 0) throw root.Error("parameters", "at least one free parameter is needed");
            foreach (var p in entries)
            {
                p.CheckKeys(["name", "transform", "first_guess", "prior_mean", "prior_sd", "table_prior"]);
                string pn = p.String("name");
                if (table.IndexOf(pn) < 0) throw p.Error("name", $"unknown parameter '{pn}'", KeySuggestion(pn, table.Select(x => x.Name)));
                if (parameters.Any(q => q.Name == pn)) throw p.Error("name", $"parameter '{pn}' is listed twice");
                var spec = table[table.IndexOf(pn)];
                string? transform = p.Has("transform") ? p.Choice("transform", [.. Transforms]) : null;
                double? guess = p.OptionalNumber("first_guess");
                if (guess is { } g && !spec.Admits(g)) throw p.Error("first_guess", FormattableString.Invariant($"{g:G6} is outside the bounds of '{pn}'"), spec.BoundsText);
                double? mean = p.OptionalNumber("prior_mean");
                double? sd = p.OptionalNumber("prior_sd", v => v > 0, "> 0");
                if ((mean is null) != (sd is null)) throw p.Error(mean is null ? "prior_sd" : "prior_mean", "prior_mean and prior_sd come together");
                bool tablePrior = p.OptionalBoolean("table_prior") ?? false;
                if (tablePrior && spec.Prior is null) throw p.Error("table_prior", $"the table has no prior for '{pn}'");
                if (tablePrior && mean is not null) throw p.Error("table_prior", "give either table_prior or prior_mean/prior_sd");
                parameters.Add(new FreeParameterSpec(pn, transform, guess, mean, sd, tablePrior, p.Line));
            }
        }

        var fixedValues = new List<(string, double)>();
        if (root.OptionalTable("fixed") is { } fx)
            foreach (var (key, value) in ReadNumbers(fx))
            {
                if (table.IndexOf(key) < 0) throw fx.Error(key, $"unknown parameter '{key}'", KeySuggestion(key, table.Select(x => x.Name)));
                if (parameters.Any(p => p.Name == key)) throw fx.Error(key, $"'{key}' is both free and fixed");
                if (!table[table.IndexOf(key)].Admits(value)) throw fx.Error(key, FormattableString.Invariant($"{value:G6} is outside the bounds"), table[table.IndexOf(key)].BoundsText);
                fixedValues.Add((key, value));
            }

        var observations = new List<ObservationSpec>();
        if (experiment.Kind != "cmip6-abrupt4xco2")
        {
            var obs = root.TableArray("observations", required: true);
            if (obs.Count == 0) throw root.Error("observations", "at least one observed variable is needed");
            foreach (var o in obs) observations.Add(ReadObservation(o, experiment, folder));
            if (observations.Any(o => o.Source == "twin") && experiment.Truth.Count == 0)
                throw root.Error("experiment", "twin observations need [experiment.truth] with the true parameter values");
        }

        var method = ReadMethod(root.OptionalTable("method"));
        var output = root.OptionalTable("output");
        output?.CheckKeys(["folder", "plots", "predictive_samples"]);
        // output.folder is relative to the calibration file; the default, output/calibrations/<name>, to the current folder.
        string outFolder = output?.OptionalString("folder") is { } of ? Resolve(folder, of) : Path.GetFullPath(Path.Combine("output", "calibrations", name));
        var outputSpec = new CalibrationOutputSpec(outFolder, output?.OptionalBoolean("plots") ?? true,
            output?.OptionalInteger("predictive_samples", 10, 100_000) ?? 500);

        var projections = new List<ProjectionSpec>();
        foreach (var pr in root.TableArray("projections", required: false))
        {
            if (experiment.Kind != "historical") throw root.Error("projections", "projections need the historical experiment");
            pr.CheckKeys(["name", "erf", "end_year"]);
            string erf = Resolve(folder, pr.String("erf"));
            if (!File.Exists(erf)) throw pr.Error("erf", $"file not found: {erf}");
            projections.Add(new ProjectionSpec(pr.String("name"), erf, pr.Integer("end_year", experiment.EndYear + 1, 2500)));
        }
        return new CalibrationSpec(path, text, name, description, experiment, parameters, fixedValues, observations, method, outputSpec, projections);
    }

    private static IReadOnlyList<(string, double)> ReadNumbers(TomlConfig t) => t.Keys.Select(k => (k, t.Number(k))).ToArray();

    private static ExperimentSpec ReadExperiment(TomlConfig e, string folder)
    {
        e.CheckKeys(["kind", "integrator", "steps_per_year", "co2_multiple", "years", "erf", "start_year", "end_year", "file", "models", "truth", "seed"]);
        string kind = e.Choice("kind", [.. ExperimentKinds]);
        string integrator = e.Choice("integrator", [.. Integrators], "exact");
        int steps = e.OptionalInteger("steps_per_year", 1, 365) ?? (kind == "abrupt-co2" ? 1 : 12);
        double multiple = e.OptionalNumber("co2_multiple", v => v > 0, "> 0") ?? 4.0;
        int years = e.OptionalInteger("years", 1, 10_000) ?? 150;
        string? erf = null, cmip6 = null;
        int start = 0, end = 0;
        if (kind == "historical")
        {
            erf = Resolve(folder, e.String("erf"));
            if (!File.Exists(erf)) throw e.Error("erf", $"file not found: {erf}");
            start = e.Integer("start_year", 1, 3000);
            end = e.Integer("end_year", start, 3000);
        }
        if (kind == "cmip6-abrupt4xco2")
        {
            cmip6 = Resolve(folder, e.String("file"));
            if (!File.Exists(cmip6)) throw e.Error("file", $"file not found: {cmip6}");
        }
        foreach (var (key, ok) in new[] { ("erf", kind == "historical"), ("start_year", kind == "historical"), ("end_year", kind == "historical"),
                     ("file", kind == "cmip6-abrupt4xco2"), ("models", kind == "cmip6-abrupt4xco2"), ("co2_multiple", kind == "abrupt-co2") })
            if (!ok && e.Has(key)) throw e.Error(key, $"does not apply to the {kind} experiment");
        var models = e.OptionalStringArray("models") ?? [];
        var truth = e.OptionalTable("truth") is { } t ? ReadNumbers(t) : [];
        foreach (var (n, _) in truth)
            if (TwoLayerParameterTable.All.IndexOf(n) < 0)
                throw e.Table("truth").Error(n, $"unknown parameter '{n}'", KeySuggestion(n, TwoLayerParameterTable.All.Select(x => x.Name)));
        int seed = e.OptionalInteger("seed", 0, int.MaxValue) ?? 1;
        return new ExperimentSpec(kind, integrator, steps, multiple, years, erf, start, end, cmip6, models, truth, seed);
    }

    private static ObservationSpec ReadObservation(TomlConfig o, ExperimentSpec experiment, string folder)
    {
        o.CheckKeys(["variable", "source", "file", "model", "member", "layer", "first_year", "last_year", "operator", "period", "every", "reference", "error"]);
        string variable = o.Choice("variable", [.. Variables]);
        string source = o.Choice("source", [.. Sources]);
        bool idealised = experiment.Kind == "abrupt-co2";
        if (idealised && source is not ("twin" or "cmip6")) throw o.Error("source", $"'{source}' observations need the historical experiment", "valid here: twin, cmip6");
        if (!idealised && source == "cmip6") throw o.Error("source", "cmip6 observations need the abrupt-co2 experiment");
        string? file = null;
        if (source != "twin")
        {
            file = Resolve(folder, o.String("file"));
            if (!File.Exists(file)) throw o.Error("file", $"file not found: {file}");
        }
        else if (o.Has("file")) throw o.Error("file", "twin observations are synthetic and read no file");
        string expectedVariable = source switch { "hadcrut5" or "igcc-gmst" => "tas", "ohc-ar6" or "ohc-igcc" => "ohc", _ => "" };
        if (expectedVariable.Length > 0 && variable != expectedVariable) throw o.Error("variable", $"{source} holds {expectedVariable}, not {variable}");
        if (source == "cmip6" && variable == "ohc") throw o.Error("variable", "the cmip6 file holds tas and toa_imbalance only");
        string? model = source == "cmip6" ? o.String("model") : null;
        string? member = source == "cmip6" ? o.OptionalString("member") : null;
        string layer = o.OptionalString("layer") ?? ObservationLoader.DefaultOceanLayer;
        if (!ObservationLoader.OceanLayers.Contains(layer)) throw o.Error("layer", $"unknown layer '{layer}'", "valid: " + string.Join(", ", ObservationLoader.OceanLayers));
        int lo = idealised ? 1 : experiment.StartYear, hi = idealised ? experiment.Years : experiment.EndYear;
        string range = $"{lo} to {hi}, the simulated years";
        int first = o.OptionalInteger("first_year", int.MinValue, int.MaxValue) ?? lo;
        int last = o.OptionalInteger("last_year", int.MinValue, int.MaxValue) ?? hi;
        if (first < lo || first > hi) throw o.Error("first_year", $"{first} is outside the simulation", range);
        if (last < first || last > hi) throw o.Error("last_year", $"{last} is outside {first}..{hi}", range);
        string op = o.Choice("operator", [.. Operators], "annual-means");
        int period = o.OptionalInteger("period", 1, 10_000) ?? 10;
        int every = o.OptionalInteger("every", 1, 10_000) ?? 1;
        if (op != "period-means" && o.Has("period")) throw o.Error("period", $"applies to operator = \"period-means\", not \"{op}\"");
        if (op != "subsample" && o.Has("every")) throw o.Error("every", $"applies to operator = \"subsample\", not \"{op}\"");
        (int, int)? reference = null;
        if (o.OptionalNumberArray("reference") is { } r)
        {
            if (r.Count != 2 || r.Any(v => v != Math.Floor(v)) || r[1] < r[0]) throw o.Error("reference", "expected two years [first, last]", "e.g. [1850, 1900]");
            if (r[0] < lo || r[1] > hi) throw o.Error("reference", $"{r[0]}-{r[1]} is outside the simulation", range);
            reference = ((int)r[0], (int)r[1]);
        }
        var err = o.OptionalTable("error");
        err?.CheckKeys(["model", "sigma", "scale", "correlation", "add_sigma"]);
        string errorModel = err?.Choice("model", [.. ErrorModels], "diagonal") ?? "diagonal";
        double? sigma = err?.OptionalNumber("sigma", v => v > 0, "> 0");
        double scale = err?.OptionalNumber("scale", v => v > 0, "> 0") ?? 1.0;
        double addSigma = err?.OptionalNumber("add_sigma", v => v >= 0, ">= 0") ?? 0.0;
        double rho = err?.OptionalNumber("correlation", v => v > -1 && v < 1, "-1 < correlation < 1") ?? 0.0;
        if (errorModel == "diagonal" && err?.Has("correlation") == true) throw err.Error("correlation", "applies to model = \"ar1\"");
        if (errorModel == "ar1" && err?.Has("correlation") != true) throw (err ?? o).Error(err is null ? "error" : "correlation", "the ar1 error model needs a correlation");
        if (sigma is null && source is "twin" or "cmip6") throw (err ?? o).Error(err is null ? "error" : "sigma", $"{source} observations carry no uncertainty: give error.sigma");
        return new ObservationSpec(variable, source, file, model, member, layer, first, last, op, period, every, reference, errorModel, sigma, scale, addSigma, rho,
            o.Path, o.Line);
    }

    private static MethodSpec ReadMethod(TomlConfig? m)
    {
        if (m is null) return new MethodSpec("gauss-newton", null, null, null, null, null, null, null, null, null, null, null, null);
        string name = m.Choice("name", [.. Methods], "gauss-newton");
        var allowed = new List<string> { "name", "max_iterations" };
        allowed.AddRange(name switch
        {
            "gauss-newton" => ["cost_tolerance", "initial_damping", "final_step_tolerance"],
            "lbfgs" => ["cost_tolerance", "memory", "preconditioner"],
            "adam" => ["cost_tolerance", "learning_rate", "patience"],
            _ => ["members", "seed", "initial_spread", "schedule"],
        });
        m.CheckKeys(allowed);
        return new MethodSpec(name,
            m.OptionalInteger("max_iterations", 1, 1_000_000),
            m.OptionalNumber("cost_tolerance", v => v > 0, "> 0"),
            m.OptionalNumber("initial_damping", v => v >= 0, ">= 0"),
            m.OptionalNumber("final_step_tolerance", v => v >= 0, ">= 0"),
            m.OptionalInteger("memory", 1, 100),
            m.Has("preconditioner") ? m.Choice("preconditioner", ["scaled", "gauss-newton"]) : null,
            m.OptionalNumber("learning_rate", v => v > 0, "> 0"),
            m.OptionalInteger("patience", 1, 1_000_000),
            m.OptionalInteger("members", 2, 100_000),
            m.OptionalInteger("seed", 0, int.MaxValue),
            m.OptionalNumber("initial_spread", v => v > 0, "> 0"),
            m.Has("schedule") ? m.Choice("schedule", ["constant", "mda"]) : null);
    }

    private static string Resolve(string folder, string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(folder, path));

    private static string KeySuggestion(string given, IEnumerable<string> valid)
    {
        var list = valid.ToArray();
        var close = list.OrderBy(v => Levenshtein(given, v)).First();
        return Levenshtein(given, close) <= Math.Max(2, given.Length / 3) ? $"did you mean '{close}'? valid: {string.Join(", ", list)}" : "valid: " + string.Join(", ", list);
    }

    private static int Levenshtein(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
