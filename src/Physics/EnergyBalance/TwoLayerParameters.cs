using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.EnergyBalance;

/// <summary>
/// The six physical parameters of the two-layer energy-balance model with deep-ocean heat-uptake
/// efficacy (Held et al. 2010, J. Climate 23, 2418–2427; Geoffroy et al. 2013a,b, J. Climate 26,
/// 1841–1857 and 1859–1876):
/// <code>
///   C  dT/dt  = F − λT − εγ(T − T₀)
///   C₀ dT₀/dt = γ(T − T₀)
/// </code>
/// in the order of the first six entries of <see cref="TwoLayerParameterTable.All"/>. Heat
/// capacities are in W yr m⁻² K⁻¹ so that time is in years. All values must be finite and
/// strictly positive (checked by the factories, not by the positional constructor).
/// </summary>
/// <param name="Forcing4xCO2">F₄ₓ, effective radiative forcing of abrupt 4×CO2 (W m⁻²).</param>
/// <param name="ClimateFeedback">λ, climate feedback parameter (W m⁻² K⁻¹).</param>
/// <param name="UpperHeatCapacity">C, heat capacity of atmosphere, land and mixed layer (W yr m⁻² K⁻¹).</param>
/// <param name="DeepHeatCapacity">C₀, heat capacity of the deep ocean (W yr m⁻² K⁻¹).</param>
/// <param name="HeatExchangeCoefficient">γ, upper-to-deep heat-exchange coefficient (W m⁻² K⁻¹).</param>
/// <param name="DeepOceanEfficacy">ε, efficacy of deep-ocean heat uptake (dimensionless).</param>
public readonly record struct TwoLayerParameters(
    double Forcing4xCO2,
    double ClimateFeedback,
    double UpperHeatCapacity,
    double DeepHeatCapacity,
    double HeatExchangeCoefficient,
    double DeepOceanEfficacy)
{
    /// <summary>Number of physical parameters; they occupy θ[0..6) in <see cref="TwoLayerParameterTable.All"/> order.</summary>
    public const int Count = 6;

    /// <summary>The defaults of <see cref="TwoLayerParameterTable.Physical"/>.</summary>
    public static TwoLayerParameters Default { get; } = FromTheta(TwoLayerParameterTable.Physical.Defaults());

    /// <summary>
    /// Reads the physical parameters from θ in <see cref="TwoLayerParameterTable.All"/> order
    /// (only the first <see cref="Count"/> entries are used; forcing scale factors may follow).
    /// Throws <see cref="ArgumentException"/> if θ is too short or a value is not finite and positive.
    /// </summary>
    public static TwoLayerParameters FromTheta(ReadOnlySpan<double> theta)
    {
        if (theta.Length < Count)
            throw new ArgumentException($"θ has {theta.Length} entries; the two-layer model needs at least {Count}.", nameof(theta));
        var p = new TwoLayerParameters(theta[0], theta[1], theta[2], theta[3], theta[4], theta[5]);
        p.Validate();
        return p;
    }

    /// <summary>Reads the physical parameters from values of <see cref="TwoLayerParameterTable.All"/> (or <see cref="TwoLayerParameterTable.Physical"/>).</summary>
    public static TwoLayerParameters FromValues(ParameterValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new TwoLayerParameters(
            values[TwoLayerParameterTable.Forcing4xCO2],
            values[TwoLayerParameterTable.ClimateFeedback],
            values[TwoLayerParameterTable.UpperHeatCapacity],
            values[TwoLayerParameterTable.DeepHeatCapacity],
            values[TwoLayerParameterTable.HeatExchange],
            values[TwoLayerParameterTable.Efficacy]).Validated();
    }

    /// <summary>Writes the six values into θ[0..6) in <see cref="TwoLayerParameterTable.All"/> order.</summary>
    public void CopyTo(Span<double> theta)
    {
        if (theta.Length < Count)
            throw new ArgumentException($"θ has {theta.Length} entries; need at least {Count}.", nameof(theta));
        theta[0] = Forcing4xCO2;
        theta[1] = ClimateFeedback;
        theta[2] = UpperHeatCapacity;
        theta[3] = DeepHeatCapacity;
        theta[4] = HeatExchangeCoefficient;
        theta[5] = DeepOceanEfficacy;
    }

    /// <summary>
    /// Equilibrium climate sensitivity ECS = F₄ₓ / (2λ) (K): the equilibrium warming T = F/λ for the
    /// forcing of doubled CO2, taken as half the 4×CO2 forcing since CO2 forcing is logarithmic in
    /// concentration (Gregory et al. 2004; Geoffroy et al. 2013a, Table 3).
    /// </summary>
    public double EquilibriumClimateSensitivity => Forcing4xCO2 / (2.0 * ClimateFeedback);

    /// <summary>
    /// Transient climate response (K): upper-layer warming at year 70 of a CO2 concentration
    /// rising 1 % per year, F(t) = F₄ₓ t ln(1.01)/ln 4, starting from rest. Computed analytically
    /// in continuous time (no time step) from the two-mode solution,
    /// T(t) = (κ/λ)[t − Σᵢ aᵢτᵢ(1 − e^(−t/τᵢ))] with κ = F₄ₓ ln(1.01)/ln 4, i ∈ {fast, slow}
    /// (Geoffroy et al. 2013a, Eq. 17 with efficacy per 2013b); see <see cref="TwoLayerStepResponse.RampResponse"/>.
    /// </summary>
    public double TransientClimateResponse =>
        new TwoLayerStepResponse(this).RampResponse(Forcing4xCO2 * Math.Log(1.01) / Math.Log(4.0), 70.0).Temperature;

    /// <summary>Returns this value after checking that every parameter is finite and strictly positive.</summary>
    public TwoLayerParameters Validated()
    {
        Validate();
        return this;
    }

    private void Validate()
    {
        Check(Forcing4xCO2, TwoLayerParameterTable.Forcing4xCO2);
        Check(ClimateFeedback, TwoLayerParameterTable.ClimateFeedback);
        Check(UpperHeatCapacity, TwoLayerParameterTable.UpperHeatCapacity);
        Check(DeepHeatCapacity, TwoLayerParameterTable.DeepHeatCapacity);
        Check(HeatExchangeCoefficient, TwoLayerParameterTable.HeatExchange);
        Check(DeepOceanEfficacy, TwoLayerParameterTable.Efficacy);

        static void Check(double value, string name)
        {
            if (!(double.IsFinite(value) && value > 0.0))
                throw new ArgumentException($"Two-layer parameter '{name}' must be finite and positive, got {value}.");
        }
    }
}
