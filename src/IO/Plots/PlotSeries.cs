namespace ClimateAD.IO.Plots;

/// <summary>
/// One line on a time-series plot, with an optional shaded band (e.g. an ensemble's 5–95 % range
/// or an observational 95 % confidence interval).
/// </summary>
/// <param name="Label">Legend entry.</param>
/// <param name="Time">Abscissa, usually years.</param>
/// <param name="Values">Ordinate, same length as <paramref name="Time"/>.</param>
/// <param name="Lower">Lower edge of the band, or <c>null</c> for no band.</param>
/// <param name="Upper">Upper edge of the band, or <c>null</c> for no band.</param>
/// <param name="IsObservation">Draw as markers (observations) rather than a line (model).</param>
public sealed record PlotSeries(
    string Label,
    double[] Time,
    double[] Values,
    double[]? Lower = null,
    double[]? Upper = null,
    bool IsObservation = false);
