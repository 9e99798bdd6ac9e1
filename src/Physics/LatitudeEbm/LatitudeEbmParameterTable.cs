using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.LatitudeEbm;

/// <summary>
/// Parameters of the 1-D diffusive energy-balance model on latitude (Budyko 1969; Sellers 1969;
/// North 1975, J. Atmos. Sci. 32, 2033–2043; North, Cahalan &amp; Coakley 1981, Rev. Geophys. Space
/// Phys. 19, 91–121, "NCC81"):
/// <code>
///   C ∂T/∂t = (S₀/4) s(x) (1 − α(x, T)) − (A + B T) + D ∂/∂x[(1 − x²) ∂T/∂x] − γ(T − T_d)
///   C_d ∂T_d/∂t = γ(T − T_d)                                     (optional deep ocean)
///   α(x, T) = α_i/2 (1 − tanh u) + (α₀ + α₂P₂(x))/2 (1 + tanh u),   u = (T − T_i)/w
/// </code>
/// T in °C, time in years, heat capacities in W yr m⁻² K⁻¹ (1 W yr m⁻² K⁻¹ = 3.156×10⁷ J m⁻² K⁻¹, as
/// in the two-layer model). The θ order is the order of <see cref="Surface"/>, followed by
/// <see cref="DeepOcean"/> when the deep ocean is on (<see cref="For"/>).
/// </summary>
/// <remarks>
/// Defaults: A, B, D, α₂, α_i and T_i are NCC81's (their Table 2 and §4: A = 203.3 W m⁻², B = 2.09
/// W m⁻² K⁻¹, D = 0.649 W m⁻² K⁻¹, ice-free co-albedo 0.681 − 0.202P₂(x), ice albedo 0.62 poleward of the
/// −10 °C isotherm). NCC81 tuned these with Q = 334.4 W m⁻² (S₀ = 1337.6); with the present-day total
/// solar irradiance S₀ = 1360.8 W m⁻² (Kopp &amp; Lean 2011, Geophys. Res. Lett. 38, L01706) the same
/// albedo gives an almost ice-free planet, so the ice-free albedo constant α₀ is raised from NCC81's
/// 0.319 to <see cref="DefaultIceFreeAlbedo"/>, which restores their present-day ice edge near 72° N
/// (x ≈ 0.95) — see docs/models/ebm-latitude.md.
/// </remarks>
public static class LatitudeEbmParameterTable
{
    /// <summary>Name of the solar constant S₀.</summary>
    public const string SolarConstant = "solar_constant";
    /// <summary>Name of the OLR intercept A.</summary>
    public const string OlrIntercept = "olr_intercept";
    /// <summary>Name of the OLR slope B.</summary>
    public const string OlrSlope = "olr_slope";
    /// <summary>Name of the meridional diffusivity D.</summary>
    public const string Diffusivity = "meridional_diffusivity";
    /// <summary>Name of the ice-free albedo constant α₀.</summary>
    public const string IceFreeAlbedo = "ice_free_albedo";
    /// <summary>Name of the ice-free albedo P₂ coefficient α₂.</summary>
    public const string IceFreeAlbedoP2 = "ice_free_albedo_p2";
    /// <summary>Name of the ice albedo α_i.</summary>
    public const string IceAlbedo = "ice_albedo";
    /// <summary>Name of the ice-edge temperature T_i.</summary>
    public const string IceEdgeTemperature = "ice_edge_temperature";
    /// <summary>Name of the albedo transition width w.</summary>
    public const string TransitionWidth = "albedo_transition_width";
    /// <summary>Name of the mixed-layer heat capacity C.</summary>
    public const string HeatCapacity = "mixed_layer_heat_capacity";
    /// <summary>Name of the deep-ocean heat-exchange coefficient γ.</summary>
    public const string DeepExchange = "deep_exchange_coefficient";
    /// <summary>Name of the deep-ocean heat capacity C_d.</summary>
    public const string DeepHeatCapacity = "deep_heat_capacity";

    /// <summary>Default ice-free albedo constant α₀ (see the remarks): 0.33.</summary>
    public const double DefaultIceFreeAlbedo = 0.33;

    /// <summary>Number of surface parameters (θ[0..10)).</summary>
    public const int SurfaceCount = 10;

    /// <summary>Number of parameters with the deep ocean on (θ[0..12)).</summary>
    public const int DeepOceanCount = 12;

    /// <summary>The ten surface-layer parameters, in θ order.</summary>
    public static ParameterTable Surface { get; } = new(
    [
        new(SolarConstant, "S₀", "W m-2", 1360.8, 1000.0, 2000.0,
            "Total solar irradiance; the global-mean insolation is Q = S₀/4 (present day 1360.8, Kopp & Lean 2011)."),
        new(OlrIntercept, "A", "W m-2", 203.3, 150.0, 260.0,
            "Outgoing longwave radiation at 0 °C in the linear fit OLR = A + B T (Budyko 1969; NCC81 Table 2)."),
        new(OlrSlope, "B", "W m-2 K-1", 2.09, 0.5, 5.0,
            "Increase of outgoing longwave radiation per kelvin: the Planck response with water-vapour and lapse-rate feedbacks (NCC81 Table 2)."),
        new(Diffusivity, "D", "W m-2 K-1", 0.649, 0.0, 3.0,
            "Meridional heat diffusivity in x = sin(latitude), so that the transport term is D d/dx[(1 - x^2) dT/dx] (NCC81, fitted to the present ice edge)."),
        new(IceFreeAlbedo, "α₀", "1", DefaultIceFreeAlbedo, 0.0, 1.0,
            "Constant part of the ice-free albedo alpha0 + alpha2 P2(x) (NCC81 use 0.319; raised to 0.33 for S0 = 1360.8, see the docs)."),
        new(IceFreeAlbedoP2, "α₂", "1", 0.202, -0.5, 0.5,
            "P2(x) coefficient of the ice-free albedo: brighter towards the poles through cloud and zenith angle (NCC81, co-albedo 0.681 - 0.202 P2)."),
        new(IceAlbedo, "α_i", "1", 0.62, 0.0, 1.0,
            "Albedo of ice- and snow-covered latitudes (NCC81; Budyko 1969)."),
        new(IceEdgeTemperature, "T_i", "degC", -10.0, -30.0, 10.0,
            "Annual-mean temperature at the ice edge, the mid-point of the albedo transition (Budyko 1969; NCC81)."),
        new(TransitionWidth, "w", "K", 2.0, 0.1, 20.0,
            "Temperature width of the smooth tanh albedo transition; makes the albedo differentiable, and w -> 0 recovers the step albedo of NCC81."),
        new(HeatCapacity, "C", "W yr m-2 K-1", 6.5, 0.1, 100.0,
            "Heat capacity of atmosphere and ocean mixed layer per unit area: a 50 m ocean mixed layer, 1025 kg m-3 x 3990 J kg-1 K-1 x 50 m."),
    ]);

    /// <summary>The two deep-ocean parameters (θ[10..12) when the deep ocean is on).</summary>
    public static ParameterTable DeepOcean { get; } = new(
    [
        new(DeepExchange, "γ", "W m-2 K-1", 0.617, 0.0, 5.0,
            "Heat-exchange coefficient between the mixed layer and the deep ocean below each latitude (as in the two-layer EBM, Geoffroy et al. 2013)."),
        new(DeepHeatCapacity, "C_d", "W yr m-2 K-1", 109.6, 1.0, 2000.0,
            "Heat capacity of the deep ocean below each latitude (as in the two-layer EBM, Geoffroy et al. 2013)."),
    ]);

    /// <summary>Surface and deep-ocean parameters together (θ with the deep ocean on).</summary>
    public static ParameterTable WithDeepOcean { get; } = Surface.Concat(DeepOcean);

    /// <summary>The table for a model with (<see cref="WithDeepOcean"/>) or without (<see cref="Surface"/>) the deep ocean.</summary>
    public static ParameterTable For(bool deepOcean) => deepOcean ? WithDeepOcean : Surface;
}
