using ClimateAD.Calibration.Sampling;
using ClimateAD.IO.Scenarios;
using ClimateAD.Physics.EnergyBalance;
using ClimateAD.Physics.Forcing;
using ClimateAD.Physics.Models;
using ClimateAD.Physics.Parameters;

namespace ClimateAD.Cli.Running;

/// <summary>
/// The two-layer EBM (<see cref="TwoLayerModel"/>) behind a scenario. A single run steps a
/// <see cref="TwoLayerSimulation"/>; an ensemble runs a vectorised <see cref="TwoLayerEnsemble"/>
/// (all members, all steps at once, which takes milliseconds) and then replays its stored steps.
/// <para>
/// Record means: the state is known at step ends, so the mean state over a record is the
/// trapezoidal mean of the step-end states; the forcing is constant over each step, so its mean
/// is exact. Every diagnostic is linear in (T, T₀, F), so N and the heat uptake of the record are
/// those of the mean state and mean forcing (<see cref="TwoLayerDiagnostics.Of"/>).
/// </para>
/// </summary>
internal sealed class TwoLayerRun : ModelRun
{
    private readonly int _members;
    private readonly TwoLayerParameters[] _parameters;
    private readonly TwoLayerSimulation? _single;
    private readonly TwoLayerEnsemble? _ensemble;
    private readonly double[] _prevT, _prevT0, _sumT, _sumT0, _sumF;
    private readonly IReadOnlyList<(ParameterSpec, double[])> _memberParameters;
    private long _step;
    private int _stepsInRecord;

    /// <summary>Configures the run from a validated scenario.</summary>
    public TwoLayerRun(Scenario scenario)
    {
        var table = scenario.Model.Parameters;
        var forcing = BuildForcing(scenario);
        var theta = scenario.Parameters.ToArray();
        var integrator = TwoLayerModel.TryParseIntegrator(scenario.Integrator, out var parsed)
            ? parsed : throw new InvalidOperationException($"integrator '{scenario.Integrator}' is not one of ebm-two-layer's");
        double t0 = scenario.Initial.GetValueOrDefault("tas");
        double d0 = scenario.Initial.GetValueOrDefault("tas_deep");
        _members = scenario.Ensemble.Members;
        _prevT = new double[_members];
        _prevT0 = new double[_members];
        _sumT = new double[_members];
        _sumT0 = new double[_members];
        _sumF = new double[_members];
        if (_members == 1 && scenario.Ensemble.Sample.Count == 0)
        {
            _single = new TwoLayerSimulation(theta, forcing, integrator, new TwoLayerState(t0, d0));
            _parameters = [_single.Parameters];
            _memberParameters = [];
        }
        else
        {
            if (integrator != TwoLayerIntegrator.Exact)
                throw new UserErrorException($"{scenario.DisplayFile}: ensembles of ebm-two-layer use the exact integrator; remove model.integrator = \"{scenario.Integrator}\"");
            if (t0 != 0 || d0 != 0)
                throw new UserErrorException($"{scenario.DisplayFile}: ensembles of ebm-two-layer start from rest; remove [initial]");
            var all = new double[_members * table.Count];
            new PriorSampler(table, scenario.Ensemble.Sample, scenario.Ensemble.Seed).Fill(theta, _members, all);
            _ensemble = new TwoLayerEnsemble(forcing, all, _members);
            _ensemble.Run();
            _parameters = Enumerable.Range(0, _members).Select(_ensemble.MemberParameters).ToArray();
            _memberParameters = scenario.Ensemble.Sample.Select(name =>
            {
                int i = table.IndexOf(name);
                var values = new double[_members];
                for (int m = 0; m < _members; m++) values[m] = all[m * table.Count + i];
                return (table[i], values);
            }).ToList();
        }
        Array.Fill(_prevT, t0);
        Array.Fill(_prevT0, d0);
        StepCount = forcing.StepCount;
    }

    /// <inheritdoc />
    public override long StepCount { get; }

    /// <inheritdoc />
    public override int MemberCount => _members;

    /// <inheritdoc />
    public override long StepIndex => _step;

    /// <inheritdoc />
    public override IReadOnlyList<(ParameterSpec Spec, double[] Values)> MemberParameters => _memberParameters;

    /// <inheritdoc />
    public override void Step()
    {
        if (_single is not null)
        {
            var d = _single.Step();
            Accumulate(0, d.Temperature, d.DeepTemperature, d.Forcing);
        }
        else
        {
            int n = (int)_step;
            var t = _ensemble!.Temperature(n);
            var t0 = _ensemble.DeepTemperature(n);
            var f = _ensemble.EffectiveForcing(n);
            for (int m = 0; m < _members; m++) Accumulate(m, t[m], t0[m], f[m]);
        }
        _step++;
        _stepsInRecord++;
    }

    /// <inheritdoc />
    public override void StartRecord()
    {
        Array.Clear(_sumT);
        Array.Clear(_sumT0);
        Array.Clear(_sumF);
        _stepsInRecord = 0;
    }

    /// <inheritdoc />
    public override void ReadRecord(OutputVariable variable, Span<double> destination)
    {
        double k = Math.Max(_stepsInRecord, 1);
        for (int m = 0; m < _members; m++)
        {
            var mean = TwoLayerDiagnostics.Of(_parameters[m], 0.0,
                new TwoLayerState(_sumT[m] / k, _sumT0[m] / k), _sumF[m] / k);
            destination[m] = variable.Name switch
            {
                "tas" => mean.Temperature,
                "tas_deep" => mean.DeepTemperature,
                "toa_imbalance" => mean.ToaImbalance,
                "erf" => mean.Forcing,
                "ocean_heat_uptake" => mean.OceanHeatUptake,
                _ => throw new InvalidOperationException($"ebm-two-layer has no output variable '{variable.Name}'"),
            };
        }
    }

    private void Accumulate(int m, double t, double t0, double f)
    {
        _sumT[m] += 0.5 * (_prevT[m] + t);
        _sumT0[m] += 0.5 * (_prevT0[m] + t0);
        _sumF[m] += f;
        _prevT[m] = t;
        _prevT0[m] = t0;
    }

    /// <summary>The scenario's forcing as a basis over its simulated years.</summary>
    internal static ForcingBasis BuildForcing(Scenario s) => s.Forcing switch
    {
        ErfScenarioForcing erf => ForcingBasis.FromErfTable(erf.Table, s.Time.StartYear, s.Time.EndYear, s.Time.StepsPerYear),
        AbruptCo2Forcing a => ForcingBasis.AbruptCo2(a.Co2Multiple, s.Time.Years, s.Time.StepsPerYear),
        RampCo2Forcing r => ForcingBasis.RampCo2(r.RatePercentPerYear / 100.0, s.Time.Years, s.Time.StepsPerYear),
        _ => throw new InvalidOperationException($"forcing type '{s.Forcing.Type}' is not supported by ebm-two-layer"),
    };
}
