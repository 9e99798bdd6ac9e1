using ClimateAD.IO.Netcdf;
using Xunit;

namespace ClimateAD.Cli.Tests.Running;

/// <summary>
/// <c>[sensitivity] diagnostic = "western_boundary_transport"</c> on <c>swe-double-gyre</c>: the checkpointed
/// adjoint gradient with respect to the wind-stress amplitude and the viscosity equals a central finite
/// difference of J from perturbed runs along a direction in (ν, τ₀).
/// </summary>
public sealed class ShallowWaterSensitivityTests
{
    private static string Scenario(double wind, double viscosity) => ShallowWaterRunTests.DoubleGyre
        .Replace("INTEGRATOR", "ab3")
        .Replace("laplacian_viscosity = 3e4", FormattableString.Invariant($"laplacian_viscosity = {viscosity:R}"))
        .Replace("wind_stress_amplitude = 0.2", FormattableString.Invariant($"wind_stress_amplitude = {wind:R}"))
        + """

        [sensitivity]
        diagnostic = "western_boundary_transport"
        period = [0, 0]
        memory_budget_mb = 0.05
        """;

    private static (double J, double[] Gradient, double[] WindMap) Run(TempFolder tmp, string name, double wind, double viscosity)
    {
        File.WriteAllText(tmp.File(name + ".toml"), Scenario(wind, viscosity));
        var (code, _, stderr) = CliProcess.Run(tmp.Path, "run", name + ".toml", "--plain-progress", "--device", "cpu", "-o", name + ".nc");
        Assert.True(code == 0, stderr);
        Assert.Contains("binomial", stderr);
        using var nc = NetcdfReader.Open(tmp.File(name + ".nc"));
        return (nc.ReadDoubleAttribute(null, "sensitivity_value"), nc.ReadVariable("sensitivity/dJ_dtheta").Values,
            nc.ReadVariable("sensitivity/dJ_dlog_wind_stress").Values);
    }

    [Fact]
    public void Sensitivity_WesternBoundaryTransport_MatchesCentralDifferences()
    {
        using var tmp = new TempFolder();
        var (j, g, map) = Run(tmp, "base", 0.2, 3e4);
        // The wind map is τ₀ times the point-wise density of dJ/dτ₀: it sums to τ₀ dJ/dτ₀.
        Assert.Equal(0.2 * g[3], map.Sum(), 1e-10 * Math.Abs(0.2 * g[3]));
        Assert.True(j > 0, $"the western boundary current of the southern gyre flows north (J = {j:G4} m3 s-1)");
        // One central difference along d = (δν, δτ₀) = (30 m2 s-1, 1e-3 N m-2), which weighs both
        // gradient components: |dJ/dν δν| is a few per cent of |dJ/dτ₀ δτ₀|, far above the 1e-6 tolerance.
        const double dw = 1e-3, dnu = 30.0;
        double fd = (Run(tmp, "plus", 0.2 + dw, 3e4 + dnu).J - Run(tmp, "minus", 0.2 - dw, 3e4 - dnu).J) / 2;
        // θ order: gravity, laplacian_viscosity, linear_drag_time, wind_stress_amplitude.
        double adjoint = g[1] * dnu + g[3] * dw;
        Assert.True(Math.Abs(g[1] * dnu) > 1e-3 * Math.Abs(adjoint), $"dJ/dnu = {g[1]:G4} must matter in the check");
        Assert.Equal(fd, adjoint, Math.Abs(fd) * 1e-6);
    }
}
