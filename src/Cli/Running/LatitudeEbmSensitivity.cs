using ClimateAD.IO.Scenarios;
using ClimateAD.Physics.LatitudeEbm;

namespace ClimateAD.Cli.Running;

/// <summary>
/// The <c>mean_tas_global</c> sensitivity of a latitude-EBM scenario: J = mean over the period's
/// step-end states of the area-weighted global-mean surface temperature (°C), through
/// <see cref="CheckpointedSensitivity"/>. With equal-area cells in x = sin(latitude) the weights are 1/N.
/// </summary>
internal static class LatitudeEbmSensitivity
{
    /// <summary>Computes the sensitivity, printing the plan and the counts to <paramref name="log"/>.</summary>
    public static SensitivityOutput Compute(Scenario s, SensitivitySpec spec, TextWriter log)
    {
        var (model, theta, x0) = LatitudeEbmRun.Build(s);
        var step = new LatitudeEbmStep(model);
        int n = model.CellCount;
        var weights = new double[model.StateLength];
        for (int i = 0; i < n; i++) weights[i] = 1.0 / n;
        return CheckpointedSensitivity.Compute(s, spec, new CheckpointedSensitivity.Problem(step, theta, x0, weights, "degC",
            "the global-mean surface temperature",
            model.DeepOcean ? $"0..{n - 1} = surface temperature of cell j (south to north), {n}..{2 * n - 1} = deep ocean" : "surface temperature of cell j, south to north",
            model.Parameters.Select(p => p.Name).ToArray()), log);
    }
}
