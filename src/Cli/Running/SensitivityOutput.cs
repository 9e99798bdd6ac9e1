using System.Globalization;
using ClimateAD.IO.Netcdf;
using ClimateAD.IO.Scenarios;
using ClimateAD.Physics.EnergyBalance;

namespace ClimateAD.Cli.Running;

/// <summary>
/// The <c>[sensitivity]</c> of a scenario: a scalar diagnostic J and its adjoint gradients with
/// respect to every parameter (dJ/dθ), to the initial state and, for forced models, to the forcing of
/// every time step (dJ/dF[n], W⁻¹ m² per step), written to the output file's <c>sensitivity</c> group
/// on dimensions <c>parameter</c>, <c>state</c> and <c>step</c>.
/// </summary>
internal sealed record SensitivityOutput
{
    /// <summary>The request.</summary>
    public required SensitivitySpec Spec { get; init; }

    /// <summary>J.</summary>
    public required double Value { get; init; }

    /// <summary>Units of J.</summary>
    public required string Units { get; init; }

    /// <summary>One sentence saying what J is.</summary>
    public required string Description { get; init; }

    /// <summary>dJ/dθ in θ order.</summary>
    public required double[] ParameterGradient { get; init; }

    /// <summary>Parameter names in θ order.</summary>
    public required string[] ParameterNames { get; init; }

    /// <summary>dJ/dx[0].</summary>
    public required double[] InitialStateGradient { get; init; }

    /// <summary>What each initial-state component is, for the <c>state</c> dimension's <c>long_name</c>.</summary>
    public required string StateDescription { get; init; }

    /// <summary>dJ/dF[n] for forced models, else <c>null</c>.</summary>
    public double[]? ForcingGradient { get; init; }

    /// <summary>Start of each time step in years (forced models), else <c>null</c>.</summary>
    public double[]? StepYears { get; init; }

    /// <summary>
    /// Optional maps on the run's own horizontal axes (e.g. <c>dJ/dln τ(y, x)</c>): name under
    /// <c>sensitivity/</c>, units, long name, the axis names (slowest first) and the values, row-major.
    /// </summary>
    public IReadOnlyList<(string Name, string Units, string LongName, string[] Axes, double[] Values)> Maps { get; init; } = [];

    /// <summary>Computes the sensitivity for <paramref name="s"/>, or returns <c>null</c> when it asks for none.</summary>
    /// <param name="s">The scenario.</param>
    /// <param name="log">Where the checkpointed models print their adjoint plan and counts.</param>
    public static SensitivityOutput? Compute(Scenario s, TextWriter log)
    {
        if (s.Sensitivity is not { } spec) return null;
        return s.Model.Name switch
        {
            Physics.Lorenz96.Lorenz96Model.Name => Lorenz96Sensitivity.Compute(s, spec, log),
            Physics.LatitudeEbm.LatitudeEbmScenarioModel.Name => LatitudeEbmSensitivity.Compute(s, spec, log),
            Physics.ShallowWater.ShallowWaterScenarioModels.DoubleGyreName => ShallowWaterSensitivity.Compute(s, spec, log),
            _ => TwoLayer(s, spec),
        };
    }

    private static SensitivityOutput TwoLayer(Scenario s, SensitivitySpec spec)
    {
        var forcing = TwoLayerRun.BuildForcing(s);
        TwoLayerModel.TryParseIntegrator(s.Integrator, out var integrator);
        int spy = s.Time.StepsPerYear;
        int first = (spec.FirstYear - s.Time.StartYear) * spy;
        int last = (spec.LastYear - s.Time.StartYear + 1) * spy - 1;
        var initial = new TwoLayerState(s.Initial.GetValueOrDefault("tas"), s.Initial.GetValueOrDefault("tas_deep"));
        var result = TwoLayerSensitivity.MeanTemperatureOverSteps(s.Parameters.ToArray(), forcing, integrator, first, last, initial);
        return new SensitivityOutput
        {
            Spec = spec,
            Value = result.Value,
            Units = "K",
            Description = string.Create(CultureInfo.InvariantCulture,
                $"J = mean of the step-end upper-layer temperature anomaly over the time steps of {spec.FirstYear}-{spec.LastYear} (K)"),
            ParameterGradient = result.ParameterGradient,
            ParameterNames = s.Parameters.Table.Select(p => p.Name).ToArray(),
            InitialStateGradient = result.InitialStateGradient,
            StateDescription = "state component: 0 = tas, 1 = tas_deep",
            ForcingGradient = result.ForcingGradient,
            StepYears = Enumerable.Range(0, forcing.StepCount).Select(n => s.Time.StartYear + n * s.Time.Step).ToArray(),
        };
    }

    /// <summary>Adds the group's dimensions, variables and attributes to <paramref name="schema"/>.</summary>
    public NetcdfSchema AddTo(NetcdfSchema schema)
    {
        var dims = new List<NetcdfDimension>
        {
            NetcdfDimension.Coordinate("parameter", Enumerable.Range(0, ParameterNames.Length).Select(i => (double)i).ToArray(), "1", "parameter index (θ order)")
                with { Attributes = [new("parameter_names", string.Join(" ", ParameterNames))] },
            NetcdfDimension.Coordinate("state", Enumerable.Range(0, InitialStateGradient.Length).Select(i => (double)i).ToArray(), "1", StateDescription),
        };
        string gradientUnits = Units + " per parameter unit";
        var variables = new List<NetcdfVariable>
        {
            new("sensitivity/dJ_dtheta", ["parameter"], gradientUnits, "gradient of J with respect to each parameter")
                { Attributes = [new("diagnostic", Description)] },
            new("sensitivity/dJ_dinitial", ["state"], "1", "gradient of J with respect to the initial state")
                { Attributes = [new("diagnostic", Description)] },
        };
        if (ForcingGradient is not null && StepYears is not null)
        {
            dims.Add(NetcdfDimension.Coordinate("step", StepYears, "year", "start of the model time step"));
            variables.Add(new("sensitivity/dJ_dforcing", ["step"], Units + " W-1 m2", "gradient of J with respect to the forcing held over each time step")
                { Attributes = [new("diagnostic", Description)] });
        }
        foreach (var m in Maps)
            variables.Add(new("sensitivity/" + m.Name, m.Axes, m.Units, m.LongName) { Attributes = [new("diagnostic", Description)] });
        return schema with
        {
            Dimensions = [.. schema.Dimensions, .. dims],
            Variables = [.. schema.Variables, .. variables],
            GlobalAttributes = [.. schema.GlobalAttributes,
                new("sensitivity_diagnostic", Spec.Diagnostic),
                new("sensitivity_description", Description),
                new("sensitivity_value", Value)],
        };
    }

    /// <summary>Writes the gradients.</summary>
    public void Write(NetcdfWriter writer)
    {
        writer.WriteStatic("sensitivity/dJ_dtheta", ParameterGradient);
        writer.WriteStatic("sensitivity/dJ_dinitial", InitialStateGradient);
        if (ForcingGradient is not null) writer.WriteStatic("sensitivity/dJ_dforcing", ForcingGradient);
        foreach (var m in Maps) writer.WriteStatic("sensitivity/" + m.Name, m.Values);
    }
}
