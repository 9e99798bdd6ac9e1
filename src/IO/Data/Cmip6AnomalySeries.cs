namespace ClimateAD.IO.Data;

/// <summary>
/// One CMIP6 abrupt-4xCO2 run as global annual-mean anomalies relative to its piControl: model
/// year i + 1 (the first year after the quadrupling is year 1) at index i. Missing values in the
/// source are <see cref="double.NaN"/>.
/// </summary>
/// <param name="Model">Model name, e.g. <c>MIROC6</c>.</param>
/// <param name="Member">Ensemble member (variant label), e.g. <c>r1i1p1f1</c>.</param>
/// <param name="Temperature">Near-surface air temperature anomaly <c>tas</c>, K.</param>
/// <param name="ToaImbalance">Net downward top-of-atmosphere flux anomaly N = rsdt − rsut − rlut, W m⁻².</param>
public sealed record Cmip6AnomalySeries(string Model, string Member, double[] Temperature, double[] ToaImbalance)
{
    /// <summary>Number of model years in the file.</summary>
    public int Years => Temperature.Length;

    /// <summary>True when both series have finite values for every year 1..<paramref name="years"/>.</summary>
    public bool IsComplete(int years) =>
        Years >= years && Temperature.Take(years).All(double.IsFinite) && ToaImbalance.Take(years).All(double.IsFinite);
}
