using System.Globalization;
using ClimateAD.IO.Netcdf;
using ClimateAD.IO.Scenarios;
using ClimateAD.Physics.EnergyBalance;

namespace ClimateAD.Cli.Running;

/// <summary>
/// The <c>[sensitivity]</c> of a scenario: J and its adjoint gradients with respect to every
/// parameter (dJ/dθ), to the forcing of every time step (dJ/dF[n], W⁻¹ m² per step) and to the
/// initial state, written to the output file's <c>sensitivity</c> group on dimensions
/// <c>parameter</c>, <c>step</c> and <c>state</c>.
/// </summary>
internal sealed class SensitivityOutput
{
    private SensitivityOutput(SensitivitySpec spec, TwoLayerSensitivityResult result, string[] parameterNames, double[] stepYears)
    {
        Spec = spec;
        Result = result;
        ParameterNames = parameterNames;
        StepYears = stepYears;
    }

    /// <summary>The request.</summary>
    public SensitivitySpec Spec { get; }

    /// <summary>J and its gradients.</summary>
    public TwoLayerSensitivityResult Result { get; }

    /// <summary>Parameter names in θ order.</summary>
    public string[] ParameterNames { get; }

    /// <summary>Start of each time step, in years.</summary>
    public double[] StepYears { get; }

    /// <summary>Computes the sensitivity for <paramref name="s"/>, or returns <c>null</c> when it asks for none.</summary>
    public static SensitivityOutput? Compute(Scenario s)
    {
        if (s.Sensitivity is not { } spec) return null;
        var forcing = TwoLayerRun.BuildForcing(s);
        TwoLayerModel.TryParseIntegrator(s.Integrator, out var integrator);
        int spy = s.Time.StepsPerYear;
        int first = (spec.FirstYear - s.Time.StartYear) * spy;
        int last = (spec.LastYear - s.Time.StartYear + 1) * spy - 1;
        var initial = new TwoLayerState(s.Initial.GetValueOrDefault("tas"), s.Initial.GetValueOrDefault("tas_deep"));
        var result = TwoLayerSensitivity.MeanTemperatureOverSteps(s.Parameters.ToArray(), forcing, integrator, first, last, initial);
        var years = Enumerable.Range(0, forcing.StepCount).Select(n => s.Time.StartYear + n * s.Time.Step).ToArray();
        return new SensitivityOutput(spec, result, s.Parameters.Table.Select(p => p.Name).ToArray(), years);
    }

    /// <summary>Adds the group's dimensions, variables and attributes to <paramref name="schema"/>.</summary>
    public NetcdfSchema AddTo(NetcdfSchema schema)
    {
        string what = string.Create(CultureInfo.InvariantCulture,
            $"J = mean of the step-end upper-layer temperature anomaly over the time steps of {Spec.FirstYear}-{Spec.LastYear} (K)");
        return schema with
        {
            Dimensions = [.. schema.Dimensions,
                NetcdfDimension.Coordinate("parameter", Enumerable.Range(0, ParameterNames.Length).Select(i => (double)i).ToArray(), "1", "parameter index (θ order)")
                    with { Attributes = [new("parameter_names", string.Join(" ", ParameterNames))] },
                NetcdfDimension.Coordinate("step", StepYears, "year", "start of the model time step"),
                NetcdfDimension.Coordinate("state", [0.0, 1.0], "1", "state component: 0 = tas, 1 = tas_deep")],
            Variables = [.. schema.Variables,
                new NetcdfVariable("sensitivity/dJ_dtheta", ["parameter"], "K per parameter unit", "gradient of J with respect to each parameter")
                    { Attributes = [new("diagnostic", what)] },
                new NetcdfVariable("sensitivity/dJ_dforcing", ["step"], "K W-1 m2", "gradient of J with respect to the forcing held over each time step")
                    { Attributes = [new("diagnostic", what)] },
                new NetcdfVariable("sensitivity/dJ_dinitial", ["state"], "1", "gradient of J with respect to the initial state")
                    { Attributes = [new("diagnostic", what)] }],
            GlobalAttributes = [.. schema.GlobalAttributes,
                new("sensitivity_diagnostic", Spec.Diagnostic),
                new("sensitivity_description", what),
                new("sensitivity_value", Result.Value)],
        };
    }

    /// <summary>Writes the gradients.</summary>
    public void Write(NetcdfWriter writer)
    {
        writer.WriteStatic("sensitivity/dJ_dtheta", Result.ParameterGradient);
        writer.WriteStatic("sensitivity/dJ_dforcing", Result.ForcingGradient);
        writer.WriteStatic("sensitivity/dJ_dinitial", Result.InitialStateGradient);
    }
}
