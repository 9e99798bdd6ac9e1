using ClimateAD.IO.Netcdf;
using ClimateAD.IO.Scenarios;
using ClimateAD.Physics.Lorenz96;
using ClimateAD.Physics.Models;

namespace ClimateAD.Cli.Running;

/// <summary>
/// The two-scale Lorenz-96 model (<see cref="Lorenz96Model"/>) behind a scenario: RK4 steps of
/// <see cref="TwoScaleLorenz96"/> from a seeded perturbation of rest spun up for <c>[initial] spinup</c>
/// MTU. A record holds the mean over its steps of the step-end states (<c>x</c>, <c>y</c> and the linear
/// diagnostics) and of the step-end energy (<c>x_energy</c>).
/// </summary>
internal sealed class Lorenz96Run : ModelRun
{
    private readonly Rk4Step<TwoScaleLorenz96> _step;
    private readonly double[] _theta;
    private double[] _x, _next;
    private readonly double[] _sum;
    private long _stepIndex;
    private int _stepsInRecord;
    private double _energySum;

    /// <summary>Configures the run and performs the spin-up.</summary>
    public Lorenz96Run(Scenario scenario)
    {
        (_step, _theta, _x) = Build(scenario);
        _next = new double[_x.Length];
        _sum = new double[_x.Length];
        StepCount = scenario.Time.Steps;
        Model = _step.Tendency;
        Axes =
        [
            NetcdfDimension.Coordinate("k", Enumerable.Range(1, Model.SlowCount).Select(i => (double)i).ToArray(), "1", "index k of the slow variable X_k"),
            NetcdfDimension.Coordinate("j", Enumerable.Range(1, Model.FastPerSlow).Select(i => (double)i).ToArray(), "1", "index j of the fast variable Y_j,k"),
        ];
    }

    /// <summary>The tendency (K, J).</summary>
    public TwoScaleLorenz96 Model { get; }

    /// <summary>
    /// The step, parameters and spun-up initial state a scenario describes; shared with the
    /// sensitivity and <c>gradcheck</c> so all three start from the same state.
    /// </summary>
    public static (Rk4Step<TwoScaleLorenz96> Step, double[] Theta, double[] Initial) Build(Scenario s)
    {
        var model = new TwoScaleLorenz96((int)s.Settings[Lorenz96Model.SlowVariables], (int)s.Settings[Lorenz96Model.FastPerSlow]);
        var step = new Rk4Step<TwoScaleLorenz96>(model, s.Time.Step);
        var theta = s.Parameters.ToArray();
        int spinupSteps = (int)Math.Round(s.Initial[Lorenz96Model.Spinup] * s.Time.StepsPerYear);
        var x0 = Lorenz96InitialState.Perturbed(step.StateLength, model.SlowCount, theta[0], (int)s.Initial[Lorenz96Model.Seed]);
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
        for (int i = 0; i < _x.Length; i++) _sum[i] += _x[i];
        double e = 0;
        for (int i = 0; i < Model.SlowCount; i++) e += _x[i] * _x[i];
        _energySum += 0.5 * e / Model.SlowCount;
        _stepIndex++;
        _stepsInRecord++;
    }

    /// <inheritdoc />
    public override void StartRecord()
    {
        Array.Clear(_sum);
        _energySum = 0;
        _stepsInRecord = 0;
    }

    /// <inheritdoc />
    public override void ReadRecord(OutputVariable variable, Span<double> destination)
    {
        int k = Model.SlowCount;
        double inv = 1.0 / Math.Max(1, _stepsInRecord);
        var mean = _sum.AsSpan();
        switch (variable.Name)
        {
            case "x":
                for (int i = 0; i < k; i++) destination[i] = mean[i] * inv;
                break;
            case "y":
                for (int i = 0; i < Model.FastCount; i++) destination[i] = mean[k + i] * inv;
                break;
            case "x_mean":
            {
                double s = 0;
                for (int i = 0; i < k; i++) s += mean[i];
                destination[0] = s * inv / k;
                break;
            }
            case "x_energy":
                destination[0] = _energySum * inv;
                break;
            case "coupling_mean":
            {
                double s = 0;
                for (int i = k; i < mean.Length; i++) s += mean[i];
                double hcOverB = _theta[1] * _theta[3] / _theta[2];
                destination[0] = -hcOverB * s * inv / k;
                break;
            }
            default:
                throw new InvalidOperationException($"lorenz96-two-scale has no variable '{variable.Name}'");
        }
    }
}
