using System.Globalization;
using System.Text.RegularExpressions;
using ClimateAD.IO.Data;
using ClimateAD.Physics.Forcing;
using ClimateAD.Physics.Models;
using ClimateAD.Physics.Parameters;

namespace ClimateAD.IO.Scenarios;

/// <summary>
/// Reads a TOML scenario file (schema in <see cref="Scenario"/>) and validates all of it — keys,
/// types, ranges, model, integrator, parameters, data files and their coverage — before returning.
/// Every problem is a <see cref="ScenarioException"/> with a one-line message naming the file, line,
/// key and the valid choices; data-file problems keep the data file's own <c>file:line</c>.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Largest |year| accepted in [time] and elsewhere.</summary>
    public const int MaxAbsYear = 1_000_000;

    /// <summary>Largest number of time steps per year accepted (1/step).</summary>
    public const int MaxStepsPerYear = 8784;

    /// <summary>Largest number of ensemble members accepted.</summary>
    public const int MaxMembers = 10_000_000;

    private static readonly string[] RootKeys = ["scenario", "model", "parameters", "time", "forcing", "initial", "ensemble", "output", "plot", "sensitivity", "sweep"];
    private static readonly string[] SweepKeys = ["parameter", "lower", "upper", "step", "resolution"];
    private static readonly string[] SensitivityKeys = ["diagnostic", "period", "memory_budget_mb", "disk_snapshots"];
    private static readonly string[] ScenarioKeys = ["name", "description"];
    private static readonly string[] ModelKeys = ["name", "integrator", "device"];
    private static readonly string[] TimeKeys = ["start", "end", "step"];
    private static readonly string[] ForcingKeys = ["type", "source", "co2_multiple", "rate_percent_per_year"];
    private static readonly string[] SourceKeys = ["file", "first_year", "last_year"];
    private static readonly string[] EnsembleKeys = ["members", "seed", "sample"];
    private static readonly string[] OutputKeys = ["file", "variables", "interval"];
    private static readonly string[] PlotKeys = ["file", "variable", "title", "reference_period", "observations"];
    private static readonly string[] ObservationKeys = ["file", "kind", "label", "first_year", "last_year", "layer"];
    private static readonly string[] Devices = ["auto", "cpu", "cuda"];
    private static readonly Regex NamePattern = new("^[A-Za-z0-9][A-Za-z0-9_.+-]*$", RegexOptions.CultureInvariant);

    /// <summary>Names accepted in <c>[initial]</c> for a model (its <see cref="ModelDescriptor.InitialSettings"/>).</summary>
    public static IReadOnlyList<string> InitialStateNames(ModelDescriptor model) =>
        model.InitialSettings.Select(x => x.Name).ToArray();

    /// <summary>
    /// The device a run uses: <paramref name="requested"/> (e.g. from <c>--device</c>) or the scenario's
    /// <c>model.device</c>, checked against the model. Returns <c>null</c> with a one-line
    /// <paramref name="problem"/> when the name is unknown or the model cannot run there.
    /// </summary>
    public static DevicePreference? ResolveDevice(Scenario scenario, string? requested, out string? problem)
    {
        problem = null;
        if (requested is null) return scenario.Device;
        DevicePreference? device = requested switch
        {
            "auto" => DevicePreference.Auto,
            "cpu" => DevicePreference.Cpu,
            "cuda" => DevicePreference.Cuda,
            _ => null,
        };
        if (device is null)
            problem = $"--device: unknown device '{requested}' (valid: {string.Join(", ", Devices)})";
        else if (device == DevicePreference.Cuda && !scenario.Model.SupportsCuda)
            (device, problem) = (null, $"--device: model {scenario.Model.Name} runs on the CPU only (valid: auto, cpu)");
        return device;
    }

    /// <summary>Reads and validates a scenario file.</summary>
    /// <param name="path">The scenario file; relative input paths inside it are resolved against its folder.</param>
    /// <param name="currentDirectory">Folder that relative output paths are resolved against; default the process's current directory.</param>
    /// <exception cref="ScenarioException">The file is missing, unreadable or invalid.</exception>
    public static Scenario Load(string path, string? currentDirectory = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string problem = e is FileNotFoundException or DirectoryNotFoundException ? "scenario file not found" : "cannot read scenario file: " + e.Message;
            throw new ScenarioException(path, 0, "", problem, null, e);
        }
        return Parse(text, path, currentDirectory);
    }

    /// <summary>Validates scenario text as if it had been read from <paramref name="path"/>.</summary>
    /// <param name="text">TOML text.</param>
    /// <param name="path">Where the text comes from: named in messages, and its folder resolves relative input paths.</param>
    /// <param name="currentDirectory">Folder that relative output paths are resolved against; default the process's current directory.</param>
    /// <exception cref="ScenarioException">The text is invalid.</exception>
    public static Scenario Parse(string text, string path, string? currentDirectory = null)
    {
        var root = new TableReader(TomlTree.Parse(text, path), path);
        string fullPath = System.IO.Path.GetFullPath(path);
        var context = new Context(path, System.IO.Path.GetDirectoryName(fullPath)!,
            System.IO.Path.GetFullPath(currentDirectory ?? Environment.CurrentDirectory));
        root.CheckKeys(RootKeys);

        var scenario = root.Table("scenario");
        scenario.CheckKeys(ScenarioKeys);
        string name = scenario.String("name");
        if (!NamePattern.IsMatch(name))
            throw scenario.Error("name", $"'{name}' is not a valid scenario name", "letters, digits and _ . + -, starting with a letter or digit");
        string? description = scenario.OptionalString("description");

        var (model, integrator, device, settings) = ReadModel(root.Table("model"));
        var files = ReadModelFiles(root.Table("model"), model, context);
        var (parameters, overrides) = ReadParameters(root.OptionalTable("parameters"), model);
        var sweep = ReadSweep(root.OptionalTable("sweep"), model);
        if (sweep is not null)
        {
            foreach (var section in new[] { "time", "sensitivity", "ensemble", "forcing" })
                if (root.OptionalTable(section) is { } extra)
                    throw extra.Error(extra.Node.Entries.FirstOrDefault().Key ?? section,
                        $"[{section}] does not apply to a [sweep] scenario", "a sweep follows equilibria; remove [" + section + "]");
            if (overrides.ContainsKey(sweep.Parameter))
                throw root.Table("parameters").Error(sweep.Parameter, $"parameter '{sweep.Parameter}' is both set and swept", "remove it from [parameters]");
        }
        var timeTable = sweep is null ? root.Table("time") : null;
        var time = timeTable is null ? SimulationTime.None : ReadTime(timeTable, model.TimeUnit);
        ScenarioForcing forcing;
        if (model.UsesForcing && timeTable is not null)
            forcing = ReadForcing(root.Table("forcing"), time, timeTable, context);
        else if (root.OptionalTable("forcing") is { } extra)
            throw extra.Error("type", $"model {model.Name} takes no external forcing", "remove [forcing]");
        else
            forcing = NoForcing.Instance;
        var initial = ReadInitial(root.OptionalTable("initial"), model);
        var ensembleTable = root.OptionalTable("ensemble");
        if (ensembleTable is not null && !model.SupportsEnsemble)
            throw ensembleTable.Error("members", $"model {model.Name} does not run ensembles yet", "remove [ensemble]");
        var ensemble = ReadEnsemble(ensembleTable, model, overrides);
        var output = ReadOutput(root.Table("output"), model, time, name, context);
        var plots = ReadPlots(root.TableArray("plot", required: false), output, time, name, context);

        var sensitivity = ReadSensitivity(root.OptionalTable("sensitivity"), model, time, ensemble);

        return new Scenario(fullPath, path, text, name, description, model, integrator, device, parameters, overrides,
            time, forcing, initial, ensemble, output, plots) { Sensitivity = sensitivity, Settings = settings, Sweep = sweep, Files = files };
    }

    private static (ModelDescriptor, string, DevicePreference, IReadOnlyDictionary<string, double>) ReadModel(TableReader t)
    {
        string modelName = t.String("name");
        var model = ModelCatalog.Find(modelName)
            ?? throw t.Error("name", $"unknown model '{modelName}'", KeySuggestion.Choices(modelName, ModelCatalog.All.Select(m => m.Name).ToArray()));
        t.CheckKeys([.. ModelKeys, .. model.Settings.Select(x => x.Name), .. model.FileSettings.Keys]);
        var settings = ReadSettings(t, model.Settings, [.. ModelKeys, .. model.FileSettings.Keys]);
        string integrator = t.OptionalString("integrator") ?? model.Integrators[0];
        if (!model.Integrators.Contains(integrator))
            throw t.Error("integrator", $"unknown integrator '{integrator}' for model {model.Name}", KeySuggestion.Choices(integrator, model.Integrators.ToArray()));
        string deviceName = t.OptionalString("device") ?? "auto";
        var device = deviceName switch
        {
            "auto" => DevicePreference.Auto,
            "cpu" => DevicePreference.Cpu,
            "cuda" => DevicePreference.Cuda,
            _ => throw t.Error("device", $"unknown device '{deviceName}'", KeySuggestion.Choices(deviceName, Devices)),
        };
        if (device == DevicePreference.Cuda && !model.SupportsCuda)
            throw t.Error("device", $"model {model.Name} runs on the CPU only", "auto, cpu");
        return (model, integrator, device, settings);
    }

    // The model's input files given in [model], as full paths (each must exist).
    private static Dictionary<string, string> ReadModelFiles(TableReader t, ModelDescriptor model, Context context)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in t.Node.Entries)
            if (model.FileSettings.ContainsKey(key)) files[key] = context.Input(t, node);
        return files;
    }

    // Every setting's value: its default unless the table sets it; range-checked.
    private static Dictionary<string, double> ReadSettings(TableReader? t, IReadOnlyList<ModelSetting> specs, string[] otherKeys)
    {
        var values = specs.ToDictionary(x => x.Name, x => x.Default, StringComparer.Ordinal);
        if (t is null) return values;
        foreach (var (key, node) in t.Node.Entries)
        {
            if (otherKeys.Contains(key)) continue;
            var spec = specs.First(x => x.Name == key);
            double v = spec.IsBoolean ? (t.AsBoolean(node) ? 1 : 0) : t.AsNumber(node);
            if (!spec.Admits(v))
                throw t.Error(node, string.Create(CultureInfo.InvariantCulture,
                    $"{v:G6}{(spec.Units is "1" ? "" : " " + spec.Units)} is out of range"), spec.RangeText);
            values[key] = v;
        }
        return values;
    }

    private static (ParameterValues, IReadOnlyDictionary<string, double>) ReadParameters(TableReader? t, ModelDescriptor model)
    {
        var values = new ParameterValues(model.Parameters);
        var overrides = new Dictionary<string, double>(StringComparer.Ordinal);
        if (t is null) return (values, overrides);
        var names = model.Parameters.Select(p => p.Name).ToArray();
        foreach (var (key, node) in t.Node.Entries)
        {
            var spec = model.Parameters.Find(key)
                ?? throw t.Error(node, $"unknown parameter of model {model.Name}", KeySuggestion.Choices(key, names));
            double v = t.AsNumber(node);
            if (!spec.Admits(v))
                throw t.Error(node, string.Create(CultureInfo.InvariantCulture, $"{v:G6} is out of bounds"), $"must be within {spec.BoundsText}");
            values[key] = v;
            overrides[key] = v;
        }
        return (values, overrides);
    }

    private static SweepSpec? ReadSweep(TableReader? t, ModelDescriptor model)
    {
        if (t is null) return null;
        if (model.SweepParameters.Count == 0)
            throw t.Error("parameter", $"model {model.Name} has no equilibrium sweep",
                "models with sweeps: " + string.Join(", ", ModelCatalog.All.Where(m => m.SweepParameters.Count > 0).Select(m => m.Name)));
        t.CheckKeys(SweepKeys);
        string name = t.String("parameter");
        if (!model.SweepParameters.Contains(name))
            throw t.Error("parameter", $"parameter '{name}' of model {model.Name} cannot be swept", KeySuggestion.Choices(name, [.. model.SweepParameters]));
        var spec = model.Parameters.Find(name)!;
        double lower = t.Number("lower"), upper = t.Number("upper"), step = t.Number("step");
        double resolution = t.OptionalNumber("resolution") ?? 0.1;
        if (!spec.Admits(lower)) throw t.Error("lower", string.Create(CultureInfo.InvariantCulture, $"{lower:G6} is out of bounds"), $"must be within {spec.BoundsText}");
        if (!spec.Admits(upper)) throw t.Error("upper", string.Create(CultureInfo.InvariantCulture, $"{upper:G6} is out of bounds"), $"must be within {spec.BoundsText}");
        if (!(upper > lower)) throw t.Error("upper", string.Create(CultureInfo.InvariantCulture, $"{upper:G6} is not above lower = {lower:G6}"), "lower < upper");
        if (!(step > 0) || (upper - lower) / step > 100_000)
            throw t.Error("step", string.Create(CultureInfo.InvariantCulture, $"{step:G6} is not a valid sweep step"), "step > 0, at most 100000 points");
        if (!(resolution > 0) || resolution > step)
            throw t.Error("resolution", string.Create(CultureInfo.InvariantCulture, $"{resolution:G6} is not a valid resolution"), "0 < resolution <= step");
        return new SweepSpec(name, lower, upper, step, resolution);
    }

    private static SimulationTime ReadTime(TableReader t, ModelTimeUnit unit)
    {
        string u = unit.IsCalendarYear ? "year" : unit.Symbol;
        string us = unit.IsCalendarYear ? "years" : unit.Symbol;
        t.CheckKeys(TimeKeys);
        int start = t.Integer("start", -MaxAbsYear, MaxAbsYear);
        int end = t.Integer("end", -MaxAbsYear, MaxAbsYear);
        if (end < start)
            throw t.Error("end", $"end {u} {end} is before start {u} {start}", $"end >= {start}");
        double step = t.OptionalNumber("step") ?? 1.0;
        string stepChoices = unit.IsCalendarYear
            ? "step = 1/k years for a whole number k, e.g. 1, 0.5, 0.25, 0.0833333 for monthly"
            : $"step = 1/k {unit.Symbol} for a whole number k, e.g. 0.01, 0.005, 0.001";
        if (!(step > 0) || step > 1)
            throw t.Error("step", string.Create(CultureInfo.InvariantCulture, $"{step:G6} {us} is not a valid time step"), stepChoices);
        double perYear = 1.0 / step;
        double k = Math.Round(perYear);
        if (Math.Abs(k * step - 1.0) > 1e-6)
            throw t.Error("step", string.Create(CultureInfo.InvariantCulture, $"{step:G6} {us} does not divide a{(unit.IsCalendarYear ? "" : "n")} {unit.Name}: 1/step = {perYear:G6}"), stepChoices);
        if (k > MaxStepsPerYear)
            throw t.Error("step", string.Create(CultureInfo.InvariantCulture, $"{step:G6} {us} is too small"), $"at most {MaxStepsPerYear} steps per {unit.Name}");
        return new SimulationTime(start, end, (int)k) { Unit = unit };
    }

    private static ScenarioForcing ReadForcing(TableReader t, SimulationTime time, TableReader timeTable, Context context)
    {
        t.CheckKeys(ForcingKeys);
        string type = t.String("type");
        if (!ScenarioForcing.Types.Contains(type))
            throw t.Error("type", $"unknown forcing type '{type}'", KeySuggestion.Choices(type, ScenarioForcing.Types.ToArray()));
        var keyOwner = new Dictionary<string, string> { ["source"] = "erf", ["co2_multiple"] = "abrupt-co2", ["rate_percent_per_year"] = "ramp-co2" };
        foreach (var (key, owner) in keyOwner)
            if (owner != type && t.Has(key))
                throw t.Error(key, $"does not apply to forcing.type = \"{type}\"", $"only for forcing.type = \"{owner}\"");

        switch (type)
        {
            case "abrupt-co2":
            {
                double m = t.OptionalNumber("co2_multiple") ?? 4.0;
                if (!(m > 0) || m > 1000)
                    throw t.Error("co2_multiple", string.Create(CultureInfo.InvariantCulture, $"{m:G6} is out of range"), "0 < co2_multiple <= 1000");
                return new AbruptCo2Forcing(m);
            }
            case "ramp-co2":
            {
                double r = t.OptionalNumber("rate_percent_per_year") ?? 1.0;
                if (!(r > 0) || r > 100)
                    throw t.Error("rate_percent_per_year", string.Create(CultureInfo.InvariantCulture, $"{r:G6} is out of range"), "0 < rate_percent_per_year <= 100");
                return new RampCo2Forcing(r);
            }
            default:
                return ReadErfForcing(t, time, timeTable, context);
        }
    }

    private static ErfScenarioForcing ReadErfForcing(TableReader t, SimulationTime time, TableReader timeTable, Context context)
    {
        var entries = t.TableArray("source", required: true);
        if (entries.Count == 0)
            throw t.Error("source", "needs at least one [[forcing.source]]");
        var sources = new List<ErfSource>();
        var resolved = new List<ErfSourceFile>();
        for (int i = 0; i < entries.Count; i++)
        {
            var s = entries[i];
            s.CheckKeys(SourceKeys);
            var fileNode = s.Required("file");
            string file = context.Input(s, fileNode);
            ErfTable table;
            try
            {
                table = ErfLoader.Load(file);
            }
            catch (DataFileException e)
            {
                throw s.Error(fileNode, "ERF data file failed to load: " + e.Message, null, e);
            }
            int? firstGiven = s.OptionalInteger("first_year", -MaxAbsYear, MaxAbsYear);
            int? lastGiven = s.OptionalInteger("last_year", -MaxAbsYear, MaxAbsYear);
            int first = firstGiven ?? (i == 0 ? table.FirstYear : resolved[i - 1].LastYear + 1);
            int last = lastGiven ?? table.LastYear;
            string coverage = $"{System.IO.Path.GetFileName(file)} covers {table.FirstYear}-{table.LastYear}";
            string firstKey = firstGiven is null ? "file" : "first_year";
            if (first < table.FirstYear || first > table.LastYear)
                throw s.Error(firstKey, $"first year {first} is outside the data file", coverage);
            if (last < table.FirstYear || last > table.LastYear)
                throw s.Error("last_year", $"last year {last} is outside the data file", coverage);
            if (last < first)
                throw s.Error(lastGiven is null ? firstKey : "last_year", $"last year {last} is before first year {first}", coverage);
            if (i > 0 && first != resolved[i - 1].LastYear + 1)
            {
                int previousLast = resolved[i - 1].LastYear;
                throw s.Error(firstKey, first <= previousLast
                        ? $"first year {first} overlaps the previous source, which runs to {previousLast}"
                        : $"first year {first} leaves a gap after the previous source, which ends in {previousLast}",
                    $"sources must follow one another: first_year = {previousLast + 1}, or set last_year = {first - 1} on the previous source");
            }
            sources.Add(new ErfSource(table, first, last));
            resolved.Add(new ErfSourceFile(file, first, last));
        }
        int dataFirst = resolved[0].FirstYear, dataLast = resolved[^1].LastYear;
        string covers = $"the forcing sources cover {dataFirst}-{dataLast}";
        if (time.StartYear < dataFirst)
            throw timeTable.Error("start", $"year {time.StartYear} is outside the forcing data", covers);
        if (time.EndYear > dataLast)
            throw timeTable.Error("end", $"year {time.EndYear} is outside the forcing data", covers);
        return new ErfScenarioForcing(ErfSplicer.Splice(sources, time.StartYear, time.EndYear), resolved);
    }

    private static IReadOnlyDictionary<string, double> ReadInitial(TableReader? t, ModelDescriptor model)
    {
        if (t is not null) t.CheckKeys(InitialStateNames(model).ToArray());
        return ReadSettings(t, model.InitialSettings, []);
    }

    private static EnsembleSpec ReadEnsemble(TableReader? t, ModelDescriptor model, IReadOnlyDictionary<string, double> overrides)
    {
        if (t is null) return EnsembleSpec.Single;
        t.CheckKeys(EnsembleKeys);
        int members = t.Integer("members", 1, MaxMembers);
        int seed = t.OptionalInteger("seed", int.MinValue, int.MaxValue) ?? 1;
        var sample = new List<string>();
        var withPrior = model.Parameters.Where(p => p.Prior is not null).Select(p => p.Name).ToArray();
        foreach (var (name, node) in t.OptionalStringArray("sample") ?? [])
        {
            var spec = model.Parameters.Find(name)
                ?? throw t.Error(node, $"unknown parameter '{name}' of model {model.Name}", KeySuggestion.Choices(name, withPrior));
            if (spec.Prior is null)
                throw t.Error(node, $"parameter '{name}' has no prior to sample from", "parameters with priors: " + string.Join(", ", withPrior));
            if (sample.Contains(name))
                throw t.Error(node, $"parameter '{name}' is listed twice");
            if (overrides.ContainsKey(name))
                throw t.Error(node, $"parameter '{name}' is both set in [parameters] and sampled", "remove one of them");
            sample.Add(name);
        }
        return new EnsembleSpec(members, seed, sample);
    }

    private static SensitivitySpec? ReadSensitivity(TableReader? t, ModelDescriptor model, SimulationTime time, EnsembleSpec ensemble)
    {
        if (t is null) return null;
        t.CheckKeys(model.CheckpointedSensitivity ? SensitivityKeys : SensitivityKeys[..2]);
        if (model.SensitivityDiagnostics.Count == 0)
            throw t.Error("diagnostic", $"model {model.Name} has no sensitivity diagnostics yet",
                "models with diagnostics: " + string.Join(", ", ModelCatalog.All.Where(m => m.SensitivityDiagnostics.Count > 0).Select(m => m.Name)));
        if (ensemble.Members > 1 || ensemble.Sample.Count > 0)
            throw t.Error("diagnostic", "sensitivities are computed for single runs, not ensembles", "remove [ensemble] or [sensitivity]");
        var diagNode = t.Required("diagnostic");
        string diagnostic = t.AsString(diagNode);
        if (!model.SensitivityDiagnostics.Contains(diagnostic))
            throw t.Error(diagNode, $"unknown diagnostic '{diagnostic}' of model {model.Name}", KeySuggestion.Choices(diagnostic, [.. model.SensitivityDiagnostics]));
        var node = t.Required("period");
        if (node is not TomlArrayNode { Items.Count: 2 } pair)
            throw t.Error(node, $"expected an array of two years, found {TableReader.Article(node.TypeName)}", "e.g. [2081, 2100]");
        int y0 = t.AsInteger(pair.Items[0], -MaxAbsYear, MaxAbsYear), y1 = t.AsInteger(pair.Items[1], -MaxAbsYear, MaxAbsYear);
        if (y1 < y0) throw t.Error(node, $"{y1} is before {y0}", "[first, last] with first <= last");
        if (y0 < time.StartYear || y1 > time.EndYear)
            throw t.Error(node, $"{y0}-{y1} is not inside the simulated {time.UnitPlural}", $"within {time.StartYear}-{time.EndYear}");
        double? budgetMb = t.OptionalNumber("memory_budget_mb");
        if (budgetMb is { } mb && !(mb > 0 && mb <= 1e7))
            throw t.Error("memory_budget_mb", string.Create(CultureInfo.InvariantCulture, $"{mb:G6} MB is not a valid memory budget"), "0 < memory_budget_mb <= 1e7");
        int disk = t.OptionalInteger("disk_snapshots", 0, 1_000_000) ?? 0;
        return new SensitivitySpec(diagnostic, y0, y1)
        {
            MemoryBudgetBytes = budgetMb is { } b ? (long)(b * 1e6) : null,
            DiskSnapshots = disk,
        };
    }

    private static OutputSpec ReadOutput(TableReader t, ModelDescriptor model, SimulationTime time, string scenarioName, Context context)
    {
        t.CheckKeys(OutputKeys);
        string file = t.Has("file") ? context.Output(t, t.Required("file"), ".nc") : context.OutputDefault($"output/{scenarioName}.nc");
        var variables = new List<OutputVariable>();
        var variableNames = model.Variables.Select(v => v.Name).ToArray();
        var list = t.StringArray("variables");
        if (list.Count == 0)
            throw t.Error("variables", "needs at least one variable", "valid: " + string.Join(", ", variableNames));
        foreach (var (name, node) in list)
        {
            var v = model.Variables.FirstOrDefault(x => x.Name == name)
                ?? throw t.Error(node, $"unknown output variable '{name}' of model {model.Name}", KeySuggestion.Choices(name, variableNames));
            if (variables.Contains(v)) throw t.Error(node, $"variable '{name}' is listed twice");
            variables.Add(v);
        }
        double interval = t.OptionalNumber("interval") ?? 1.0;
        string intervalChoices = string.Create(CultureInfo.InvariantCulture,
            $"a whole multiple of time.step = {time.Step:G6} {time.UnitPlural}, at most the run length {time.Years} {time.UnitPlural}");
        if (!(interval > 0) || interval > time.Years + 1e-9)
            throw t.Error("interval", string.Create(CultureInfo.InvariantCulture, $"{interval:G6} {time.UnitPlural} is not a valid output interval"), intervalChoices);
        double ratio = interval * time.StepsPerYear;
        double k = Math.Round(ratio);
        if (k < 1 || Math.Abs(ratio - k) > 1e-6 * Math.Max(1, ratio))
            throw t.Error("interval", string.Create(CultureInfo.InvariantCulture, $"{interval:G6} {time.UnitPlural} is not a whole number of time steps"), intervalChoices);
        return new OutputSpec(file, variables, k / time.StepsPerYear, (int)k);
    }

    private static IReadOnlyList<PlotSpec> ReadPlots(IReadOnlyList<TableReader> entries, OutputSpec output, SimulationTime time,
        string scenarioName, Context context)
    {
        var plots = new List<PlotSpec>();
        var outputNames = output.Variables.Select(v => v.Name).ToArray();
        foreach (var p in entries)
        {
            p.CheckKeys(PlotKeys);
            var fileNode = p.Required("file");
            string file = context.Output(p, fileNode, ".png");
            if (file == output.File || plots.Any(q => q.File == file))
                throw p.Error(fileNode, "writes to the same file as another output", "give every plot its own file");
            string variableName = p.String("variable");
            var variable = output.Variables.FirstOrDefault(v => v.Name == variableName)
                ?? throw p.Error("variable", $"'{variableName}' is not in output.variables", KeySuggestion.Choices(variableName, outputNames));
            if (!variable.IsScalar)
                throw p.Error("variable", $"'{variableName}' varies along {string.Join(", ", variable.Axes)}; plots show scalar time series",
                    "scalar variables: " + string.Join(", ", output.Variables.Where(v => v.IsScalar).Select(v => v.Name)));
            string title = p.OptionalString("title") ?? $"{scenarioName}: {variable.LongName}";

            ReferencePeriod? period = null;
            if (p.Has("reference_period"))
            {
                var node = p.Required("reference_period");
                if (node is not TomlArrayNode { Items.Count: 2 } pair)
                    throw p.Error(node, $"expected an array of two years, found {TableReader.Article(node.TypeName)}", "e.g. [1850, 1900]");
                int y0 = p.AsInteger(pair.Items[0], -MaxAbsYear, MaxAbsYear), y1 = p.AsInteger(pair.Items[1], -MaxAbsYear, MaxAbsYear);
                if (y1 < y0) throw p.Error(node, $"{y1} is before {y0}", "[first, last] with first <= last");
                if (y0 < time.StartYear || y1 > time.EndYear)
                    throw p.Error(node, $"{y0}-{y1} is not inside the simulated years", $"within {time.StartYear}-{time.EndYear}");
                period = new ReferencePeriod(y0, y1);
            }

            PlotObservations? observations = null;
            if (p.OptionalTable("observations") is { } o)
                observations = ReadObservations(o, variable, period, context);
            plots.Add(new PlotSpec(file, variable, title, period, observations));
        }
        return plots;
    }

    private static PlotObservations ReadObservations(TableReader o, OutputVariable variable, ReferencePeriod? period, Context context)
    {
        o.CheckKeys(ObservationKeys);
        string kindName = o.String("kind");
        var kind = ObservationLoader.ParseKind(kindName)
            ?? throw o.Error("kind", $"unknown observations kind '{kindName}'", KeySuggestion.Choices(kindName, ObservationLoader.KindNames.ToArray()));
        string units = ObservationLoader.UnitsOf(kind);
        if (units != variable.Units)
            throw o.Error("kind", $"{kindName} observations are in {units} but {variable.Name} is in {variable.Units}",
                "kinds in " + variable.Units + ": " + string.Join(", ", ObservationLoader.KindNames.Where(k => ObservationLoader.UnitsOf(ObservationLoader.ParseKind(k)!.Value) == variable.Units)));
        bool isOhc = kind is ObservationKind.OhcAr6 or ObservationKind.OhcIgcc;
        string layer = ObservationLoader.DefaultOceanLayer;
        if (o.Has("layer"))
        {
            if (!isOhc) throw o.Error("layer", $"does not apply to kind = \"{kindName}\"", "only for ohc-ar6 and ohc-igcc");
            layer = o.String("layer");
            if (!ObservationLoader.OceanLayers.Contains(layer))
                throw o.Error("layer", $"unknown ocean layer '{layer}'", KeySuggestion.Choices(layer, ObservationLoader.OceanLayers.ToArray()));
        }
        var fileNode = o.Required("file");
        string file = context.Input(o, fileNode);
        ObservedSeries series;
        try
        {
            series = ObservationLoader.Load(kind, file, layer);
        }
        catch (DataFileException e)
        {
            throw o.Error(fileNode, "observations file failed to load: " + e.Message, null, e);
        }
        int? first = o.OptionalInteger("first_year", -MaxAbsYear, MaxAbsYear);
        int? last = o.OptionalInteger("last_year", -MaxAbsYear, MaxAbsYear);
        string covers = $"{System.IO.Path.GetFileName(file)} covers {series.FirstYear}-{series.LastYear}";
        if (first is { } f && !series.Covers(f)) throw o.Error("first_year", $"year {f} is outside the observations", covers);
        if (last is { } l && !series.Covers(l)) throw o.Error("last_year", $"year {l} is outside the observations", covers);
        if ((first ?? series.FirstYear) > (last ?? series.LastYear))
            throw o.Error(last is null ? "first_year" : "last_year", $"last year {last ?? series.LastYear} is before first year {first ?? series.FirstYear}", covers);
        series = series.Slice(first ?? series.FirstYear, last ?? series.LastYear);
        if (period is { } pr && (!series.Covers(pr.FirstYear) || !series.Covers(pr.LastYear)))
            throw o.Error("file", $"the observations ({series.FirstYear}-{series.LastYear}) do not cover the reference period {pr}",
                "choose observations or a reference_period that overlap fully");
        string label = o.OptionalString("label") ?? series.Name;
        return new PlotObservations(file, kind, label, series);
    }

    /// <summary>Path resolution for one scenario file.</summary>
    private sealed record Context(string File, string ScenarioDirectory, string CurrentDirectory)
    {
        /// <summary>An input file relative to the scenario's folder; it must exist.</summary>
        public string Input(TableReader t, TomlNode node)
        {
            string given = t.AsString(node);
            if (given.Trim().Length == 0) throw t.Error(node, "file name is empty");
            string full = System.IO.Path.GetFullPath(System.IO.Path.Combine(ScenarioDirectory, given));
            if (!System.IO.File.Exists(full))
                throw t.Error(node, $"data file '{given}' not found", $"looked for {full}; relative paths start at the scenario file's folder");
            return full;
        }

        /// <summary>An output file relative to the current directory, with the required extension.</summary>
        public string Output(TableReader t, TomlNode node, string extension)
        {
            string given = t.AsString(node);
            if (given.Trim().Length == 0) throw t.Error(node, "file name is empty");
            if (!given.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                throw t.Error(node, $"'{given}' does not end in {extension}", $"a {extension} file");
            string full = System.IO.Path.GetFullPath(System.IO.Path.Combine(CurrentDirectory, given));
            if (Directory.Exists(full)) throw t.Error(node, $"'{given}' is a folder", $"a {extension} file");
            return full;
        }

        /// <summary>A default output file relative to the current directory.</summary>
        public string OutputDefault(string relative) => System.IO.Path.GetFullPath(System.IO.Path.Combine(CurrentDirectory, relative));
    }
}
