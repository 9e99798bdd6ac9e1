using ClimateAD.Calibration.Models;
using ClimateAD.Calibration.Objectives;
using ClimateAD.Calibration.Optimisers;
using ClimateAD.Calibration.Transforms;
using ClimateAD.Calibration.Uncertainty;
using ClimateAD.Physics.EnergyBalance;
using ClimateAD.Physics.Forcing;

namespace ClimateAD.Calibration.Experiments;

/// <summary>
/// Fits the EBM-ε (six physical parameters) to a climate model's abrupt-4xCO2 annual-mean
/// temperature and TOA imbalance anomalies, in the manner of Geoffroy et al. (2013b, J. Climate
/// 26, 1859) but by maximum likelihood with adjoint/tangent derivatives instead of their
/// iterative regression:
/// <list type="number">
/// <item>first guess: F₄ₓ and λ from the Gregory regression N = F₄ₓ − λT over all years
/// (Gregory et al. 2004), the others at the table defaults;</item>
/// <item>Gauss–Newton fit of annual means of a model with several steps per year
/// (<see cref="TwoLayerObservations"/>) with σ_T = 0.15 K, σ_N = 0.4 W m⁻²;</item>
/// <item>the errors re-estimated as the RMS residual of each variable, and the fit repeated from
/// the optimum, so that the Laplace σ reflect the actual misfit (including the EBM's structural
/// error, treated as white noise, which understates σ when residuals are autocorrelated).</item>
/// </list>
/// </summary>
public static class AbruptCo2Fit
{
    /// <summary>Fits one run.</summary>
    /// <param name="model">Model name (for the result).</param>
    /// <param name="member">Member (for the result).</param>
    /// <param name="temperature">tas anomalies of model years 1..Y, K.</param>
    /// <param name="imbalance">N anomalies of model years 1..Y, W m⁻².</param>
    /// <param name="stepsPerYear">Model steps per year (default 12).</param>
    public static AbruptCo2FitResult Fit(string model, string member, IReadOnlyList<double> temperature, IReadOnlyList<double> imbalance, int stepsPerYear = 12)
    {
        ArgumentNullException.ThrowIfNull(temperature);
        ArgumentNullException.ThrowIfNull(imbalance);
        int years = temperature.Count;
        if (imbalance.Count != years) throw new ArgumentException("tas and N must have the same length.");
        var forcing = ForcingBasis.AbruptCo2(4.0, years, stepsPerYear);
        var theta0 = TwoLayerParameterTable.All.Defaults();
        var (f0, l0) = GregoryRegression(temperature, imbalance);
        theta0[0] = Math.Clamp(f0, 3.0, 12.0);
        theta0[1] = Math.Clamp(l0, 0.4, 2.5);
        var free = new FreeParameters(TwoLayerParameterTable.All, TwoLayerCalibration.PhysicalNames, theta0);
        double sigmaT = 0.15, sigmaN = 0.4;
        var u = free.ToUnbounded(free.Extract(theta0));
        CalibrationResult? result = null;
        CalibrationObjective? objective = null;
        double runs = 0;
        for (int pass = 0; pass < 2; pass++)
        {
            var labels = Enumerable.Range(1, years).Select(y => (double)y).ToArray();
            var obs = new[]
            {
                TwoLayerObservations.AnnualMean("tas", "K", TwoLayerObservedStep.TemperatureComponent, forcing, 0, temperature, sigmaT, labels),
                TwoLayerObservations.AnnualMean("toa_imbalance", "W m-2", TwoLayerObservedStep.ToaImbalanceComponent, forcing, 0, imbalance, sigmaN, labels),
            };
            objective = new CalibrationObjective(TwoLayerCalibration.Problem(forcing, obs, free));
            result = CalibrationRunner.Run(objective, new GaussNewtonMethod(new GaussNewtonOptions { FinalStepTolerance = 0, MaxIterations = 50 }), u);
            runs += result.Counts.ForwardEquivalentRuns;
            u = result.Final.U;
            var h = objective.Predict(result.Theta);
            sigmaT = Rms(h.AsSpan(0, years), temperature);
            sigmaN = Rms(h.AsSpan(years, years), imbalance);
        }
        var lin = result!.Final.Linearisation ?? objective!.Linearise(result.Final.U);
        var laplace = new LaplaceApproximation(lin, free.Names);
        var theta = result.Theta;
        double ecs = TwoLayerCalibration.EquilibriumClimateSensitivity(theta);
        double tcr = TwoLayerCalibration.TransientClimateResponse(theta);
        double ecsSd = laplace.StandardDeviationOf(v => TwoLayerCalibration.EquilibriumClimateSensitivity(free.Expand(v)));
        double tcrSd = laplace.StandardDeviationOf(v => TwoLayerCalibration.TransientClimateResponse(free.Expand(v)));
        return new AbruptCo2FitResult(model, member, result.Free, laplace.StandardDeviations, ecs, ecsSd, tcr, tcrSd,
            sigmaT, sigmaN, runs, result.Converged, laplace.Correlation());
    }

    /// <summary>Ordinary least squares of N on T: N = F − λT; returns (F, λ).</summary>
    public static (double Forcing, double Feedback) GregoryRegression(IReadOnlyList<double> temperature, IReadOnlyList<double> imbalance)
    {
        ArgumentNullException.ThrowIfNull(temperature);
        ArgumentNullException.ThrowIfNull(imbalance);
        int n = temperature.Count;
        double mt = temperature.Average(), mn = imbalance.Average(), stt = 0, stn = 0;
        for (int i = 0; i < n; i++)
        {
            stt += (temperature[i] - mt) * (temperature[i] - mt);
            stn += (temperature[i] - mt) * (imbalance[i] - mn);
        }
        double slope = stn / stt;
        return (mn - slope * mt, -slope);
    }

    private static double Rms(ReadOnlySpan<double> model, IReadOnlyList<double> observed)
    {
        double s = 0;
        for (int i = 0; i < model.Length; i++) s += (model[i] - observed[i]) * (model[i] - observed[i]);
        return Math.Sqrt(s / model.Length);
    }
}
