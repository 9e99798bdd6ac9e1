namespace ClimateAD.Physics.LatitudeEbm;

/// <summary>
/// The parameters of the latitude energy-balance model as a value (see
/// <see cref="LatitudeEbmParameterTable"/> for the equations, units and defaults), read from θ in table
/// order. The two deep-ocean parameters are zero when the deep ocean is off.
/// </summary>
/// <param name="SolarConstant">S₀, total solar irradiance (W m⁻²).</param>
/// <param name="OlrIntercept">A, OLR at 0 °C (W m⁻²).</param>
/// <param name="OlrSlope">B, OLR increase per kelvin (W m⁻² K⁻¹).</param>
/// <param name="Diffusivity">D, meridional diffusivity in x = sin φ (W m⁻² K⁻¹).</param>
/// <param name="IceFreeAlbedo">α₀, constant part of the ice-free albedo (1).</param>
/// <param name="IceFreeAlbedoP2">α₂, P₂(x) coefficient of the ice-free albedo (1).</param>
/// <param name="IceAlbedo">α_i, albedo of ice-covered latitudes (1).</param>
/// <param name="IceEdgeTemperature">T_i, mid-point of the albedo transition (°C).</param>
/// <param name="TransitionWidth">w, width of the tanh albedo transition (K).</param>
/// <param name="HeatCapacity">C, mixed-layer heat capacity (W yr m⁻² K⁻¹).</param>
/// <param name="DeepExchange">γ, mixed-layer to deep-ocean exchange coefficient (W m⁻² K⁻¹); 0 without the deep ocean.</param>
/// <param name="DeepHeatCapacity">C_d, deep-ocean heat capacity (W yr m⁻² K⁻¹); 0 without the deep ocean.</param>
public readonly record struct LatitudeEbmParameters(
    double SolarConstant,
    double OlrIntercept,
    double OlrSlope,
    double Diffusivity,
    double IceFreeAlbedo,
    double IceFreeAlbedoP2,
    double IceAlbedo,
    double IceEdgeTemperature,
    double TransitionWidth,
    double HeatCapacity,
    double DeepExchange,
    double DeepHeatCapacity)
{
    /// <summary>Global-mean insolation Q = S₀/4 (W m⁻²).</summary>
    public double MeanInsolation => 0.25 * SolarConstant;

    /// <summary>
    /// Reads θ in <see cref="LatitudeEbmParameterTable.For"/> order: 10 surface parameters, then γ and
    /// C_d when <paramref name="deepOcean"/>. Throws <see cref="ArgumentException"/> when θ has the wrong
    /// length or a value is not finite, C, B, w or C_d is not positive, or D or γ is negative.
    /// </summary>
    public static LatitudeEbmParameters FromTheta(ReadOnlySpan<double> theta, bool deepOcean)
    {
        int expected = deepOcean ? LatitudeEbmParameterTable.DeepOceanCount : LatitudeEbmParameterTable.SurfaceCount;
        if (theta.Length != expected)
            throw new ArgumentException($"θ has {theta.Length} entries; the latitude EBM {(deepOcean ? "with" : "without")} deep ocean needs {expected}.", nameof(theta));
        var p = new LatitudeEbmParameters(theta[0], theta[1], theta[2], theta[3], theta[4], theta[5], theta[6], theta[7], theta[8], theta[9],
            deepOcean ? theta[10] : 0.0, deepOcean ? theta[11] : 0.0);
        for (int i = 0; i < theta.Length; i++)
            if (!double.IsFinite(theta[i]))
                throw new ArgumentException($"Latitude EBM parameter '{LatitudeEbmParameterTable.For(deepOcean)[i].Name}' must be finite, got {theta[i]}.", nameof(theta));
        Positive(p.OlrSlope, LatitudeEbmParameterTable.OlrSlope);
        Positive(p.TransitionWidth, LatitudeEbmParameterTable.TransitionWidth);
        Positive(p.HeatCapacity, LatitudeEbmParameterTable.HeatCapacity);
        NonNegative(p.Diffusivity, LatitudeEbmParameterTable.Diffusivity);
        if (deepOcean)
        {
            Positive(p.DeepHeatCapacity, LatitudeEbmParameterTable.DeepHeatCapacity);
            NonNegative(p.DeepExchange, LatitudeEbmParameterTable.DeepExchange);
        }
        return p;

        static void Positive(double v, string name)
        {
            if (!(v > 0.0)) throw new ArgumentException($"Latitude EBM parameter '{name}' must be positive, got {v}.");
        }

        static void NonNegative(double v, string name)
        {
            if (!(v >= 0.0)) throw new ArgumentException($"Latitude EBM parameter '{name}' must not be negative, got {v}.");
        }
    }
}
