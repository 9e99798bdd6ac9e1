using ClimateAD.Physics.Models;

namespace ClimateAD.IO.Scenarios;

/// <summary>
/// <c>[output]</c>: what to write and where. Each record is the mean over
/// <see cref="StepsPerRecord"/> time steps (<c>output.interval</c> years).
/// </summary>
/// <param name="File">Absolute path of the netCDF-4 file (the scenario's <c>output.file</c> resolved against the current directory).</param>
/// <param name="Variables">Variables to write, in the order given, with the model's metadata.</param>
/// <param name="Interval">Years between records, a whole multiple of the time step.</param>
/// <param name="StepsPerRecord">Time steps averaged into one record, ≥ 1.</param>
public sealed record OutputSpec(string File, IReadOnlyList<OutputVariable> Variables, double Interval, int StepsPerRecord);
