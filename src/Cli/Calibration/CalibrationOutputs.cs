using System.Globalization;
using System.Text;
using ClimateAD.IO.Data;
using ClimateAD.IO.Plots;
using ClimateAD.Physics.Parameters;

namespace ClimateAD.Cli.Calibration;

/// <summary>
/// Writes a finished calibration: the posterior table printed and as
/// <c>&lt;name&gt;-posterior.csv</c> (mean, 1σ, first guess, truth for twins; ECS and TCR),
/// <c>&lt;name&gt;-correlation.csv</c>, <c>&lt;name&gt;-results.h5</c> (the same plus the
/// convergence history, the fit with its bands and the projections), and PNG plots of the
/// convergence, of each observed variable against the model with 2σ posterior predictive bands
/// (parameter uncertainty; observations with their own 2σ), and of each projection.
/// </summary>
internal static class CalibrationOutputs
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Prints the posterior and writes the files into <paramref name="folder"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Write(CalibrationOutcome r, string folder, TextWriter stdout)
    {
        var setup = r.Setup;
        var spec = setup.Spec;
        var names = setup.Free.Names;
        var table = setup.Free.Table;
        var units = names.Select(nm => table[table.IndexOf(nm)].Units).ToArray();
        var truth = setup.TruthTheta is { } tt ? setup.Free.Extract(tt) : null;
        var files = new List<string>();
        string stem = Path.Combine(folder, spec.Name);

        stdout.WriteLine(string.Create(Inv, $"Posterior ({r.Uncertainty}); J = {r.Result.Cost:G8}, {r.Result.Counts.ForwardEquivalentRuns:F1} forward-equivalent runs:"));
        stdout.WriteLine($"  {"parameter",-34} {"mean",12} {"1 sigma",12}  {"units",-14}" + (truth is null ? "" : $" {"truth",12}"));
        for (int i = 0; i < names.Count; i++)
            stdout.WriteLine(string.Create(Inv, $"  {names[i],-34} {r.Mean[i],12:G6} {r.Sd[i],12:G4}  {units[i],-14}") + (truth is null ? "" : string.Create(Inv, $" {truth[i],12:G6}")));
        stdout.WriteLine(string.Create(Inv, $"  {"ECS",-34} {r.Ecs,12:G4} {r.EcsSd,12:G3}  {"K",-14}"));
        stdout.WriteLine(string.Create(Inv, $"  {"TCR",-34} {r.Tcr,12:G4} {r.TcrSd,12:G3}  {"K",-14}"));
        stdout.WriteLine("Posterior correlations:");
        stdout.WriteLine("  " + new string(' ', 12) + string.Concat(names.Select(n => Abbreviation(table[table.IndexOf(n)]).PadLeft(8))));
        for (int i = 0; i < names.Count; i++)
            stdout.WriteLine("  " + Abbreviation(table[table.IndexOf(names[i])]).PadRight(12) + string.Concat(Enumerable.Range(0, names.Count).Select(j => r.Correlation[i, j].ToString("F2", Inv).PadLeft(8))));
        for (int k = 0; k < setup.Problem.Observations.Count; k++)
            stdout.WriteLine(string.Create(Inv, $"  fit RMSE {setup.Data[k].Label}: {r.Rmse[k]:G4} {setup.Data[k].Units}"));

        var csv = new StringBuilder();
        csv.AppendLine("# " + spec.Name + ": posterior from climatead calibrate " + Path.GetFileName(spec.File) + "; " + r.Uncertainty);
        csv.AppendLine("parameter,units,first_guess,mean,sd" + (truth is null ? "" : ",truth"));
        for (int i = 0; i < names.Count; i++)
            csv.AppendLine(string.Create(Inv, $"{names[i]},{units[i]},{setup.FirstGuess[i]:R},{r.Mean[i]:R},{r.Sd[i]:R}") + (truth is null ? "" : string.Create(Inv, $",{truth[i]:R}")));
        csv.AppendLine(string.Create(Inv, $"ecs,K,,{r.Ecs:R},{r.EcsSd:R}") + (truth is null ? "" : string.Create(Inv, $",{setup.Ecs(setup.TruthTheta!):R}")));
        csv.AppendLine(string.Create(Inv, $"tcr,K,,{r.Tcr:R},{r.TcrSd:R}") + (truth is null ? "" : string.Create(Inv, $",{setup.Tcr(setup.TruthTheta!):R}")));
        files.Add(WriteText(stem + "-posterior.csv", csv.ToString()));

        var corr = new StringBuilder();
        corr.AppendLine("parameter," + string.Join(",", names));
        for (int i = 0; i < names.Count; i++)
            corr.AppendLine(names[i] + "," + string.Join(",", Enumerable.Range(0, names.Count).Select(j => r.Correlation[i, j].ToString("F4", Inv))));
        files.Add(WriteText(stem + "-correlation.csv", corr.ToString()));

        string h5 = stem + "-results.h5";
        using (var f = Hdf5RecordFile.Create(h5))
        {
            f.WriteAttribute("/", "climatead_kind", "calibration-results");
            f.WriteAttribute("/", "calibration", spec.Name);
            f.WriteAttribute("/", "method", r.Result.Method);
            f.WriteAttribute("/", "uncertainty", r.Uncertainty);
            f.WriteAttribute("/", "parameters", string.Join(",", names));
            f.WriteAttribute("/", "units", string.Join(",", units));
            f.WriteAttribute("/", "cost", r.Result.Cost);
            f.WriteAttribute("/", "forward_equivalent_runs", r.Result.Counts.ForwardEquivalentRuns);
            f.WriteAttribute("/", "converged", r.Result.Converged ? 1L : 0L);
            f.WriteAttribute("/", "ecs", new[] { r.Ecs, r.EcsSd });
            f.WriteAttribute("/", "tcr", new[] { r.Tcr, r.TcrSd });
            f.WriteDoubles("first_guess", setup.FirstGuess);
            f.WriteDoubles("mean", r.Mean);
            f.WriteDoubles("sd", r.Sd);
            if (truth is not null) f.WriteDoubles("truth", truth);
            f.WriteDoubles("correlation", Flatten(r.Correlation), names.Count, names.Count);
            var h = r.Result.History;
            f.WriteDoubles("history_cost", h.Select(s => s.Cost).ToArray());
            f.WriteDoubles("history_gradient_norm", h.Select(s => s.GradientNorm).ToArray());
            f.WriteDoubles("history_runs", h.Select(s => s.Counts.ForwardEquivalentRuns).ToArray());
            f.CreateGroup("fit");
            int offset = 0;
            for (int k = 0; k < setup.Problem.Observations.Count; k++)
            {
                var o = setup.Problem.Observations[k];
                string g = "fit/" + k.ToString(Inv) + "_" + o.Name;
                f.CreateGroup(g);
                f.WriteAttribute(g, "label", setup.Data[k].Label);
                f.WriteAttribute(g, "units", o.Units);
                f.WriteAttribute(g, "rmse", r.Rmse[k]);
                f.WriteDoubles(g + "/time", o.Times.ToArray());
                f.WriteDoubles(g + "/observed", o.Term.Observations.ToArray());
                f.WriteDoubles(g + "/sigma", (o.Sigma ?? []).ToArray());
                f.WriteDoubles(g + "/best", r.Best.AsSpan(offset, o.Count));
                f.WriteDoubles(g + "/lower_2sigma", r.Lower.AsSpan(offset, o.Count));
                f.WriteDoubles(g + "/upper_2sigma", r.Upper.AsSpan(offset, o.Count));
                offset += o.Count;
            }
            if (r.Projections.Count > 0) f.CreateGroup("projections");
            foreach (var pr in r.Projections)
            {
                string g = "projections/" + pr.Name;
                f.CreateGroup(g);
                f.WriteDoubles(g + "/time", pr.Time);
                f.WriteDoubles(g + "/tas_best", pr.Best);
                f.WriteDoubles(g + "/tas_lower_2sigma", pr.Lower);
                f.WriteDoubles(g + "/tas_upper_2sigma", pr.Upper);
                f.WriteDoubles(g + "/tas_p05", pr.P05);
                f.WriteDoubles(g + "/tas_p95", pr.P95);
            }
        }
        files.Add(h5);

        foreach (var pr in r.Projections)
        {
            var pc = new StringBuilder();
            pc.AppendLine($"# {spec.Name} projection {pr.Name}: annual-mean surface temperature (K){(pr.Reference is { } rf ? $" relative to {rf.First}-{rf.Last}" : "")}; best fit, 2-sigma and 5-95 % of {r.PredictiveSamples} posterior draws");
            pc.AppendLine("year,tas_best,tas_lower_2sigma,tas_upper_2sigma,tas_p05,tas_p95");
            for (int y = 0; y < pr.Time.Length; y++)
                pc.AppendLine(string.Create(Inv, $"{pr.Time[y] - 0.5:F0},{pr.Best[y]:F4},{pr.Lower[y]:F4},{pr.Upper[y]:F4},{pr.P05[y]:F4},{pr.P95[y]:F4}"));
            files.Add(WriteText($"{stem}-projection-{pr.Name}.csv", pc.ToString()));
        }

        if (spec.Output.Plots)
        {
            var hist = r.Result.History;
            var it = hist.Select(s => (double)s.Iteration).ToArray();
            var series = new List<PlotSeries> { new("log10 J", it, hist.Select(s => Math.Log10(Math.Max(s.Cost, 1e-300))).ToArray()) };
            var withGrad = hist.Where(s => double.IsFinite(s.GradientNorm) && s.GradientNorm > 0).ToArray();
            if (withGrad.Length > 0)
                series.Add(new PlotSeries("log10 |grad J|", withGrad.Select(s => (double)s.Iteration).ToArray(), withGrad.Select(s => Math.Log10(s.GradientNorm)).ToArray()));
            string conv = stem + "-convergence.png";
            TimeSeriesPlot.Save(conv, $"{spec.Name}: convergence ({r.Result.Method})", "Iteration", "log10", series);
            files.Add(conv);
            int offset = 0;
            for (int k = 0; k < setup.Problem.Observations.Count; k++)
            {
                var o = setup.Problem.Observations[k];
                var t = o.Times.ToArray();
                var y = o.Term.Observations.ToArray();
                var s = (o.Sigma ?? new double[o.Count]).ToArray();
                var obs = new PlotSeries("observed (2 sigma)", t, y, y.Select((v, i) => v - 2 * s[i]).ToArray(), y.Select((v, i) => v + 2 * s[i]).ToArray(), IsObservation: true);
                var model = new PlotSeries("model, posterior mean (2 sigma)", t, r.Best.AsSpan(offset, o.Count).ToArray(),
                    r.Lower.AsSpan(offset, o.Count).ToArray(), r.Upper.AsSpan(offset, o.Count).ToArray());
                string png = $"{stem}-fit-{k + 1}-{o.Name}.png";
                TimeSeriesPlot.Save(png, $"{spec.Name}: {setup.Data[k].Label}", "Year", $"{o.Name} ({o.Units})", [obs, model]);
                files.Add(png);
                offset += o.Count;
            }
            foreach (var pr in r.Projections)
            {
                string png = $"{stem}-projection-{pr.Name}.png";
                TimeSeriesPlot.Save(png, $"{spec.Name}: {pr.Name}", "Year",
                    "Surface temperature (K" + (pr.Reference is { } rf ? $", rel. {rf.First}-{rf.Last})" : ")"),
                    [new PlotSeries("posterior mean (2 sigma)", pr.Time, pr.Best, pr.Lower, pr.Upper)]);
                files.Add(png);
            }
        }
        return files;
    }

    /// <summary>A short column label: the parameter's symbol (λ, C₀, …), or for the scale factors <c>s_</c> and the group, e.g. <c>s_aerosol</c> → <c>s_aer</c>.</summary>
    private static string Abbreviation(ParameterSpec spec) =>
        spec.Symbol == "s" && spec.Name.StartsWith("forcing_scale_", StringComparison.Ordinal)
            ? "s_" + spec.Name["forcing_scale_".Length..][..Math.Min(5, spec.Name.Length - "forcing_scale_".Length)]
            : spec.Symbol;

    private static double[] Flatten(double[,] a)
    {
        int n = a.GetLength(0), m = a.GetLength(1);
        var r = new double[n * m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) r[i * m + j] = a[i, j];
        return r;
    }

    private static string WriteText(string path, string text)
    {
        File.WriteAllText(path, text);
        return path;
    }
}
