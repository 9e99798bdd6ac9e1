using System.Globalization;
using System.Text;
using ClimateAD.Calibration.Experiments;
using ClimateAD.IO.Data;
using ClimateAD.IO.Scenarios;

namespace ClimateAD.Cli.Calibration;

/// <summary>
/// The <c>cmip6-abrupt4xco2</c> experiment: EBM-ε calibrated to every model's (first complete
/// member's) abrupt-4xCO2 annual tas and N anomalies of years 1..Y with
/// <see cref="AbruptCo2Fit"/> (Gregory first guess, Gauss–Newton on annual means of a monthly
/// model, σ re-estimated from the residuals, Laplace 1σ), written as one table row per model:
/// F₄ₓ, λ, C, C₀, γ, ε, ECS = F₄ₓ/(2λ), TCR (1pctCO2 year 70), each with 1σ, the residual RMS of
/// tas and N, and the model runs used. Models are fitted in parallel.
/// </summary>
internal static class Cmip6Table
{
    /// <summary>Column stems of the six parameters, in θ order.</summary>
    public static IReadOnlyList<string> ParameterColumns { get; } = ["f4x", "lambda", "c", "c0", "gamma", "epsilon"];

    /// <summary>Fits every selected model and writes <c>&lt;name&gt;.csv</c> and <c>&lt;name&gt;.h5</c>; returns the rows and files.</summary>
    public static (IReadOnlyList<AbruptCo2FitResult> Rows, IReadOnlyList<string> Files) Run(CalibrationSpec spec, string folder, IReadOnlyList<string> onlyModels, TextWriter stdout)
    {
        var e = spec.Experiment;
        var all = Cmip6AnomalyLoader.Load(e.Cmip6File!);
        var series = Cmip6AnomalyLoader.OneMemberPerModel(all, e.Years);
        var wanted = onlyModels.Count > 0 ? onlyModels : e.Models;
        foreach (var w in wanted)
            if (!series.Any(s => s.Model == w))
                throw new ScenarioException(spec.File, 0, "experiment.models", $"no complete {e.Years}-year series of model '{w}' in {e.Cmip6File}",
                    "valid: " + string.Join(", ", series.Select(s => s.Model)));
        if (wanted.Count > 0) series = series.Where(s => wanted.Contains(s.Model)).ToList();
        stdout.WriteLine($"Calibrating EBM-ε to {series.Count} CMIP6 models' abrupt-4xCO2 tas and N, years 1-{e.Years}, {e.StepsPerYear} steps per year (Gauss-Newton, Laplace 1 sigma)");
        var rows = series.AsParallel().AsOrdered()
            .Select(s => AbruptCo2Fit.Fit(s.Model, s.Member, s.Temperature[..e.Years], s.ToaImbalance[..e.Years], e.StepsPerYear)).ToList();
        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine($"  {"model",-18} {"F4x",12} {"lambda",12} {"ECS",12} {"TCR",12} {"runs",6}");
        foreach (var r in rows)
            stdout.WriteLine(string.Create(inv, $"  {r.Model,-18} {Pm(r.Parameters[0], r.StandardDeviations[0]),12} {Pm(r.Parameters[1], r.StandardDeviations[1]),12} {Pm(r.Ecs, r.EcsSd),12} {Pm(r.Tcr, r.TcrSd),12} {r.Runs,6:F0}") + (r.Converged ? "" : "  (not converged)"));

        Directory.CreateDirectory(folder);
        string stem = Path.Combine(folder, spec.Name);
        var csv = new StringBuilder();
        csv.AppendLine($"# EBM-epsilon calibrated to CMIP6 abrupt-4xCO2 (years 1-{e.Years}) by climatead calibrate {Path.GetFileName(spec.File)}; 1-sigma from the Laplace approximation with sigma_T, sigma_N re-estimated from the residuals");
        csv.AppendLine("model,member," + string.Join(",", ParameterColumns.SelectMany(c => new[] { c, c + "_sd" })) + ",ecs,ecs_sd,tcr,tcr_sd,rmse_tas,rmse_n,runs,converged");
        foreach (var r in rows)
        {
            csv.Append(r.Model).Append(',').Append(r.Member);
            for (int i = 0; i < 6; i++) csv.Append(string.Create(inv, $",{r.Parameters[i]:G6},{r.StandardDeviations[i]:G4}"));
            csv.AppendLine(string.Create(inv, $",{r.Ecs:G6},{r.EcsSd:G4},{r.Tcr:G6},{r.TcrSd:G4},{r.TemperatureRmse:G4},{r.ImbalanceRmse:G4},{r.Runs:F0},{(r.Converged ? 1 : 0)}"));
        }
        File.WriteAllText(stem + ".csv", csv.ToString());
        using (var f = Hdf5RecordFile.Create(stem + ".h5"))
        {
            f.WriteAttribute("/", "climatead_kind", "cmip6-ebm-calibration");
            f.WriteAttribute("/", "models", string.Join(",", rows.Select(r => r.Model)));
            f.WriteAttribute("/", "members", string.Join(",", rows.Select(r => r.Member)));
            f.WriteAttribute("/", "years", (long)e.Years);
            for (int i = 0; i < 6; i++)
            {
                f.WriteDoubles(ParameterColumns[i], rows.Select(r => r.Parameters[i]).ToArray());
                f.WriteDoubles(ParameterColumns[i] + "_sd", rows.Select(r => r.StandardDeviations[i]).ToArray());
            }
            f.WriteDoubles("ecs", rows.Select(r => r.Ecs).ToArray());
            f.WriteDoubles("ecs_sd", rows.Select(r => r.EcsSd).ToArray());
            f.WriteDoubles("tcr", rows.Select(r => r.Tcr).ToArray());
            f.WriteDoubles("tcr_sd", rows.Select(r => r.TcrSd).ToArray());
            f.WriteDoubles("rmse_tas", rows.Select(r => r.TemperatureRmse).ToArray());
            f.WriteDoubles("rmse_n", rows.Select(r => r.ImbalanceRmse).ToArray());
            f.WriteDoubles("runs", rows.Select(r => r.Runs).ToArray());
        }
        return (rows, [stem + ".csv", stem + ".h5"]);
    }

    private static string Pm(double v, double sd) => string.Create(CultureInfo.InvariantCulture, $"{v:F2}±{sd:F2}");
}
