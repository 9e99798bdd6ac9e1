namespace ClimateAD.Physics.LatitudeEbm;

/// <summary>
/// One run of the latitude energy-balance model (<see cref="LatitudeEbmModel"/>) with fixed parameters
/// from an initial state, step by step with <see cref="LatitudeEbmStep.Forward"/> (so a run is bit-for-bit
/// the trajectory the gradient harness differentiates). Each step returns a
/// <see cref="LatitudeEbmSnapshot"/> at its end. Not thread-safe; one instance per run.
/// </summary>
public sealed class LatitudeEbmSimulation
{
    private readonly double[] _theta, _initial, _absorbed;
    private double[] _state, _next;

    /// <summary>
    /// Prepares a run of <paramref name="model"/> with parameters <paramref name="theta"/>
    /// (<see cref="LatitudeEbmModel.Parameters"/> order; copied) from <paramref name="initialState"/>
    /// (<see cref="LatitudeEbmModel.StateLength"/> values, °C; copied).
    /// </summary>
    public LatitudeEbmSimulation(LatitudeEbmModel model, ReadOnlySpan<double> theta, ReadOnlySpan<double> initialState)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (theta.Length != model.Parameters.Count)
            throw new ArgumentException($"θ has {theta.Length} entries; the model needs {model.Parameters.Count}.", nameof(theta));
        Parameters = LatitudeEbmParameters.FromTheta(theta[..model.PhysicalParameterCount], model.DeepOcean);
        if (initialState.Length != model.StateLength)
            throw new ArgumentException($"The initial state has {initialState.Length} values; the model needs {model.StateLength}.", nameof(initialState));
        Model = model;
        Step = new LatitudeEbmStep(model);
        _theta = theta.ToArray();
        _initial = initialState.ToArray();
        _state = initialState.ToArray();
        _next = new double[model.StateLength];
        _absorbed = new double[model.CellCount];
    }

    /// <summary>The model.</summary>
    public LatitudeEbmModel Model { get; }

    /// <summary>The differentiable step the run uses.</summary>
    public LatitudeEbmStep Step { get; }

    /// <summary>The parameters.</summary>
    public LatitudeEbmParameters Parameters { get; }

    /// <summary>Steps taken so far.</summary>
    public int StepIndex { get; private set; }

    /// <summary>Model time, years since the start: <see cref="StepIndex"/> × Δt.</summary>
    public double Time => StepIndex * Model.TimeStep;

    /// <summary>The current state vector (surface temperatures, then deep-ocean temperatures with the deep ocean), °C.</summary>
    public ReadOnlySpan<double> State => _state;

    /// <summary>
    /// Diagnostics of the current state (the initial state before any step). With a correction term
    /// S (<see cref="LatitudeEbmModel.Correction"/>) its global mean counts as a change of the outgoing
    /// flux: imbalance = ASR − (A + B T̄) + S̄.
    /// </summary>
    public LatitudeEbmSnapshot Snapshot()
    {
        int n = Model.CellCount;
        var grid = Model.Grid;
        double[] t = _state[..n];
        Step.AbsorbedSunlight(t, Parameters, _absorbed);
        double absorbed = grid.GlobalMean(_absorbed);
        double olr = Parameters.OlrIntercept + Parameters.OlrSlope * grid.GlobalMean(t);
        if (Model.Correction is { } correction)
        {
            // The correction is part of the column's energy budget: counted as a change of the outgoing flux.
            var phi = _theta.AsSpan(Model.PhysicalParameterCount);
            for (int j = 0; j < n; j++) _absorbed[j] = correction.Evaluate(t[j], phi);
            olr -= grid.GlobalMean(_absorbed);
        }
        return new LatitudeEbmSnapshot(Time, t, Model.DeepOcean ? _state[n..] : null, grid.GlobalMean(t),
            IceEdge.NorthernLatitude(grid, t, Parameters.IceEdgeTemperature),
            IceEdge.SouthernLatitude(grid, t, Parameters.IceEdgeTemperature),
            1.0 - absorbed / Parameters.MeanInsolation, absorbed - olr);
    }

    /// <summary>Takes one step of Δt and returns the diagnostics at its end.</summary>
    public LatitudeEbmSnapshot Advance()
    {
        Step.Forward(StepIndex, _state, _theta, _next);
        (_state, _next) = (_next, _state);
        StepIndex++;
        return Snapshot();
    }

    /// <summary>Takes <paramref name="steps"/> steps; element i is the snapshot at the end of step <see cref="StepIndex"/> + i.</summary>
    public LatitudeEbmSnapshot[] Run(int steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        var result = new LatitudeEbmSnapshot[steps];
        for (int i = 0; i < steps; i++) result[i] = Advance();
        return result;
    }

    /// <summary>Runs for <paramref name="years"/> years (rounded to whole steps of Δt).</summary>
    public LatitudeEbmSnapshot[] RunYears(double years)
    {
        if (!(years >= 0.0 && double.IsFinite(years)))
            throw new ArgumentOutOfRangeException(nameof(years), years, "The run length must be non-negative and finite.");
        return Run((int)Math.Round(years / Model.TimeStep));
    }

    /// <summary>Returns to step 0 and the initial state.</summary>
    public void Reset()
    {
        StepIndex = 0;
        _initial.CopyTo(_state, 0);
    }
}
