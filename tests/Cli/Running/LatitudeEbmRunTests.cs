using ClimateAD.Grid.Latitude;
using ClimateAD.IO.Netcdf;
using ClimateAD.Physics.LatitudeEbm;
using Xunit;

namespace ClimateAD.Cli.Tests.Running;

/// <summary>
/// <c>climatead run</c> on ebm-latitude scenarios: a time run whose records equal an independent
/// integration through the Physics API, with a checkpointed sensitivity checked against finite
/// differences; and a [sweep] whose branch ends equal <see cref="SolarHysteresis.Sweep"/>.
/// </summary>
public sealed class LatitudeEbmRunTests
{
    private const int Cells = 18;

    private const string TimeRun = """
        # test: small latitude EBM run with deep ocean and a sensitivity of the last decade
        [scenario]
        name = "lat-test"
        [model]
        name = "ebm-latitude"
        cells = 18
        deep_ocean = true
        [parameters]
        solar_constant = 1340.0
        [initial]
        tas = 5.0
        [time]
        start = 1
        end = 40
        [output]
        file = "out/lat.nc"
        variables = ["tas", "tas_global", "ice_edge"]
        interval = 5.0
        [sensitivity]
        diagnostic = "mean_tas_global"
        period = [31, 40]
        memory_budget_mb = 0.002
        """;

    private static LatitudeEbmModel Model(bool deepOcean = true)
    {
        var grid = new LatitudeGrid(Cells);
        return new LatitudeEbmModel(grid, AnnualInsolation.FromOrbit(grid), deepOcean);
    }

    private static LatitudeEbmSnapshot[] Integrate(double solarConstant)
    {
        var model = Model();
        var theta = model.Parameters.Defaults();
        theta[0] = solarConstant;
        return new LatitudeEbmSimulation(model, theta, model.UniformState(5.0)).Run(40);
    }

    [Fact]
    public void Run_RecordsMatchIndependentIntegration_AndSensitivityMatchesFiniteDifferences()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.File("s.toml"), TimeRun);
        var (code, stdout, stderr) = CliProcess.Run(tmp.Path, "run", "s.toml", "--plain-progress");
        Assert.True(code == 0, stderr);
        Assert.Contains("binomial", stderr);

        var snaps = Integrate(1340.0);
        using var nc = NetcdfReader.Open(tmp.File("out/lat.nc"));
        Assert.Equal(8, nc.RecordCount);
        Assert.Equal(["time", "lat"], nc.GetVariable("tas").Dimensions);
        Assert.Equal(new LatitudeGrid(Cells).CentreLatitudes.ToArray(), nc.ReadVariable("lat").Values);
        for (int r = 0; r < 8; r++)
        {
            var window = snaps.Skip(5 * r).Take(5).ToArray();
            Assert.Equal(window.Average(s => s.GlobalMeanTemperature), nc.ReadRecord("tas_global", r)[0], 1e-12);
            Assert.Equal(window.Average(s => s.NorthernIceEdge), nc.ReadRecord("ice_edge", r)[0], 1e-10);
            Assert.Equal(window.Average(s => s.Temperature[3]), nc.ReadRecord("tas", r)[3], 1e-12);
        }

        static double J(LatitudeEbmSnapshot[] s) => s.Skip(30).Average(x => x.GlobalMeanTemperature);
        Assert.Equal(J(snaps), nc.ReadDoubleAttribute(null, "sensitivity_value"), 1e-12);
        double h = 1e-3;
        double fd = (J(Integrate(1340.0 + h)) - J(Integrate(1340.0 - h))) / (2 * h);
        double adjoint = nc.ReadVariable("sensitivity/dJ_dtheta").Values[0];
        Assert.True(Math.Abs(fd - adjoint) <= 1e-6 * Math.Abs(fd), $"dJ/dS0: adjoint {adjoint} vs finite difference {fd}");
    }

    [Fact]
    public void Sweep_WritesBothBranchesAndTheBistableRange()
    {
        const string sweep = """
            # test: coarse snowball hysteresis sweep
            [scenario]
            name = "sweep-test"
            [model]
            name = "ebm-latitude"
            cells = 18
            deep_ocean = false
            [sweep]
            parameter = "solar_constant"
            lower = 1100.0
            upper = 1900.0
            step = 50.0
            resolution = 1.0
            [output]
            file = "out/sweep.nc"
            variables = ["tas_global", "ice_edge"]
            [[plot]]
            file = "out/sweep.png"
            variable = "tas_global"
            """;
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.File("s.toml"), sweep);
        var (code, stdout, stderr) = CliProcess.Run(tmp.Path, "run", "s.toml");
        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(tmp.File("out/sweep.png")));

        var model = Model(deepOcean: false);
        var expected = SolarHysteresis.Sweep(model, model.Parameters.Defaults(), 1100, 1900, 50, 1.0);
        using var nc = NetcdfReader.Open(tmp.File("out/sweep.nc"));
        Assert.Equal(expected.WarmBranchLimit, nc.ReadDoubleAttribute(null, "warm_branch_limit"));
        Assert.Equal(expected.SnowballLimit, nc.ReadDoubleAttribute(null, "snowball_limit"));
        Assert.Equal("yes", nc.ReadStringAttribute(null, "bistable"));
        var t = nc.ReadVariable("tas_global");
        Assert.Equal([2L, 17L], t.Shape);
        // Branch 0 (down from warm) at S0 = 1400 is warm, branch 1 (up from snowball) is frozen.
        int i1400 = Array.IndexOf(nc.ReadVariable("solar_constant").Values, 1400.0);
        Assert.True(t.Values[i1400] > 0 && t.Values[17 + i1400] < -20, $"{t.Values[i1400]} / {t.Values[17 + i1400]}");
    }
}
