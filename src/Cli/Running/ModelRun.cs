using ClimateAD.Physics.Models;

namespace ClimateAD.Cli.Running;

/// <summary>
/// A scenario's model, configured and ready to step, as the runner sees it: it advances one time
/// step at a time and hands out the mean of each output variable over the steps since the last
/// record, for every ensemble member. One subclass per model family; the runner itself knows no
/// physics.
/// </summary>
internal abstract class ModelRun
{
    /// <summary>Total number of time steps in the run.</summary>
    public abstract long StepCount { get; }

    /// <summary>Number of ensemble members (1 without an ensemble, the default).</summary>
    public virtual int MemberCount => 1;

    /// <summary>Steps taken so far.</summary>
    public abstract long StepIndex { get; }

    /// <summary>Advances one time step and adds it to the current record's means.</summary>
    public abstract void Step();

    /// <summary>
    /// Writes the mean of <paramref name="variable"/> over the steps since the last
    /// <see cref="StartRecord"/> into <paramref name="destination"/> (one value per member).
    /// </summary>
    public abstract void ReadRecord(OutputVariable variable, Span<double> destination);

    /// <summary>Starts a new record: clears the running means.</summary>
    public abstract void StartRecord();

    /// <summary>
    /// Per-member parameter values worth writing next to an ensemble's output (the sampled ones),
    /// as (parameter, values) pairs; empty for a single run.
    /// </summary>
    public virtual IReadOnlyList<(Physics.Parameters.ParameterSpec Spec, double[] Values)> MemberParameters => [];

    /// <summary>
    /// The model's spatial axes that non-scalar variables vary along (<see cref="OutputVariable.Axes"/>),
    /// as coordinate dimensions of the output file; empty for models with only scalar variables.
    /// <see cref="ReadRecord"/> writes a variable's values member-major, then in axis order.
    /// </summary>
    public virtual IReadOnlyList<IO.Netcdf.NetcdfDimension> Axes => [];

    /// <summary>Number of values <see cref="ReadRecord"/> writes for <paramref name="variable"/>: members × axis lengths.</summary>
    public int ValueCount(OutputVariable variable) =>
        MemberCount * variable.Axes.Aggregate(1, (n, a) => n * Axes.First(d => d.Name == a).Length);
}
