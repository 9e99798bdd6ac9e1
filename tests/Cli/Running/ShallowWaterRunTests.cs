using ClimateAD.IO.Netcdf;
using ClimateAD.Physics.ShallowWater;
using Xunit;

namespace ClimateAD.Cli.Tests.Running;

/// <summary>
/// <c>climatead run</c> on the shallow-water scenario models: records equal the means of an independent
/// integration through the Physics API; centred vorticity of Williamson test case 2 equals the analytic
/// 2 u₀ sin φ / a; a blow-up stops with one line naming step, field and place and keeps the records
/// before it; final-state maps are written when the scenario has plots.
/// </summary>
public sealed class ShallowWaterRunTests
{
    // 12×12 basin, 300 s steps (1/288 day), one day, records every 36 steps.
    internal const string DoubleGyre = """
        [scenario]
        name = "gyre-test"
        [model]
        name = "swe-double-gyre"
        integrator = "INTEGRATOR"
        cells = 12
        [parameters]
        laplacian_viscosity = 3e4
        wind_stress_amplitude = 0.2
        [time]
        start = 0
        end = 0
        step = 0.003472222222222222
        [output]
        file = "out/g.nc"
        variables = ["h", "u", "v", "vorticity", "mass", "energy", "enstrophy"]
        interval = 0.125
        """;

    private const double TimeStep = 300.0;

    [Fact]
    public void Run_DoubleGyre_RecordsAreMeansOfIndependentIntegration()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.File("s.toml"), DoubleGyre.Replace("INTEGRATOR", "ssp-rk3"));
        var (code, _, stderr) = CliProcess.Run(tmp.Path, "run", "s.toml", "--plain-progress", "--device", "cpu");
        Assert.True(code == 0, stderr);

        var setup = ShallowWaterSetups.DoubleGyre(12, viscosity: 3e4, windStress: 0.2, dampingTime: 10 * 86400.0, timeStep: TimeStep);
        using var sim = setup.CreateSimulation();
        int n = 144;
        using var nc = NetcdfReader.Open(tmp.File("out/g.nc"));
        Assert.Equal(8, nc.RecordCount);
        Assert.Equal(["time", "y", "x"], nc.GetVariable("h").Dimensions);
        Assert.Equal(50e3, nc.ReadVariable("x").Values[0], 1e-6); // 100 km cells
        Assert.Equal(-450e3, nc.ReadVariable("y").Values[1], 1e-6); // from the basin centre
        double mass0 = sim.Diagnostics().Mass;
        for (int r = 0; r < 8; r++)
        {
            var sumH = new double[n];
            var sumU = new double[n];
            double sumEnergy = 0;
            for (int k = 0; k < 36; k++)
            {
                sim.Run(1);
                var x = sim.GetState();
                for (int c = 0; c < n; c++)
                {
                    sumH[c] += x[c];
                    sumU[c] += x[n + c];
                }
                sumEnergy += sim.Diagnostics().Energy;
            }
            var h = nc.ReadRecord("h", r);
            var u = nc.ReadRecord("u", r);
            for (int c = 0; c < n; c++) Assert.Equal(sumH[c] / 36, h[c], 1e-10);
            // u at the centre of cell (5, 3): the mean of its west and east faces.
            int j = 3, i = 5;
            Assert.Equal(0.5 * (sumU[j * 12 + i] + sumU[j * 12 + i + 1]) / 36, u[j * 12 + i], 1e-13);
            // The west wall face is closed: the first cell's centred u is half its east face.
            Assert.Equal(0.5 * sumU[j * 12 + 1] / 36, u[j * 12], 1e-13);
            Assert.Equal(sumEnergy / 36, nc.ReadRecord("energy", r)[0], sumEnergy / 36 * 1e-12);
            Assert.Equal(mass0, nc.ReadRecord("mass", r)[0], mass0 * 1e-12);
        }
        Assert.Equal("complete", nc.ReadStringAttribute(null, "run_status"));
    }

    [Fact]
    public void Run_WilliamsonTc2_CentredVorticityMatchesAnalyticAndThicknessStaysExact()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.File("s.toml"), """
            [scenario]
            name = "tc2-test"
            [model]
            name = "swe-williamson-tc2"
            cells = 32
            [time]
            start = 0
            end = 0
            step = 0.006944444444444444
            [output]
            file = "out/tc2.nc"
            variables = ["vorticity", "u", "h_error", "mass"]
            interval = 0.25
            """);
        var (code, _, stderr) = CliProcess.Run(tmp.Path, "run", "s.toml", "--plain-progress", "--device", "cpu");
        Assert.True(code == 0, stderr);
        using var nc = NetcdfReader.Open(tmp.File("out/tc2.nc"));
        Assert.Equal(["time", "lat", "lon"], nc.GetVariable("vorticity").Dimensions);
        var lat = nc.ReadVariable("lat").Values;
        var lon = nc.ReadVariable("lon").Values;
        Assert.Equal(32, lon.Length);
        Assert.Equal(5.625, lon[0], 1e-9);
        double a = ShallowWaterSetups.WilliamsonRadius, u0 = 2 * Math.PI * a / (12 * 86400.0);
        var zeta = nc.ReadRecord("vorticity", 0);
        var u = nc.ReadRecord("u", 0);
        double worst = 0;
        for (int j = 2; j < lat.Length - 2; j++) // rows next to the walls see the closed corners
        {
            double phi = lat[j] * Math.PI / 180, exact = 2 * u0 * Math.Sin(phi) / a;
            for (int i = 0; i < lon.Length; i++) worst = Math.Max(worst, Math.Abs(zeta[j * lon.Length + i] - exact));
            Assert.Equal(u0 * Math.Cos(phi), u[j * lon.Length + 7], 1e-2 * u0);
        }
        // Second-order truncation at 11.25°: |Δζ| ≲ (Δφ²/6)·2u₀/a ≈ 0.7 % of the largest ζ; allow 2 %.
        Assert.True(worst < 0.02 * 2 * u0 / a, $"largest vorticity error {worst:G3} s-1");
        Assert.True(worst > 0, "the centred vorticity cannot be exact on a 11.25-degree grid");
        foreach (var r in Enumerable.Range(0, 4)) Assert.True(nc.ReadRecord("h_error", r)[0] < 30, "TC2 thickness drifted");
    }

    [Fact]
    public void Run_BlowUp_StopsWithOneLineNamingStepFieldAndPlace_KeepsEarlierRecords()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.File("s.toml"), """
            # 10 m deep basin, 5 N m-2 wind, no viscosity or drag: the flow outruns the time step
            [scenario]
            name = "blowup"
            [model]
            name = "swe-double-gyre"
            cells = 16
            depth = 10.0
            [parameters]
            wind_stress_amplitude = 5.0
            linear_drag_time = 1e9
            laplacian_viscosity = 0.0
            [time]
            start = 0
            end = 19
            step = 0.003472222222222222
            [output]
            file = "out/b.nc"
            variables = ["h", "energy", "max_cfl"]
            interval = 0.125
            """);
        var (code, _, stderr) = CliProcess.Run(tmp.Path, "run", "s.toml", "--plain-progress", "--device", "cpu");
        Assert.Equal(1, code);
        var line = stderr.Split('\n').Single(l => l.StartsWith("climatead:", StringComparison.Ordinal));
        Assert.Contains("s.toml", line);
        Assert.Contains("at step 108", line);
        Assert.Matches(@"[huv]\(\d+, \d+\) belongs to the cell centred at x -?[\d.]+ km, y -?[\d.]+ km", line);
        Assert.DoesNotContain("   at ", stderr);
        using var nc = NetcdfReader.Open(tmp.File("out/b.nc"));
        Assert.Equal("incomplete", nc.ReadStringAttribute(null, "run_status"));
        Assert.Equal(2, nc.RecordCount); // steps 1-36 and 37-72; the third record would end at step 108
        Assert.All(nc.ReadRecord("h", 1), h => Assert.True(double.IsFinite(h)));
        Assert.True(nc.ReadRecord("max_cfl", 1)[0] < 1);
    }

    [Fact]
    public void Run_WithPlots_WritesFinalStateMapsOfThicknessAndVorticity()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.File("s.toml"), DoubleGyre.Replace("INTEGRATOR", "rk4") + """

            [[plot]]
            file = "out/energy.png"
            variable = "energy"
            """);
        var (code, stdout, stderr) = CliProcess.Run(tmp.Path, "run", "s.toml", "--plain-progress", "--device", "cpu");
        Assert.True(code == 0, stderr);
        foreach (var name in new[] { "out/g_h_map.png", "out/g_vorticity_map.png" })
        {
            Assert.Contains("Wrote " + Path.Combine("out", Path.GetFileName(name)), stdout.Replace(tmp.Path + Path.DirectorySeparatorChar, ""));
            var bytes = File.ReadAllBytes(tmp.File(name));
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
            // A 1000×640 heatmap with a colour bar and labels compresses to well over 10 kB; a blank image to ~5 kB.
            Assert.True(bytes.Length > 10_000, $"{name} has only {bytes.Length} bytes");
        }
    }
}
