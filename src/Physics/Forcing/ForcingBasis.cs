using ClimateAD.Physics.EnergyBalance;
using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.Forcing;

/// <summary>
/// Effective radiative forcing as a linear combination of basis series, piecewise constant over
/// time steps:
/// <code>
///   F[n] = Σₖ θ[pₖ] Gₖ[n]      (W m⁻²),   step n covering [t₀ + nΔt, t₀ + (n+1)Δt)
/// </code>
/// where Gₖ[n] are fixed basis values (W m⁻², or W m⁻² per unit of the parameter) and pₖ is the
/// index in the parameter vector θ of the coefficient of basis k. Because F is linear in θ,
/// ∂F[n]/∂θ[pₖ] = Gₖ[n] and the adjoint of the forcing is θ̄[pₖ] += Σₙ Gₖ[n] F̄[n].
/// One basis per forcing group (scaled by <c>forcing_scale_*</c>) for historical and scenario
/// forcing (Smith et al. 2021, AR6 WG1 Ch. 7 SM), or one CO2 basis scaled by F₄ₓ for the idealised
/// experiments. Immutable; values are stored step-major (Gₖ[n] at <c>n·K + k</c>).
/// </summary>
public sealed class ForcingBasis
{
    private readonly double[] _values;
    private readonly int[] _parameterIndices;
    private readonly string[] _names;

    /// <summary>
    /// Creates a basis. <paramref name="values"/> holds Gₖ[n] step-major, length
    /// <paramref name="stepCount"/> × K with K = <paramref name="parameterIndices"/>.Length.
    /// </summary>
    /// <param name="source">Where the forcing comes from (file or experiment), for messages and output attributes.</param>
    /// <param name="startTime">t₀, start of step 0, years (a calendar year for real forcing, 0 for idealised experiments).</param>
    /// <param name="timeStep">Δt, years, &gt; 0.</param>
    /// <param name="stepCount">Number of steps N ≥ 0.</param>
    /// <param name="names">A label per basis, e.g. the scale-factor parameter name.</param>
    /// <param name="parameterIndices">pₖ, index in θ of the coefficient of basis k (≥ 0).</param>
    /// <param name="values">Gₖ[n], step-major; copied.</param>
    public ForcingBasis(string source, double startTime, double timeStep, int stepCount,
        IReadOnlyList<string> names, ReadOnlySpan<int> parameterIndices, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(names);
        if (!(timeStep > 0.0 && double.IsFinite(timeStep)))
            throw new ArgumentOutOfRangeException(nameof(timeStep), timeStep, "The time step must be positive and finite.");
        if (!double.IsFinite(startTime))
            throw new ArgumentOutOfRangeException(nameof(startTime), startTime, "The start time must be finite.");
        ArgumentOutOfRangeException.ThrowIfNegative(stepCount);
        int k = parameterIndices.Length;
        if (names.Count != k)
            throw new ArgumentException($"{names.Count} basis names for {k} bases.", nameof(names));
        if ((long)stepCount * k != values.Length)
            throw new ArgumentException($"{values.Length} basis values; expected {stepCount} steps × {k} bases.", nameof(values));
        foreach (int p in parameterIndices)
            if (p < 0) throw new ArgumentOutOfRangeException(nameof(parameterIndices), p, "Parameter indices must be non-negative.");
        foreach (double v in values)
            if (!double.IsFinite(v)) throw new ArgumentException("Basis values must be finite.", nameof(values));

        Source = source;
        StartTime = startTime;
        TimeStep = timeStep;
        StepCount = stepCount;
        _names = names.ToArray();
        _parameterIndices = parameterIndices.ToArray();
        _values = values.ToArray();
        RequiredParameterCount = k == 0 ? 0 : _parameterIndices.Max() + 1;
    }

    /// <summary>Where the forcing comes from.</summary>
    public string Source { get; }

    /// <summary>t₀, start of step 0, years.</summary>
    public double StartTime { get; }

    /// <summary>Δt, years.</summary>
    public double TimeStep { get; }

    /// <summary>Number of steps N.</summary>
    public int StepCount { get; }

    /// <summary>Number of basis series K.</summary>
    public int BasisCount => _parameterIndices.Length;

    /// <summary>Smallest θ length this basis can be evaluated with (largest pₖ + 1).</summary>
    public int RequiredParameterCount { get; }

    /// <summary>pₖ for every basis.</summary>
    public ReadOnlySpan<int> ParameterIndices => _parameterIndices;

    /// <summary>Labels of the bases.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>All values Gₖ[n], step-major (index n·K + k).</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>G₀[n] .. G_(K−1)[n], the basis values of step <paramref name="step"/>.</summary>
    public ReadOnlySpan<double> StepValues(int step)
    {
        if ((uint)step >= (uint)StepCount) throw new ArgumentOutOfRangeException(nameof(step), step, $"Steps are 0..{StepCount - 1}.");
        return _values.AsSpan(step * BasisCount, BasisCount);
    }

    /// <summary>Start of step <paramref name="step"/>, t₀ + nΔt (years); <paramref name="step"/> = N gives the end of the last step.</summary>
    public double StepStart(int step) => StartTime + step * TimeStep;

    /// <summary>F[n] = Σₖ θ[pₖ] Gₖ[n] (W m⁻²), summed in basis order.</summary>
    public double Evaluate(int step, ReadOnlySpan<double> theta)
    {
        var g = StepValues(step);
        CheckTheta(theta);
        double f = 0.0;
        for (int k = 0; k < g.Length; k++) f += theta[_parameterIndices[k]] * g[k];
        return f;
    }

    /// <summary>Writes F[n] for every step into <paramref name="destination"/> (length ≥ N).</summary>
    public void Evaluate(ReadOnlySpan<double> theta, Span<double> destination)
    {
        CheckTheta(theta);
        if (destination.Length < StepCount)
            throw new ArgumentException($"Destination has {destination.Length} entries; need {StepCount}.", nameof(destination));
        int kCount = BasisCount;
        for (int n = 0; n < StepCount; n++)
        {
            double f = 0.0;
            for (int k = 0; k < kCount; k++) f += theta[_parameterIndices[k]] * _values[n * kCount + k];
            destination[n] = f;
        }
    }

    /// <summary>
    /// One basis per forcing group: Gₖ[n] = Σ_(c ∈ group k) ERF_c(year of step n), the annual ERF
    /// of calendar years <paramref name="startYear"/>..<paramref name="endYear"/> (inclusive) held
    /// constant over the <paramref name="stepsPerYear"/> steps of each year; pₖ = index of the
    /// group's scale factor in <paramref name="parameters"/>. With the defaults (all scales 1),
    /// F[n] is the table's total ERF. Defaults: <see cref="TwoLayerParameterTable.Groups"/> and
    /// <see cref="TwoLayerParameterTable.All"/>. t₀ = <paramref name="startYear"/>.
    /// </summary>
    public static ForcingBasis FromErfTable(ErfTable erf, int startYear, int endYear, int stepsPerYear = 1,
        IReadOnlyList<ForcingGroup>? groups = null, ParameterTable? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(erf);
        groups ??= TwoLayerParameterTable.Groups;
        parameters ??= TwoLayerParameterTable.All;
        ArgumentOutOfRangeException.ThrowIfLessThan(stepsPerYear, 1);
        if (startYear < erf.FirstYear || endYear > erf.LastYear || endYear < startYear)
            throw new ArgumentOutOfRangeException(nameof(startYear),
                $"Years {startYear}-{endYear} are not within {erf.Source} ({erf.FirstYear}-{erf.LastYear}).");

        int k = groups.Count;
        var indices = new int[k];
        var names = new string[k];
        for (int g = 0; g < k; g++)
        {
            indices[g] = IndexOrThrow(parameters, groups[g].ParameterName);
            names[g] = groups[g].ParameterName;
        }
        int years = endYear - startYear + 1;
        int steps = years * stepsPerYear;
        var values = new double[steps * k];
        for (int g = 0; g < k; g++)
        {
            for (int y = 0; y < years; y++)
            {
                double sum = 0.0;
                foreach (var c in groups[g].Components) sum += erf[c, startYear + y];
                for (int s = 0; s < stepsPerYear; s++) values[(y * stepsPerYear + s) * k + g] = sum;
            }
        }
        return new ForcingBasis($"{erf.Source} {startYear}-{endYear}", startYear, 1.0 / stepsPerYear, steps, names, indices, values);
    }

    /// <summary>
    /// Abrupt change of CO2 to <paramref name="multiple"/> × pre-industrial at t = 0, held for
    /// <paramref name="years"/> years: one basis G[n] = ln(m)/ln 4 scaled by
    /// <see cref="TwoLayerParameterTable.Forcing4xCO2"/>, so F = F₄ₓ ln(m)/ln 4 (logarithmic CO2
    /// forcing; m = 4 gives F₄ₓ). t₀ = 0.
    /// </summary>
    public static ForcingBasis AbruptCo2(double multiple, int years, int stepsPerYear = 1, ParameterTable? parameters = null)
    {
        if (!(multiple > 0.0 && double.IsFinite(multiple)))
            throw new ArgumentOutOfRangeException(nameof(multiple), multiple, "The CO2 multiple must be positive.");
        int steps = IdealisedSteps(years, stepsPerYear);
        var values = new double[steps];
        Array.Fill(values, Math.Log(multiple) / Math.Log(4.0));
        return Co2Basis(FormattableString.Invariant($"abrupt-{multiple:G6}xCO2"), steps, stepsPerYear, values, parameters);
    }

    /// <summary>
    /// CO2 rising by a fraction <paramref name="rate"/> per year (0.01 for the 1pctCO2 experiment)
    /// for <paramref name="years"/> years: one basis evaluated at the step midpoint
    /// t = (n + ½)Δt, G[n] = t ln(1 + r)/ln 4, scaled by <see cref="TwoLayerParameterTable.Forcing4xCO2"/>.
    /// Since the forcing is linear in t, the midpoint value is also the step mean. t₀ = 0.
    /// </summary>
    public static ForcingBasis RampCo2(double rate, int years, int stepsPerYear = 1, ParameterTable? parameters = null)
    {
        if (!(rate > -1.0 && double.IsFinite(rate)))
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The CO2 growth rate must be greater than −1.");
        int steps = IdealisedSteps(years, stepsPerYear);
        double slope = Math.Log(1.0 + rate) / Math.Log(4.0);
        var values = new double[steps];
        for (int n = 0; n < steps; n++) values[n] = (n + 0.5) / stepsPerYear * slope;
        return Co2Basis(FormattableString.Invariant($"{rate * 100:G6}pctCO2"), steps, stepsPerYear, values, parameters);
    }

    private static ForcingBasis Co2Basis(string source, int steps, int stepsPerYear, double[] values, ParameterTable? parameters)
    {
        parameters ??= TwoLayerParameterTable.All;
        int index = IndexOrThrow(parameters, TwoLayerParameterTable.Forcing4xCO2);
        return new ForcingBasis(source, 0.0, 1.0 / stepsPerYear, steps, [TwoLayerParameterTable.Forcing4xCO2], [index], values);
    }

    private static int IdealisedSteps(int years, int stepsPerYear)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(years);
        ArgumentOutOfRangeException.ThrowIfLessThan(stepsPerYear, 1);
        return checked(years * stepsPerYear);
    }

    private static int IndexOrThrow(ParameterTable parameters, string name)
    {
        int i = parameters.IndexOf(name);
        if (i < 0) throw new ArgumentException($"The parameter table has no '{name}'.", nameof(parameters));
        return i;
    }

    private void CheckTheta(ReadOnlySpan<double> theta)
    {
        if (theta.Length < RequiredParameterCount)
            throw new ArgumentException($"θ has {theta.Length} entries; the forcing basis needs {RequiredParameterCount}.", nameof(theta));
    }
}
