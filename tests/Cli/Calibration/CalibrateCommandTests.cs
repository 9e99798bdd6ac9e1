using System.Globalization;
using ClimateAD.IO.Data;
using ClimateAD.TestKit;
using Xunit;

namespace ClimateAD.Cli.Tests.Calibration;

/// <summary><c>climatead calibrate</c> end to end: the twin, exact resumption, the CMIP6 table and the historical calibration.</summary>
public sealed class CalibrateCommandTests
{
    private static readonly string[] TruthNames =
        ["forcing_4xco2", "climate_feedback", "upper_heat_capacity", "deep_heat_capacity", "heat_exchange_coefficient", "deep_ocean_efficacy"];

    private static (int Code, string Out) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout + stderr.ToString());
    }

    /// <summary>The twin file with a shorter run and another method, for quick tests.</summary>
    private static string TwinVariant(TempFolder folder, string method, int years = 80)
    {
        string text = File.ReadAllText(RepositoryPaths.Combine("calibrations", "abrupt4xco2-twin.toml"))
            .Replace("years = 150", FormattableString.Invariant($"years = {years}"))
            .Replace("[method]\nname = \"gauss-newton\"\nmax_iterations = 30", "[method]\n" + method)
            .Replace("plots = true", "plots = false");
        string path = folder.File("twin.toml");
        File.WriteAllText(path, text);
        return path;
    }

    private static Dictionary<string, double[]> Posterior(string csv) =>
        File.ReadLines(csv).Where(l => !l.StartsWith('#')).Skip(1).Select(l => l.Split(','))
            .ToDictionary(c => c[0], c => c.Skip(2).Where(s => s.Length > 0).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray());

    [Fact]
    public void Twin_ShippedFile_RecoversTruthWithin2SigmaIn28Runs()
    {
        using var folder = new TempFolder();
        var (code, text) = Run("calibrate", RepositoryPaths.Combine("calibrations", "abrupt4xco2-twin.toml"), "-o", folder.Path);
        Assert.True(code == 0, text);
        Assert.Matches(@"\n\s+3\s+1\.55\d+E\+002", text); // progress line of iteration 3 with its cost
        var post = Posterior(Path.Combine(folder.Path, "abrupt4xco2-twin-posterior.csv"));
        foreach (var name in TruthNames)
        {
            var (mean, sd, truth) = (post[name][1], post[name][2], post[name][3]);
            Assert.True(Math.Abs(mean - truth) <= 2 * sd, $"{name}: {mean} ± {sd}, truth {truth}");
            Assert.True(Math.Abs(mean - truth) <= (name == "deep_ocean_efficacy" ? 0.10 : 0.05) * truth, $"{name}: {mean} vs {truth}");
        }
        var results = Path.Combine(folder.Path, "abrupt4xco2-twin-results.h5");
        using var f = Hdf5RecordFile.OpenRead(results);
        Assert.InRange(f.ReadDouble("/", "forward_equivalent_runs"), 20, 30);
        Assert.Equal(150, f.ReadDoubles("fit/0_tas/observed").Length);
        foreach (var png in new[] { "convergence", "fit-1-tas", "fit-2-toa_imbalance" })
            Assert.True(new FileInfo(Path.Combine(folder.Path, $"abrupt4xco2-twin-{png}.png")).Length > 10_000, png);
    }

    [Theory]
    [InlineData("name = \"gauss-newton\"", 1)]
    [InlineData("name = \"lbfgs\"", 4)]
    [InlineData("name = \"adam\"\nmax_iterations = 60\nlearning_rate = 0.05", 25)]
    [InlineData("name = \"eki\"\nmembers = 20\nmax_iterations = 4", 2)]
    public void Resume_AfterInterruption_FinalResultBitIdentical(string method, int stopAfter)
    {
        using var folder = new TempFolder();
        string file = TwinVariant(folder, method);
        string a = Path.Combine(folder.Path, "a"), b = Path.Combine(folder.Path, "b");
        var (c1, t1) = Run("calibrate", file, "-o", a);
        Assert.True(c1 == 0, t1);
        var (c2, t2) = Run("calibrate", file, "-o", b, "--stop-after", stopAfter.ToString(CultureInfo.InvariantCulture));
        Assert.True(c2 == 0, t2);
        Assert.Contains($"Stopped after {stopAfter} iterations as asked", t2);
        Assert.False(File.Exists(Path.Combine(b, "abrupt4xco2-twin-posterior.csv")));
        var (c3, t3) = Run("calibrate", file, "-o", b, "--resume");
        Assert.True(c3 == 0, t3);
        Assert.Contains($"Resuming from iteration {stopAfter}", t3);
        // Posterior written with round-trip formatting: equal files mean bit-identical results.
        Assert.Equal(File.ReadAllText(Path.Combine(a, "abrupt4xco2-twin-posterior.csv")), File.ReadAllText(Path.Combine(b, "abrupt4xco2-twin-posterior.csv")));
        using var la = Hdf5RecordFile.OpenRead(Path.Combine(a, "abrupt4xco2-twin-log.h5"));
        using var lb = Hdf5RecordFile.OpenRead(Path.Combine(b, "abrupt4xco2-twin-log.h5"));
        long n = la.ReadLong("/", "iterations");
        Assert.True(n > stopAfter + 1, $"{n} iterations");
        Assert.Equal(n, lb.ReadLong("/", "iterations"));
        Assert.Equal(la.ReadDoubles("u").Select(BitConverter.DoubleToInt64Bits), lb.ReadDoubles("u").Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(la.ReadDoubles("method_state").Select(BitConverter.DoubleToInt64Bits), lb.ReadDoubles("method_state").Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(la.ReadDoubles("cost").Select(BitConverter.DoubleToInt64Bits), lb.ReadDoubles("cost").Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(la.ReadLongs("counts"), lb.ReadLongs("counts"));
    }

    [Fact]
    public void Twin_PeriodMeansSubsampleAndAr1_ReduceTheDataAndStillRecoverTheTruth()
    {
        using var folder = new TempFolder();
        string text = File.ReadAllText(RepositoryPaths.Combine("calibrations", "abrupt4xco2-twin.toml"))
            .Replace("operator = \"annual-means\"\nerror = { model = \"diagonal\", sigma = 0.15 }",
                "operator = \"period-means\"\nperiod = 10\nerror = { model = \"diagonal\", sigma = 0.15 }")
            .Replace("operator = \"annual-means\"\nerror = { model = \"diagonal\", sigma = 0.4 }",
                "operator = \"subsample\"\nevery = 3\nfirst_year = 2\nreference = [1, 1]\nerror = { model = \"ar1\", sigma = 0.4, correlation = 0.3 }")
            .Replace("plots = true", "plots = false");
        Assert.Contains("period = 10", text);
        Assert.Contains("every = 3", text);
        string path = folder.File("twin.toml");
        File.WriteAllText(path, text);
        var (code, output) = Run("calibrate", path, "-o", folder.Path);
        Assert.True(code == 0, output);
        using var f = Hdf5RecordFile.OpenRead(Path.Combine(folder.Path, "abrupt4xco2-twin-results.h5"));
        // 15 decadal means of tas (σ 0.15/√10 each), centred at 5.5 + 0.5, …; N at years 2, 5, …, 149 minus year 1.
        Assert.Equal(15, f.ReadDoubles("fit/0_tas/observed").Length);
        Assert.Equal(6.0, f.ReadDoubles("fit/0_tas/time")[0], 12);
        Assert.Equal(0.15 / Math.Sqrt(10), f.ReadDoubles("fit/0_tas/sigma")[3], 12);
        Assert.Equal(50, f.ReadDoubles("fit/1_toa_imbalance/observed").Length);
        var best = f.ReadDoubles("fit/1_toa_imbalance/best");
        Assert.True(best.All(v => v < 0), "N anomalies relative to year 1 fall as the system warms");
        var post = Posterior(Path.Combine(folder.Path, "abrupt4xco2-twin-posterior.csv"));
        foreach (var name in TruthNames)
        {
            var (mean, sd, truth) = (post[name][1], post[name][2], post[name][3]);
            Assert.True(Math.Abs(mean - truth) <= 3 * sd, $"{name}: {mean} ± {sd}, truth {truth}");
        }
    }

    [Fact]
    public void Resume_ChangedFile_Refused()
    {
        using var folder = new TempFolder();
        string file = TwinVariant(folder, "name = \"gauss-newton\"");
        Assert.Equal(0, Run("calibrate", file, "-o", folder.Path, "--stop-after", "1").Code);
        File.AppendAllText(file, "# edited\n");
        var (code, text) = Run("calibrate", file, "-o", folder.Path, "--resume");
        Assert.Equal(2, code);
        Assert.Contains("different version of the calibration file", text);
    }

    /// <summary>
    /// EBM-ε fits of four CMIP6 models against Smith et al. (2021), IPCC AR6 WG1 Chapter 7
    /// Supplementary Material (two-layer EBM-ε parameters of CMIP6 abrupt-4xCO2 runs, fitted
    /// with the maximum-likelihood method of Cummins et al. 2020; values as tabulated in
    /// github.com/tsutsui1872/ar6-tlm, dataout/parms_calib.csv, rows "s21"):
    /// F₄ₓ, λ, ECS, TCR. Our estimator (least squares on annual means, white errors) gives
    /// F₄ₓ 7–11 % and λ 2–8 % below theirs but ECS within 3 % and TCR within 5 %: starting
    /// Gauss–Newton at their MIROC6 values lowers J from 248 to 230 and returns to our optimum,
    /// so the gap is the estimator, not convergence (docs/calibration.md).
    /// </summary>
    [Theory]
    [InlineData("CanESM5", 7.6149, 0.6585, 5.5045, 2.8517)]
    [InlineData("MIROC6", 7.7304, 1.3612, 2.7033, 1.6306)]
    [InlineData("HadGEM3-GC31-LL", 7.4570, 0.6236, 5.6920, 2.7872)]
    [InlineData("MPI-ESM1-2-LR", 9.2784, 1.4608, 3.0234, 1.9347)]
    public void Cmip6_ModelFit_MatchesSmith2021(string model, double f4x, double lambda, double ecs, double tcr)
    {
        using var folder = new TempFolder();
        var (code, text) = Run("calibrate", RepositoryPaths.Combine("calibrations", "cmip6-abrupt4xco2.toml"), "-o", folder.Path, "--model", model);
        Assert.True(code == 0, text);
        var row = File.ReadLines(Path.Combine(folder.Path, "cmip6-abrupt4xco2.csv")).Where(l => !l.StartsWith('#')).Skip(1).Single().Split(',');
        Assert.Equal(model, row[0]);
        double V(int i) => double.Parse(row[i], CultureInfo.InvariantCulture);
        Assert.InRange(V(2) / f4x, 0.87, 1.03);
        Assert.InRange(V(4) / lambda, 0.90, 1.03);
        Assert.InRange(V(14) / ecs, 0.95, 1.05);
        Assert.InRange(V(16) / tcr, 0.95, 1.06);
        // The committed table holds the same numbers.
        var committed = File.ReadLines(RepositoryPaths.Combine("calibrations", "results", "cmip6-abrupt4xco2.csv")).Single(l => l.StartsWith(model + ",", StringComparison.Ordinal));
        Assert.Equal(string.Join(',', row), committed);
    }

    /// <summary>
    /// The historical calibration: posterior ECS inside the AR6 very likely range 2–5 K
    /// (Forster et al. 2021, §7.5.5), TCR inside its very likely range 1.2–2.4 K, HadCRUT5 fit
    /// RMSE below 0.13 K (interannual variability alone is ≈ 0.1 K) and OHC RMSE below 20 ZJ
    /// (the AR6 1σ is 20–60 ZJ); SSP2-4.5 warming in 2100 inside the AR6 very likely range for
    /// 2081–2100, 2.1–3.5 K (AR6 WG1 SPM Table SPM.1).
    /// </summary>
    [Fact]
    public void Historical_PosteriorEcsInAr6RangeAndFitRmseBounded()
    {
        using var folder = new TempFolder();
        var (code, text) = Run("calibrate", RepositoryPaths.Combine("calibrations", "historical.toml"), "-o", folder.Path);
        Assert.True(code == 0, text);
        var post = Posterior(Path.Combine(folder.Path, "historical-posterior.csv"));
        Assert.InRange(post["ecs"][0], 2.0, 5.0); // ecs row: mean, sd (no first guess)
        Assert.InRange(post["tcr"][0], 1.2, 2.4);
        using var f = Hdf5RecordFile.OpenRead(Path.Combine(folder.Path, "historical-results.h5"));
        Assert.InRange(f.ReadDouble("fit/0_tas", "rmse"), 0.0, 0.13);
        Assert.InRange(f.ReadDouble("fit/1_ohc", "rmse"), 0.0, 20.0);
        var ssp245 = File.ReadLines(Path.Combine(folder.Path, "historical-projection-ssp245.csv")).Single(l => l.StartsWith("2100,", StringComparison.Ordinal)).Split(',');
        Assert.InRange(double.Parse(ssp245[1], CultureInfo.InvariantCulture), 2.1, 3.5);
    }
}
