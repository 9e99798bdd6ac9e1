using ClimateAD.Cli.Progress;
using ClimateAD.IO.Netcdf;
using ClimateAD.IO.Scenarios;

namespace ClimateAD.Cli.Running;

/// <summary>
/// Runs a validated scenario end to end: configures the model, creates the output file, steps
/// the model while writing one record per output interval and reporting progress, marks the file
/// complete, then renders the scenario's plots. Any failure leaves the file marked incomplete.
/// </summary>
internal static class ScenarioRunner
{
    /// <summary>Options from the command line.</summary>
    /// <param name="OutputOverride">Write here instead of the scenario's <c>output.file</c>.</param>
    /// <param name="Progress">Where progress goes (standard error).</param>
    /// <param name="Interactive">Redraw a progress bar rather than print plain lines.</param>
    /// <param name="CommandLine">The command line, for the file's <c>history</c> attribute.</param>
    public sealed record Options(string? OutputOverride, TextWriter Progress, bool Interactive, string CommandLine)
    {
        /// <summary>Restart files to write or start from (<c>--restart-every</c>, <c>--restart-from</c>), or <c>null</c>.</summary>
        public IO.Restart.RestartRequest? Restart { get; init; }
    }

    /// <summary>What a run produced.</summary>
    /// <param name="OutputFile">The netCDF file written.</param>
    /// <param name="Records">Records written.</param>
    /// <param name="Steps">Time steps taken.</param>
    /// <param name="Elapsed">Wall time of the stepping loop.</param>
    /// <param name="Plots">PNG files written.</param>
    /// <param name="Sensitivity">The sensitivity written, or <c>null</c>.</param>
    public sealed record Result(string OutputFile, int Records, long Steps, TimeSpan Elapsed, IReadOnlyList<string> Plots,
        SensitivityOutput? Sensitivity);

    /// <summary>Runs <paramref name="scenario"/>; returns what it wrote.</summary>
    public static Result Run(Scenario scenario, Options options)
    {
        if (scenario.Sweep is not null) return SweepRunner.Run(scenario, options);
        string path = options.OutputOverride is { } o ? Path.GetFullPath(o) : scenario.Output.File;
        var run = CreateRun(scenario, options.Restart is { } restart ? restart with { OutputFile = path } : null);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var schema = OutputSchema.For(scenario, run, options.CommandLine);
        var sensitivity = SensitivityOutput.Compute(scenario, options.Progress);
        if (sensitivity is not null) schema = sensitivity.AddTo(schema);
        var recorder = new RecordedSeries(scenario.Output.Variables.Where(v => v.IsScalar).ToList(), run.MemberCount);
        int perRecord = scenario.Output.StepsPerRecord;
        var buffers = scenario.Output.Variables.ToDictionary(v => v.Name, v => new double[run.ValueCount(v)]);
        var progress = new ProgressReporter(options.Progress, run.StepCount, "steps", options.Interactive);

        using (var writer = NetcdfWriter.Create(path, schema))
        {
            foreach (var (spec, values) in run.MemberParameters) writer.WriteStatic(spec.Name, values);
            sensitivity?.Write(writer);
            run.StartRecord();
            while (run.StepIndex < run.StepCount)
            {
                run.Step();
                if (run.StepIndex % perRecord != 0 && run.StepIndex != run.StepCount) continue;
                long first = run.StepIndex - ((run.StepIndex - 1) % perRecord + 1);
                double lo = OutputSchema.DaysAtStep(scenario, first);
                double hi = OutputSchema.DaysAtStep(scenario, run.StepIndex);
                writer.BeginRecord(0.5 * (lo + hi), lo, hi);
                foreach (var v in scenario.Output.Variables)
                {
                    var buffer = buffers[v.Name];
                    run.ReadRecord(v, buffer);
                    writer.Write(v.Name, buffer);
                    if (v.IsScalar) recorder.Add(v.Name, buffer);
                }
                writer.EndRecord();
                recorder.AddTime(scenario.Time.StartYear + 0.5 * (lo + hi) / scenario.Time.Unit.DaysPerUnit);
                run.StartRecord();
                progress.Report(run.StepIndex);
            }
            progress.Finish();
            writer.Complete();
        }
        var plots = ScenarioPlots.Render(scenario, recorder);
        return new Result(path, recorder.Count, run.StepCount, progress.Elapsed, plots, sensitivity);
    }

    /// <summary>The model run for the scenario's model.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="restart">Restart files to write or start from; only grid models (shallow water) support them.</param>
    public static ModelRun CreateRun(Scenario scenario, IO.Restart.RestartRequest? restart = null) => scenario.Model.Name switch
    {
        _ when restart is not null && !Physics.ShallowWater.ShallowWaterScenarioModels.All.Contains(scenario.Model) =>
            throw new UserErrorException($"{scenario.DisplayFile}: --restart-every/--restart-from are supported for the shallow-water models only, not {scenario.Model.Name}"),
        "ebm-two-layer" => new TwoLayerRun(scenario),
        Physics.Lorenz96.Lorenz96Model.Name => new Lorenz96Run(scenario),
        Physics.LatitudeEbm.LatitudeEbmScenarioModel.Name => new LatitudeEbmRun(scenario),
        Physics.Lorenz96.Lorenz96OneScaleModel.Name => new Lorenz96OneScaleRun(scenario),
        Physics.Tracer.TracerScenarioModel.Name => new TracerRun(scenario),
        Physics.ShallowWater.ShallowWaterScenarioModels.DoubleGyreName or Physics.ShallowWater.ShallowWaterScenarioModels.GeostrophicAdjustmentName
            or Physics.ShallowWater.ShallowWaterScenarioModels.WilliamsonTc2Name or Physics.ShallowWater.ShallowWaterScenarioModels.GalewskyName
            => new ShallowWaterRun(scenario, restart),
        _ => throw new UserErrorException($"{scenario.DisplayFile}: model '{scenario.Model.Name}' cannot be run yet"),
    };
}
