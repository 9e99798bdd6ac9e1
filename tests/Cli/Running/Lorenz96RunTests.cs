using ClimateAD.IO.Netcdf;
using ClimateAD.Physics.Lorenz96;
using Xunit;

namespace ClimateAD.Cli.Tests.Running;

/// <summary>
/// <c>climatead run</c> on a lorenz96-two-scale scenario: the records equal an independent
/// integration through the Physics API, the field variables have real k/j dimensions, and the
/// checkpointed sensitivity (multi-level, HDF5 disk snapshots) matches finite differences.
/// </summary>
public sealed class Lorenz96RunTests
{
    private const string Scenario = """
        # test: small two-scale Lorenz-96 run with a checkpointed sensitivity
        [scenario]
        name = "l96-test"
        [model]
        name = "lorenz96-two-scale"
        slow_variables = 8
        fast_per_slow = 4
        [parameters]
        forcing = 12.0
        [initial]
        spinup = 2.0
        seed = 7
        [time]
        start = 0
        end = 0
        step = 0.01
        [output]
        file = "out/l96.nc"
        variables = ["x", "y", "x_mean", "x_energy"]
        interval = 0.1
        [sensitivity]
        diagnostic = "mean_x"
        period = [0, 0]
        memory_budget_mb = 0.003
        disk_snapshots = 3
        """;

    private static (Rk4Step<TwoScaleLorenz96> Step, double[] Theta, double[] X0) Reference(double forcing)
    {
        var step = new Rk4Step<TwoScaleLorenz96>(new TwoScaleLorenz96(8, 4), 0.01);
        double[] theta = [forcing, 1.0, 10.0, 10.0];
        var x0 = Lorenz96InitialState.SpunUp(step, Lorenz96InitialState.Perturbed(step.StateLength, 8, forcing, 7), theta, 200);
        return (step, theta, x0);
    }

    // Step-end states x[1..100] from the spun-up state of F = 12; J = mean over them and over k of X_k.
    private static (double[][] States, double J) Integrate(double forcing)
    {
        var (step, theta, x) = Reference(12.0);
        theta[0] = forcing;
        var states = new double[100][];
        double j = 0;
        for (int n = 0; n < 100; n++)
        {
            var next = new double[x.Length];
            step.Forward(n, x, theta, next);
            states[n] = x = next;
            for (int k = 0; k < 8; k++) j += x[k] / 800.0;
        }
        return (states, j);
    }

    [Fact]
    public void Run_RecordsMatchIndependentIntegration_AndSensitivityMatchesFiniteDifferences()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.File("s.toml"), Scenario);
        var (code, stdout, stderr) = CliProcess.Run(tmp.Path, "run", "s.toml", "--plain-progress");
        Assert.True(code == 0, stderr);
        Assert.Contains("multi-level(ram=", stderr);
        var counted = System.Text.RegularExpressions.Regex.Match(stderr, @"counted (\d+) advance steps \(predicted (\d+)\)");
        Assert.True(counted.Success, stderr);
        Assert.Equal(counted.Groups[2].Value, counted.Groups[1].Value);

        var (states, j) = Integrate(12.0);
        using var nc = NetcdfReader.Open(tmp.File("out/l96.nc"));
        Assert.Equal(10, nc.RecordCount);
        Assert.Equal(["time", "k", "j"], nc.GetVariable("y").Dimensions);
        for (int r = 0; r < 10; r++)
        {
            var x = nc.ReadRecord("x", r);
            var y = nc.ReadRecord("y", r);
            double xMean = nc.ReadRecord("x_mean", r)[0];
            for (int k = 0; k < 8; k++)
            {
                double expected = Enumerable.Range(10 * r, 10).Average(n => states[n][k]);
                Assert.Equal(expected, x[k], 1e-12);
            }
            double y5 = Enumerable.Range(10 * r, 10).Average(n => states[n][8 + 5]);
            Assert.Equal(y5, y[5], 1e-12);
            Assert.Equal(x.Average(), xMean, 1e-12);
        }

        Assert.Equal(j, nc.ReadDoubleAttribute(null, "sensitivity_value"), 1e-12);
        var grad = nc.ReadVariable("sensitivity/dJ_dtheta").Values;
        double h = 1e-6;
        double fd = (Integrate(12.0 + h).J - Integrate(12.0 - h).J) / (2 * h);
        Assert.True(Math.Abs(fd - grad[0]) <= 1e-5 * Math.Abs(fd), $"dJ/dF adjoint {grad[0]} vs finite difference {fd}");
    }

    [Fact]
    public void Gradcheck_Lorenz96Scenario_AllChecksPass()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.File("s.toml"), Scenario);
        var (code, stdout, stderr) = CliProcess.Run(tmp.Path, "gradcheck", "s.toml");
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("scenario l96-test (10 steps)", stdout);
        Assert.Contains("Lorenz96.TwoScale.Rk4", stdout);
        Assert.Contains("checks passed", stdout);
    }
}
