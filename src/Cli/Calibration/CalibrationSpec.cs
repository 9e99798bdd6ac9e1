namespace ClimateAD.Cli.Calibration;

/// <summary>
/// A parsed, checked calibration file (calibrations/README.md, docs/calibration.md): the model
/// and experiment that generate the predictions, the free parameters, the observed variables,
/// the method and the output. Paths are resolved relative to the calibration file's folder.
/// </summary>
/// <param name="File">The calibration file, as given.</param>
/// <param name="Text">Its text (stored in the calibration log; a resumed run must use the same).</param>
/// <param name="Name">Calibration name (output file stem).</param>
/// <param name="Description">One line for humans.</param>
/// <param name="Experiment">What drives the model.</param>
/// <param name="Parameters">Free parameters, in free-vector order.</param>
/// <param name="Fixed">Values of fixed parameters that differ from the table defaults.</param>
/// <param name="Observations">Observed variables.</param>
/// <param name="Method">Method and its options.</param>
/// <param name="Output">Where results go.</param>
/// <param name="Projections">Posterior predictive scenario runs (historical experiment only).</param>
internal sealed record CalibrationSpec(
    string File,
    string Text,
    string Name,
    string Description,
    ExperimentSpec Experiment,
    IReadOnlyList<FreeParameterSpec> Parameters,
    IReadOnlyList<(string Name, double Value)> Fixed,
    IReadOnlyList<ObservationSpec> Observations,
    MethodSpec Method,
    CalibrationOutputSpec Output,
    IReadOnlyList<ProjectionSpec> Projections);

/// <summary>The experiment: <c>abrupt-co2</c> (idealised step), <c>historical</c> (ERF table) or <c>cmip6-abrupt4xco2</c> (every model of a CMIP6 file).</summary>
/// <param name="Kind">Experiment kind.</param>
/// <param name="Integrator">EBM integrator name (exact, rk4, euler).</param>
/// <param name="StepsPerYear">Model steps per year.</param>
/// <param name="Co2Multiple">abrupt-co2: the CO2 multiple (4).</param>
/// <param name="Years">abrupt-co2 / cmip6: simulated years.</param>
/// <param name="ErfFile">historical: the ERF table.</param>
/// <param name="StartYear">historical: first simulated year.</param>
/// <param name="EndYear">historical: last simulated year.</param>
/// <param name="Cmip6File">cmip6-abrupt4xco2: the anomalies file.</param>
/// <param name="Models">cmip6-abrupt4xco2: models to calibrate (empty: all).</param>
/// <param name="Truth">Twin: the true parameter values by name.</param>
/// <param name="Seed">Twin: seed of the synthetic noise.</param>
internal sealed record ExperimentSpec(
    string Kind,
    string Integrator,
    int StepsPerYear,
    double Co2Multiple,
    int Years,
    string? ErfFile,
    int StartYear,
    int EndYear,
    string? Cmip6File,
    IReadOnlyList<string> Models,
    IReadOnlyList<(string Name, double Value)> Truth,
    int Seed);

/// <summary>One free parameter.</summary>
/// <param name="Name">Parameter name in the model's table.</param>
/// <param name="Transform">identity, log or logit; <c>null</c> for the table's default.</param>
/// <param name="FirstGuess">First guess (physical units); <c>null</c> for the default.</param>
/// <param name="PriorMean">Gaussian prior mean, or <c>null</c>.</param>
/// <param name="PriorSd">Gaussian prior σ, or <c>null</c>.</param>
/// <param name="TablePrior">Use the table's prior.</param>
/// <param name="Line">Line of the entry, for messages.</param>
internal sealed record FreeParameterSpec(string Name, string? Transform, double? FirstGuess, double? PriorMean, double? PriorSd, bool TablePrior, int Line);

/// <summary>One observed variable.</summary>
/// <param name="Variable">tas, toa_imbalance or ohc.</param>
/// <param name="Source">twin, cmip6, hadcrut5, igcc-gmst, ohc-ar6 or ohc-igcc.</param>
/// <param name="File">Data file (resolved), or <c>null</c> for twin.</param>
/// <param name="Model">cmip6: model name.</param>
/// <param name="Member">cmip6: member (<c>null</c>: the first in the file).</param>
/// <param name="Layer">OHC layer.</param>
/// <param name="FirstYear">First observed year (model years from 1 for idealised experiments; calendar years otherwise).</param>
/// <param name="LastYear">Last observed year.</param>
/// <param name="Operator">annual-means, period-means or subsample.</param>
/// <param name="Period">period-means: years per period.</param>
/// <param name="Every">subsample: keep every n-th year.</param>
/// <param name="Reference">Anomaly reference period (first, last year), or <c>null</c>.</param>
/// <param name="ErrorModel">diagonal or ar1.</param>
/// <param name="Sigma">σ (overrides the data's own), or <c>null</c>.</param>
/// <param name="SigmaScale">Multiplies every σ.</param>
/// <param name="AddSigma">Added in quadrature to the σ of each reduced value (e.g. internal variability the model does not simulate).</param>
/// <param name="Correlation">ar1: ρ between neighbouring observations.</param>
/// <param name="Path">Key path for messages (observations[2]).</param>
/// <param name="Line">Line, for messages.</param>
internal sealed record ObservationSpec(
    string Variable,
    string Source,
    string? File,
    string? Model,
    string? Member,
    string Layer,
    int FirstYear,
    int LastYear,
    string Operator,
    int Period,
    int Every,
    (int First, int Last)? Reference,
    string ErrorModel,
    double? Sigma,
    double SigmaScale,
    double AddSigma,
    double Correlation,
    string Path,
    int Line);

/// <summary>The method and its options (unset options keep the method's defaults).</summary>
internal sealed record MethodSpec(
    string Name,
    int? MaxIterations,
    double? CostTolerance,
    double? InitialDamping,
    double? FinalStepTolerance,
    int? Memory,
    string? Preconditioner,
    double? LearningRate,
    int? Patience,
    int? Members,
    int? Seed,
    double? InitialSpread,
    string? Schedule);

/// <summary>Output settings.</summary>
/// <param name="Folder">Output folder (resolved).</param>
/// <param name="Plots">Write PNG plots.</param>
/// <param name="PredictiveSamples">Members of the posterior predictive ensemble for bands.</param>
internal sealed record CalibrationOutputSpec(string Folder, bool Plots, int PredictiveSamples);

/// <summary>A posterior predictive projection with another ERF table (historical experiment).</summary>
/// <param name="Name">Label, e.g. ssp245.</param>
/// <param name="ErfFile">ERF table (resolved).</param>
/// <param name="EndYear">Last year.</param>
internal sealed record ProjectionSpec(string Name, string ErfFile, int EndYear);
