using ClimateAD.IO.Netcdf;
using ClimateAD.Physics.EnergyBalance;
using Xunit;

namespace ClimateAD.Cli.Tests.Running;

/// <summary><c>[sensitivity]</c> in a run: J and dJ/dθ in the output file against the analytic step response.</summary>
public sealed class SensitivityRunTests
{
    private const string Scenario = """
        # test: sensitivity of mean warming in years 41-60 after abrupt 4xCO2
        [scenario]
        name = "sens-test"
        [model]
        name = "ebm-two-layer"
        [time]
        start = 1
        end = 60
        [forcing]
        type = "abrupt-co2"
        [output]
        file = "out/sens.nc"
        variables = ["tas"]
        [sensitivity]
        diagnostic = "mean_tas"
        period = [41, 60]
        """;

    /// <summary>J(θ) from the analytic solution: mean of T at the ends of model years 41..60.</summary>
    private static double AnalyticJ(TwoLayerParameters p)
    {
        var r = new TwoLayerStepResponse(p);
        double sum = 0;
        for (int k = 41; k <= 60; k++) sum += r.StepResponse(p.Forcing4xCO2, k).Temperature;
        return sum / 20;
    }

    [Fact]
    public void Run_WithSensitivity_ValueAndGradientMatchAnalyticSolution()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.File("s.toml"), Scenario);
        var (code, stdout, stderr) = CliProcess.Run(tmp.Path, "run", "s.toml");
        Assert.True(code == 0, stderr);
        Assert.Contains("Sensitivity of mean_tas 41-60", stdout);

        using var nc = NetcdfReader.Open(tmp.File("out/sens.nc"));
        var p = TwoLayerParameters.Default;
        Assert.Equal(AnalyticJ(p), nc.ReadDoubleAttribute(null, "sensitivity_value"), 1e-10);
        var grad = nc.ReadVariable("sensitivity/dJ_dtheta").Values;
        Assert.Equal(TwoLayerParameterTable.All.Count, grad.Length);

        double h = 1e-5;
        double fdLambda = (AnalyticJ(p with { ClimateFeedback = p.ClimateFeedback + h })
            - AnalyticJ(p with { ClimateFeedback = p.ClimateFeedback - h })) / (2 * h);
        double fdF4x = (AnalyticJ(p with { Forcing4xCO2 = p.Forcing4xCO2 + h })
            - AnalyticJ(p with { Forcing4xCO2 = p.Forcing4xCO2 - h })) / (2 * h);
        Assert.Equal(fdLambda, grad[TwoLayerParameterTable.All.IndexOf("climate_feedback")], 1e-6 * Math.Abs(fdLambda));
        Assert.Equal(fdF4x, grad[TwoLayerParameterTable.All.IndexOf("forcing_4xco2")], 1e-6 * Math.Abs(fdF4x));
        // Linear in F₄ₓ: J = F₄ₓ · dJ/dF₄ₓ.
        Assert.Equal(AnalyticJ(p), p.Forcing4xCO2 * grad[0], 1e-9);
        Assert.Equal(60, nc.ReadVariable("sensitivity/dJ_dforcing").Values.Length);
    }
}
