using ClimateAD.IO.Netcdf;
using ClimateAD.IO.Scenarios;
using ClimateAD.Physics.LatitudeEbm;
using ClimateAD.Physics.Models;

namespace ClimateAD.Cli.Running;

/// <summary>
/// The 1-D latitude EBM (<see cref="LatitudeEbmScenarioModel"/>) behind a scenario: a
/// <see cref="LatitudeEbmSimulation"/> from a uniform initial temperature. A record holds the mean
/// over its steps of the step-end snapshots (zonal temperatures and every diagnostic).
/// </summary>
internal sealed class LatitudeEbmRun : ModelRun
{
    private readonly LatitudeEbmSimulation _simulation;
    private readonly double[] _sumT, _sumDeep;
    private double _sumGlobal, _sumIceEdge, _sumAlbedo, _sumImbalance;
    private int _stepsInRecord;

    /// <summary>Configures the run from a validated scenario.</summary>
    public LatitudeEbmRun(Scenario scenario)
    {
        var (model, theta, x0) = Build(scenario);
        if (!model.DeepOcean && scenario.Output.Variables.Any(v => v.Name == "tas_deep"))
            throw new UserErrorException($"{scenario.DisplayFile}: output variable tas_deep needs [model] deep_ocean = true");
        _simulation = new LatitudeEbmSimulation(model, theta, x0);
        _sumT = new double[model.CellCount];
        _sumDeep = new double[model.CellCount];
        StepCount = scenario.Time.Steps;
        Axes =
        [
            NetcdfDimension.Coordinate("lat", model.Grid.CentreLatitudes.ToArray(), "degrees_north", "latitude of the cell centre")
                with { StandardName = "latitude", Axis = "Y" },
        ];
    }

    /// <summary>
    /// The model, parameters (θ of the model's own table: without γ and C_d when the deep ocean is
    /// off) and initial state a scenario describes; shared with the sensitivity and <c>gradcheck</c>.
    /// </summary>
    public static (LatitudeEbmModel Model, double[] Theta, double[] Initial) Build(Scenario s)
    {
        int cells = (int)s.Settings[LatitudeEbmScenarioModel.Cells];
        bool deep = s.Settings[LatitudeEbmScenarioModel.DeepOcean] != 0;
        var grid = new Grid.Latitude.LatitudeGrid(cells);
        var insolation = AnnualInsolation.FromOrbit(grid, s.Settings[LatitudeEbmScenarioModel.Obliquity]);
        var model = new LatitudeEbmModel(grid, insolation, deep, s.Time.Step);
        var theta = s.Parameters.ToArray()[..model.Parameters.Count];
        if (s.Files.TryGetValue(LatitudeEbmScenarioModel.CorrectionNetwork, out var file))
        {
            var term = new Hybrid.Terms.NetworkSubgridTerm(ClosureNetworkFile.Load(file, "a latitude-EBM correction maps T_j to S(T_j)"));
            model = model.WithCorrection(term);
            theta = [.. theta, .. term.Network.Weights];
        }
        return (model, theta, model.UniformState(s.Initial[LatitudeEbmScenarioModel.InitialTemperature]));
    }

    /// <inheritdoc />
    public override long StepCount { get; }

    /// <inheritdoc />
    public override long StepIndex => _simulation.StepIndex;

    /// <inheritdoc />
    public override IReadOnlyList<NetcdfDimension> Axes { get; }

    /// <inheritdoc />
    public override void Step()
    {
        var s = _simulation.Advance();
        for (int i = 0; i < _sumT.Length; i++) _sumT[i] += s.Temperature[i];
        if (s.DeepTemperature is { } deep)
            for (int i = 0; i < _sumDeep.Length; i++) _sumDeep[i] += deep[i];
        _sumGlobal += s.GlobalMeanTemperature;
        _sumIceEdge += s.NorthernIceEdge;
        _sumAlbedo += s.GlobalMeanAlbedo;
        _sumImbalance += s.ToaImbalance;
        _stepsInRecord++;
    }

    /// <inheritdoc />
    public override void StartRecord()
    {
        Array.Clear(_sumT);
        Array.Clear(_sumDeep);
        _sumGlobal = _sumIceEdge = _sumAlbedo = _sumImbalance = 0;
        _stepsInRecord = 0;
    }

    /// <inheritdoc />
    public override void ReadRecord(OutputVariable variable, Span<double> destination)
    {
        double inv = 1.0 / Math.Max(1, _stepsInRecord);
        switch (variable.Name)
        {
            case "tas":
                for (int i = 0; i < _sumT.Length; i++) destination[i] = _sumT[i] * inv;
                break;
            case "tas_deep":
                for (int i = 0; i < _sumDeep.Length; i++) destination[i] = _sumDeep[i] * inv;
                break;
            case "tas_global": destination[0] = _sumGlobal * inv; break;
            case "ice_edge": destination[0] = _sumIceEdge * inv; break;
            case "planetary_albedo": destination[0] = _sumAlbedo * inv; break;
            case "toa_imbalance": destination[0] = _sumImbalance * inv; break;
            default:
                throw new InvalidOperationException($"ebm-latitude has no variable '{variable.Name}'");
        }
    }
}
