using System.Globalization;
using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Grids;
using ClimateAD.IO.Netcdf;
using ClimateAD.IO.Scenarios;
using ClimateAD.Physics.Models;
using ClimateAD.Physics.Tracer;
using T = ClimateAD.Physics.Tracer.TracerScenarioModel;

namespace ClimateAD.Cli.Running;

/// <summary>
/// The tracer model (<see cref="TracerScenarioModel"/>) behind a scenario: a <see cref="TracerSimulation"/>
/// of a Gaussian blob in solid-body rotation on the sphere. A record holds the mean over its steps of the
/// tracer field and of its mass, minimum and maximum. The time step is checked against the Courant and
/// diffusion limits of the centred SSP-RK3 scheme before the run.
/// </summary>
internal sealed class TracerRun : ModelRun
{
    private readonly Scenario _scenario;
    private readonly TracerSimulation _simulation;
    private readonly double[] _sum;
    private double _sumMass, _sumMin, _sumMax;
    private int _stepsInRecord;

    /// <summary>Configures the run from a validated scenario.</summary>
    public TracerRun(Scenario scenario)
    {
        _scenario = scenario;
        var (model, initial, parameters) = Build(scenario);
        StepCount = scenario.Time.Steps;
        _simulation = new TracerSimulation(model, parameters, initial, ShallowWaterRun.CreateDevice(scenario));
        _sum = new double[model.StateLength];
        Axes = ShallowWaterRun.CentreAxes(model.Grid);
    }

    /// <summary>
    /// The model (grid, velocity, the scenario's time step), initial field <c>[Nx, Ny]</c> and parameters a
    /// tracer scenario describes; shared with <c>gradcheck</c>. Throws a one-line error when the step
    /// breaks the Courant (√3) or diffusion (2.5) limit.
    /// </summary>
    public static (TracerModel Model, double[,] Initial, TracerParameters Parameters) Build(Scenario s)
    {
        int cells = (int)s.Settings[T.Cells];
        if (cells % 2 != 0) throw new UserErrorException($"{s.DisplayFile}: [model] cells = {cells} must be even (the grid has cells/2 latitude bands)");
        var grid = new LatLonGrid(cells, cells / 2);
        var velocity = VelocityField.SolidBodyRotation(grid, TracerModel.WilliamsonSpeed(grid.Radius), s.Settings[T.Tilt] * Math.PI / 180);
        var model = new TracerModel(grid, velocity, s.Time.Step * 86400.0);
        var p = TracerParameters.FromTheta(s.Parameters.ToArray());
        double courant = model.CourantNumber(p.VelocityScale), diffusion = model.DiffusionNumber(p.Diffusivity);
        if (courant > TracerModel.CenteredCourantLimit || diffusion > TracerModel.DiffusionLimit)
        {
            double stable = TracerModel.StableTimeStep(grid, velocity, AdvectionScheme.Centered, p) / 86400.0;
            throw new UserErrorException(string.Create(CultureInfo.InvariantCulture,
                $"{s.DisplayFile}: [time] step = {s.Time.Step:G6} d is unstable (Courant number {courant:G3}, limit {TracerModel.CenteredCourantLimit:G3}; diffusion number {diffusion:G3}, limit {TracerModel.DiffusionLimit}); use step <= {stable:G3} d, e.g. 1/{Math.Ceiling(1 / stable)}"));
        }
        var initial = TracerInitialConditions.GaussianBlob(grid, s.Initial[T.BlobLongitude], s.Initial[T.BlobLatitude],
            s.Initial[T.BlobWidth] * 1e3, s.Initial[T.BlobAmplitude]);
        return (model, initial, p);
    }

    /// <summary>The initial field flattened row by row (<c>x[j·Nx + i]</c>), the state layout of <see cref="TracerStep"/>.</summary>
    public static double[] Flatten(double[,] field)
    {
        int nx = field.GetLength(0), ny = field.GetLength(1);
        var x = new double[nx * ny];
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
                x[j * nx + i] = field[i, j];
        return x;
    }

    /// <inheritdoc />
    public override long StepCount { get; }

    /// <inheritdoc />
    public override long StepIndex => _simulation.StepCount;

    /// <inheritdoc />
    public override IReadOnlyList<NetcdfDimension> Axes { get; }

    /// <inheritdoc />
    public override void Step()
    {
        _simulation.Advance(1);
        var c = _simulation.Field();
        int nx = c.GetLength(0), ny = c.GetLength(1);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
            {
                double v = c[i, j];
                if (!double.IsFinite(v))
                    throw new UserErrorException(string.Create(CultureInfo.InvariantCulture,
                        $"{_scenario.DisplayFile}: tracer run blew up at step {StepIndex}: c({i}, {j}) = {v} at lon {Axes[1].Values![i]:0.##} deg, lat {Axes[0].Values![j]:0.##} deg. The records before this step are kept in the output file (marked incomplete)."), 1);
                _sum[j * nx + i] += v;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        _sumMass += _simulation.Mass();
        _sumMin += min;
        _sumMax += max;
        _stepsInRecord++;
    }

    /// <inheritdoc />
    public override void StartRecord()
    {
        Array.Clear(_sum);
        _sumMass = _sumMin = _sumMax = 0;
        _stepsInRecord = 0;
    }

    /// <inheritdoc />
    public override void ReadRecord(OutputVariable variable, Span<double> destination)
    {
        double inv = 1.0 / Math.Max(1, _stepsInRecord);
        switch (variable.Name)
        {
            case "c":
                for (int k = 0; k < _sum.Length; k++) destination[k] = _sum[k] * inv;
                break;
            case "mass": destination[0] = _sumMass * inv; break;
            case "c_min": destination[0] = _sumMin * inv; break;
            case "c_max": destination[0] = _sumMax * inv; break;
            default:
                throw new InvalidOperationException($"{T.Name} has no variable '{variable.Name}'");
        }
    }
}
