using ClimateAD.IO.Data;
using ClimateAD.Physics.Models;

namespace ClimateAD.IO.Scenarios;

/// <summary>
/// One <c>[[plot]]</c>: a PNG time series of one output variable, optionally with observations,
/// both shown relative to <see cref="ReferencePeriod"/> when one is given.
/// </summary>
/// <param name="File">Absolute path of the PNG (resolved against the current directory).</param>
/// <param name="Variable">The plotted output variable.</param>
/// <param name="Title">Plot title.</param>
/// <param name="ReferencePeriod">Period whose mean is subtracted from model and observations, or <c>null</c>.</param>
/// <param name="Observations">Observations to overlay, or <c>null</c>.</param>
public sealed record PlotSpec(
    string File,
    OutputVariable Variable,
    string Title,
    ReferencePeriod? ReferencePeriod,
    PlotObservations? Observations)
{
    /// <summary>
    /// The observations as they should be drawn: rebased to <see cref="ReferencePeriod"/> when one is
    /// given, otherwise as loaded; <c>null</c> without observations.
    /// </summary>
    public ObservedSeries? ObservationsToDraw() =>
        Observations is null ? null
        : ReferencePeriod is { } period ? Observations.Series.Rebase(period)
        : Observations.Series;
}

/// <summary><c>[plot.observations]</c> after loading.</summary>
/// <param name="File">Absolute path of the observations file.</param>
/// <param name="Kind">Its format.</param>
/// <param name="Label">Legend label.</param>
/// <param name="Series">The loaded series, restricted to <c>first_year</c>..<c>last_year</c> when given; not rebased.</param>
public sealed record PlotObservations(string File, ObservationKind Kind, string Label, ObservedSeries Series);
