namespace ClimateAD.IO.Netcdf;

/// <summary>A variable's values read by <see cref="NetcdfReader.ReadVariable"/>, row-major (last dimension fastest).</summary>
/// <param name="Values">The values, converted to double.</param>
/// <param name="Shape">Length along each dimension; empty for a scalar.</param>
public sealed record NetcdfArray(double[] Values, IReadOnlyList<long> Shape);
