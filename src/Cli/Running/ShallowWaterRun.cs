using System.Globalization;
using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Grids;
using ClimateAD.IO.Netcdf;
using ClimateAD.IO.Restart;
using ClimateAD.IO.Scenarios;
using ClimateAD.Physics.Models;
using ClimateAD.Physics.ShallowWater;
using M = ClimateAD.Physics.ShallowWater.ShallowWaterScenarioModels;

namespace ClimateAD.Cli.Running;

/// <summary>
/// A shallow-water scenario (<see cref="ShallowWaterScenarioModels"/>) behind the runner: a
/// <see cref="ShallowWaterSimulation"/> checked for NaN/∞ and CFL excess after every step. A record holds
/// the mean over its steps of <c>h</c>, <c>u</c>, <c>v</c> (C-grid points) and of the integral diagnostics;
/// the fields are then written on the common cell-centre grid (<see cref="ShallowWaterCentredFields"/>).
/// A blow-up stops the run with a one-line <see cref="UserErrorException"/> naming step, field and
/// location; the records written so far stay in the output file, marked incomplete.
/// </summary>
/// <remarks>
/// Restarts (<see cref="RestartRequest"/>): after every <c>Every</c>-th step the full state (with the
/// Adams–Bashforth history) and the step index go to an HDF5 <see cref="RestartFile"/>; a run started from
/// one continues bit-identically. Restart steps must fall on record boundaries, so that no record mixes
/// steps from two runs.
/// </remarks>
internal sealed class ShallowWaterRun : ModelRun, IDisposable
{
    private readonly Scenario _scenario;
    private readonly ShallowWaterSimulation _simulation;
    private readonly ComputeDevice _device;
    private readonly RestartRequest? _restart;
    private readonly ShallowWaterCentredFields _centred;
    private readonly double[] _sum;
    private readonly double[] _mean;
    private double _sumMass, _sumEnergy, _sumEnstrophy, _sumSpeed, _sumCfl;
    private int _stepsInRecord;
    private bool _meansReady;

    /// <summary>Configures the run from a validated scenario, optionally starting from a restart file.</summary>
    public ShallowWaterRun(Scenario scenario, RestartRequest? restart = null)
    {
        _scenario = scenario;
        _restart = restart;
        var (config, x0, theta) = Build(scenario);
        StepCount = scenario.Time.Steps;
        if (restart is { Every: > 0 } r && r.Every % scenario.Output.StepsPerRecord != 0)
            throw new UserErrorException(string.Create(CultureInfo.InvariantCulture,
                $"--restart-every {r.Every}: restart files must fall on record boundaries, a multiple of the {scenario.Output.StepsPerRecord} steps per record (output.interval)"));
        _device = CreateDevice(scenario);
        try
        {
            _simulation = new ShallowWaterSimulation(config, x0, theta, _device) { CheckInterval = 1 };
        }
        catch (ShallowWaterBlowUpException e)
        {
            _device.Dispose();
            throw new UserErrorException($"{scenario.DisplayFile}: the initial state is not admissible: {e.Message} [time] step is {scenario.Time.Step.ToString("G6", CultureInfo.InvariantCulture)} d.");
        }
        if (restart?.From is { } from)
        {
            RestartFile file;
            try
            {
                file = RestartFile.Read(from);
            }
            catch (InvalidDataException e)
            {
                Dispose();
                throw new UserErrorException("--restart-from " + e.Message);
            }
            if (file.Mismatch(scenario.Model.Name, scenario.Integrator, scenario.Time.Step, config.Layout.Length, StepCount) is { } problem)
            {
                Dispose();
                throw new UserErrorException("--restart-from " + problem);
            }
            if (file.Step % scenario.Output.StepsPerRecord != 0)
            {
                Dispose();
                throw new UserErrorException($"--restart-from {from}: step {file.Step} is not on a record boundary of this scenario ({scenario.Output.StepsPerRecord} steps per record)");
            }
            _simulation.SetState(file.State, checked((int)file.Step));
        }
        var grid = config.Grid;
        _centred = new ShallowWaterCentredFields(grid);
        int n = grid.Nx * grid.Ny;
        _sum = new double[3 * n];
        _mean = new double[3 * n];
        Axes = CentreAxes(grid);
    }

    /// <summary>
    /// The configuration (time step = the scenario's, stepper = its integrator), initial state (flat layout
    /// of that stepper) and parameters θ (the scenario's values, in the configuration's parameter order)
    /// that a shallow-water scenario describes; shared with <c>gradcheck</c> and the sensitivity.
    /// </summary>
    public static (ShallowWaterConfiguration Configuration, double[] Initial, double[] Theta) Build(Scenario s)
    {
        var set = s.Settings;
        var p = s.Parameters;
        double dt = s.Time.Step * 86400.0;
        var stepper = M.Stepper(s.Integrator);
        int cells = (int)set[M.Cells];
        var setup = s.Model.Name switch
        {
            M.DoubleGyreName => ShallowWaterSetups.WindDrivenBasin(cells, set[M.BasinLength], set[M.Depth], p[ShallowWaterParameterNames.Gravity],
                set[M.Coriolis], set[M.Beta], p[ShallowWaterParameterNames.LaplacianViscosity], p[ShallowWaterParameterNames.WindStress],
                p[ShallowWaterParameterNames.LinearDrag], dt, (int)set[M.Gyres]),
            M.GeostrophicAdjustmentName => ShallowWaterSetups.GeostrophicAdjustment(cells, set[M.Depth], set[M.StepHeight], p[ShallowWaterParameterNames.Gravity],
                set[M.Coriolis], (int)set[M.CellsPerRadius]),
            M.WilliamsonTc2Name => ShallowWaterSetups.WilliamsonTestCase2(cells, set[M.LatitudeCap], stepper: stepper),
            M.GalewskyName => ShallowWaterSetups.Galewsky(cells, set[M.LatitudeCap], set[M.Perturbation] != 0,
                p[ShallowWaterParameterNames.BiharmonicViscosity] * 1e12),
            _ => throw new InvalidOperationException($"{s.Model.Name} is not a shallow-water scenario model"),
        };
        var config = setup.Configuration with { TimeStep = dt, Stepper = stepper };
        var names = config.Parameters.Select(x => x.Name).ToArray();
        var expected = s.Model.Parameters.Select(x => x.Name).ToArray();
        if (!names.SequenceEqual(expected))
            throw new InvalidOperationException($"{s.Model.Name}: configuration parameters ({string.Join(", ", names)}) differ from the descriptor's ({string.Join(", ", expected)})");
        var x0 = new double[config.Layout.Length];
        Array.Copy(setup.InitialState, x0, 3 * config.Layout.BlockLength);
        return (config, x0, s.Parameters.ToArray());
    }

    /// <summary>The coordinate axes of the cell centres: <c>lat</c>, <c>lon</c> on the sphere, <c>y</c>, <c>x</c> (m) on the plane.</summary>
    public static IReadOnlyList<NetcdfDimension> CentreAxes(Grid2D grid)
    {
        var xs = Enumerable.Range(0, grid.Nx).Select(i => grid.X(Stagger.Center, i)).ToArray();
        var ys = Enumerable.Range(0, grid.Ny).Select(j => grid.Y(Stagger.Center, j)).ToArray();
        return grid is LatLonGrid
            ?
            [
                NetcdfDimension.Coordinate("lat", ys, "degrees_north", "latitude of the cell centre") with { StandardName = "latitude", Axis = "Y" },
                NetcdfDimension.Coordinate("lon", xs, "degrees_east", "longitude of the cell centre") with { StandardName = "longitude", Axis = "X" },
            ]
            :
            [
                NetcdfDimension.Coordinate("y", ys, "m", "northward distance of the cell centre from the domain origin")
                    with { StandardName = "projection_y_coordinate", Axis = "Y" },
                NetcdfDimension.Coordinate("x", xs, "m", "eastward distance of the cell centre from the domain origin")
                    with { StandardName = "projection_x_coordinate", Axis = "X" },
            ];
    }

    /// <summary>The device a grid-model scenario runs on (<c>model.device</c> or <c>--device</c>).</summary>
    public static ComputeDevice CreateDevice(Scenario scenario)
    {
        try
        {
            return scenario.Device switch
            {
                DevicePreference.Cuda => IlgpuDevice.CreateCuda(),
                DevicePreference.Auto when IlgpuDevice.IsCudaAvailable() => IlgpuDevice.CreateCuda(),
                _ => new CpuDevice(),
            };
        }
        catch (DeviceUnavailableException e)
        {
            throw new UserErrorException(e.Message, 3);
        }
    }

    /// <summary>The simulation (for tests).</summary>
    internal ShallowWaterSimulation Simulation => _simulation;

    /// <inheritdoc />
    public override long StepCount { get; }

    /// <inheritdoc />
    public override long StepIndex => _simulation.Step;

    /// <inheritdoc />
    public override IReadOnlyList<NetcdfDimension> Axes { get; }

    /// <inheritdoc />
    public override void Step()
    {
        ShallowWaterDiagnostics d = default;
        try
        {
            _simulation.Run(1, x => d = x);
        }
        catch (ShallowWaterBlowUpException e)
        {
            throw new UserErrorException($"{_scenario.DisplayFile}: {e.Message.TrimEnd('.')}; {e.Field}({e.I}, {e.J}) belongs to the cell centred at {Where(e.I, e.J)}. "
                + "The records before this step are kept in the output file (marked incomplete).", 1);
        }
        var x = _simulation.GetState();
        for (int k = 0; k < _sum.Length; k++) _sum[k] += x[k];
        _sumMass += d.Mass;
        _sumEnergy += d.Energy;
        _sumEnstrophy += d.Enstrophy;
        _sumSpeed += d.MaxSpeed;
        _sumCfl += d.MaxCfl;
        _stepsInRecord++;
        _meansReady = false;
        if (_restart is { } r && r.IsDue(StepIndex, StepCount))
            new RestartFile(r.PathAt(StepIndex), _scenario.Model.Name, _scenario.Integrator, _scenario.Name, StepIndex, _scenario.Time.Step, x).Write();
    }

    /// <inheritdoc />
    public override void StartRecord()
    {
        Array.Clear(_sum);
        _sumMass = _sumEnergy = _sumEnstrophy = _sumSpeed = _sumCfl = 0;
        _stepsInRecord = 0;
        _meansReady = false;
    }

    /// <inheritdoc />
    public override void ReadRecord(OutputVariable variable, Span<double> destination)
    {
        double inv = 1.0 / Math.Max(1, _stepsInRecord);
        if (!_meansReady)
        {
            for (int k = 0; k < _sum.Length; k++) _mean[k] = _sum[k] * inv;
            _meansReady = true;
        }
        int n = _centred.Grid.Nx * _centred.Grid.Ny;
        switch (variable.Name)
        {
            case "h": _mean.AsSpan(0, n).CopyTo(destination); break;
            case "u": _centred.EastwardVelocity(_mean, destination); break;
            case "v": _centred.NorthwardVelocity(_mean, destination); break;
            case "vorticity": _centred.Vorticity(_mean, destination); break;
            case "mass": destination[0] = _sumMass * inv; break;
            case "energy": destination[0] = _sumEnergy * inv; break;
            case "enstrophy": destination[0] = _sumEnstrophy * inv; break;
            case "max_speed": destination[0] = _sumSpeed * inv; break;
            case "max_cfl": destination[0] = _sumCfl * inv; break;
            case "h_error":
            {
                var grid = (LatLonGrid)_centred.Grid;
                double worst = 0;
                for (int j = 0; j < grid.Ny; j++)
                {
                    double exact = ShallowWaterSetups.WilliamsonTc2Thickness(grid.LatitudeRadians(Stagger.Center, j));
                    for (int i = 0; i < grid.Nx; i++) worst = Math.Max(worst, Math.Abs(_mean[j * grid.Nx + i] - exact));
                }
                destination[0] = worst;
                break;
            }
            default:
                throw new InvalidOperationException($"{_scenario.Model.Name} has no variable '{variable.Name}'");
        }
    }

    /// <summary>Frees the simulation and its device.</summary>
    public void Dispose()
    {
        _simulation?.Dispose();
        _device.Dispose();
    }

    private string Where(int i, int j)
    {
        var g = _centred.Grid;
        return g is LatLonGrid
            ? string.Create(CultureInfo.InvariantCulture, $"lon {g.X(Stagger.Center, i):0.##} deg, lat {g.Y(Stagger.Center, j):0.##} deg")
            : string.Create(CultureInfo.InvariantCulture, $"x {g.X(Stagger.Center, i) / 1e3:0.#} km, y {g.Y(Stagger.Center, j) / 1e3:0.#} km");
    }
}
