using ClimateAD.Hybrid.Terms;
using ClimateAD.IO.Netcdf;
using ClimateAD.IO.Scenarios;
using ClimateAD.Physics.Lorenz96;
using ClimateAD.Physics.Models;

namespace ClimateAD.Cli.Running;

/// <summary>
/// The one-scale Lorenz-96 model (<see cref="Lorenz96OneScaleModel"/>) behind a scenario: RK4 steps of
/// <see cref="OneScaleLorenz96"/> with the cubic closure, or with the network of <c>[model]
/// closure_network</c> (<see cref="NetworkSubgridTerm"/>, θ = (F, its weights)), from a seeded
/// perturbation of rest spun up for <c>[initial] spinup</c> MTU. A record holds the mean over its
/// steps of the step-end X, of their energy and of the closure tendency.
/// </summary>
internal sealed class Lorenz96OneScaleRun : ModelRun
{
    private readonly Rk4Step<OneScaleLorenz96> _step;
    private readonly double[] _theta;
    private double[] _x, _next;
    private readonly double[] _sum;
    private long _stepIndex;
    private int _stepsInRecord;
    private double _energySum, _closureSum;

    /// <summary>Configures the run and performs the spin-up.</summary>
    public Lorenz96OneScaleRun(Scenario scenario)
    {
        (_step, _theta, _x) = Build(scenario);
        _next = new double[_x.Length];
        _sum = new double[_x.Length];
        StepCount = scenario.Time.Steps;
        Axes = [NetcdfDimension.Coordinate("k", Enumerable.Range(1, _x.Length).Select(i => (double)i).ToArray(), "1", "index k of the slow variable X_k")];
    }

    /// <summary>The step, θ and spun-up initial state a scenario describes (shared with <c>gradcheck</c>).</summary>
    public static (Rk4Step<OneScaleLorenz96> Step, double[] Theta, double[] Initial) Build(Scenario s)
    {
        int k = (int)s.Settings[Lorenz96Model.SlowVariables];
        double forcing = s.Parameters.ToArray()[0];
        ISubgridTerm closure;
        double[] theta;
        if (s.Files.TryGetValue(Lorenz96OneScaleModel.ClosureNetwork, out var file))
        {
            var cubic = s.Overrides.Keys.Where(n => CubicSubgridTerm.Table.Find(n) is not null).ToArray();
            if (cubic.Length > 0)
                throw new UserErrorException($"{s.DisplayFile}: [parameters] {cubic[0]} sets a cubic coefficient, but [model] closure_network replaces the cubic closure; remove one of them");
            var network = ClosureNetworkFile.Load(file, "a Lorenz-96 closure maps X_k to S(X_k)");
            closure = new NetworkSubgridTerm(network);
            theta = [forcing, .. network.Weights];
        }
        else
        {
            closure = new CubicSubgridTerm();
            theta = s.Parameters.ToArray();
        }
        var step = new Rk4Step<OneScaleLorenz96>(new OneScaleLorenz96(k, closure), s.Time.Step);
        int spinupSteps = (int)Math.Round(s.Initial[Lorenz96Model.Spinup] * s.Time.StepsPerYear);
        var x0 = Lorenz96InitialState.Perturbed(k, k, forcing, (int)s.Initial[Lorenz96Model.Seed]);
        return (step, theta, Lorenz96InitialState.SpunUp(step, x0, theta, spinupSteps));
    }

    /// <inheritdoc />
    public override long StepCount { get; }

    /// <inheritdoc />
    public override long StepIndex => _stepIndex;

    /// <inheritdoc />
    public override IReadOnlyList<NetcdfDimension> Axes { get; }

    /// <inheritdoc />
    public override void Step()
    {
        _step.Forward((int)_stepIndex, _x, _theta, _next);
        (_x, _next) = (_next, _x);
        double e = 0, closure = 0;
        var s = _step.Tendency.Subgrid!;
        var phi = _theta.AsSpan(1);
        for (int i = 0; i < _x.Length; i++)
        {
            _sum[i] += _x[i];
            e += _x[i] * _x[i];
            closure += s.Evaluate(_x[i], phi);
        }
        _energySum += 0.5 * e / _x.Length;
        _closureSum += closure / _x.Length;
        _stepIndex++;
        _stepsInRecord++;
    }

    /// <inheritdoc />
    public override void StartRecord()
    {
        Array.Clear(_sum);
        _energySum = 0;
        _closureSum = 0;
        _stepsInRecord = 0;
    }

    /// <inheritdoc />
    public override void ReadRecord(OutputVariable variable, Span<double> destination)
    {
        double inv = 1.0 / Math.Max(1, _stepsInRecord);
        switch (variable.Name)
        {
            case "x":
                for (int i = 0; i < _sum.Length; i++) destination[i] = _sum[i] * inv;
                break;
            case "x_mean":
                destination[0] = _sum.Sum() * inv / _sum.Length;
                break;
            case "x_energy":
                destination[0] = _energySum * inv;
                break;
            case "closure_mean":
                destination[0] = _closureSum * inv;
                break;
            default:
                throw new InvalidOperationException($"lorenz96-one-scale has no variable '{variable.Name}'");
        }
    }
}
