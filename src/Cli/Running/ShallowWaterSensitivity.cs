using ClimateAD.IO.Scenarios;
using ClimateAD.Physics.ShallowWater;

namespace ClimateAD.Cli.Running;

/// <summary>
/// The <c>western_boundary_transport</c> sensitivity of a <c>swe-double-gyre</c> scenario
/// (<see cref="ShallowWaterScenarioModels.WesternBoundaryTransport"/>): J = mean over the period's step-end
/// states of <c>H Σ_{i &lt; Nx/4} v(i, Ny/4) Δx</c> (m³ s⁻¹), through <see cref="CheckpointedSensitivity"/> with
/// the model's adjoint (<see cref="ShallowWaterStep"/>): dJ/dθ for gravity, viscosity, drag time and
/// wind-stress amplitude, dJ/dx[0] for every h, u, v point (and the Adams–Bashforth history), and the
/// map <c>dJ/dln τ(y, x)</c>: the gradient with respect to the logarithm of a local multiplier of the
/// wind stress at each cell (τ₀ times the point-wise density of dJ/dτ₀, summed over the run; it sums to
/// τ₀ dJ/dτ₀).
/// </summary>
internal static class ShallowWaterSensitivity
{
    /// <summary>Computes the sensitivity, printing the plan and the counts to <paramref name="log"/>.</summary>
    public static SensitivityOutput Compute(Scenario s, SensitivitySpec spec, TextWriter log)
    {
        var (config, x0, theta) = ShallowWaterRun.Build(s);
        var layout = config.Layout;
        int j0 = layout.Ny / 4;
        double depth = s.Settings[ShallowWaterScenarioModels.Depth];
        var weights = new double[layout.Length];
        for (int i = 0; i < layout.Nx / 4; i++) weights[layout.Index(2, i, j0)] = depth * config.Grid.Dx(Grid.Grids.Stagger.Face, j0);
        var step = new ShallowWaterStep(config);
        int wind = config.Parameters.IndexOf(ShallowWaterParameterNames.WindStress);
        var map = wind >= 0 ? new double[layout.BlockLength] : null;
        if (map is not null) step.AccumulateParameterDensity(wind, map);
        var output = CheckpointedSensitivity.Compute(s, spec, new CheckpointedSensitivity.Problem(step, theta, x0, weights, "m3 s-1",
            $"the northward transport H sum v dx of the western boundary current across y = -L/4 (v faces of row {j0}, x < L/4)",
            $"flat state: blocks of {layout.Nx}x{layout.Ny} values row by row (i fastest): h, u, v" + (layout.Blocks == 9 ? ", then the Adams-Bashforth tendencies G[n-1], G[n-2]" : ""),
            s.Parameters.Table.Select(p => p.Name).ToArray()), log);
        if (map is null) return output;
        for (int k = 0; k < map.Length; k++) map[k] *= theta[wind];
        var axes = ShallowWaterRun.CentreAxes(config.Grid).Select(a => a.Name).ToArray();
        return output with
        {
            Maps = [("dJ_dlog_wind_stress", "m3 s-1", "gradient of J with respect to the logarithm of the wind stress at each cell (local multiplier)", axes, map)],
        };
    }
}
