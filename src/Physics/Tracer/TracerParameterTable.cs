using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.Tracer;

/// <summary>
/// Parameters θ of the tracer model (<see cref="TracerModel"/>), in θ order:
/// <code>
///   ∂c/∂t + ∇·(s u c) = κ ∇²c
/// </code>
/// θ[0] = κ, the tracer diffusivity (m² s⁻¹), and θ[1] = s, a dimensionless scale factor of the
/// prescribed velocity <c>u</c>, so that gradients with respect to the strength of the flow exist.
/// </summary>
/// <remarks>
/// Defaults: κ = 0 (pure advection, as in Williamson et al. 1992, J. Comput. Phys. 102:211–224, test
/// case 1) and s = 1 (the velocity as prescribed). The upper bound on κ, 10⁶ m² s⁻¹, is above the
/// largest horizontal eddy diffusivities used in coarse ocean and atmosphere models
/// (~10³–10⁵ m² s⁻¹; Griffies 2004, <i>Fundamentals of Ocean Climate Models</i>, ch. 13).
/// </remarks>
public static class TracerParameterTable
{
    /// <summary>Name of the tracer diffusivity κ.</summary>
    public const string Diffusivity = "tracer_diffusivity";

    /// <summary>Name of the velocity scale factor s.</summary>
    public const string VelocityScale = "velocity_scale";

    /// <summary>Index of κ in θ.</summary>
    public const int DiffusivityIndex = 0;

    /// <summary>Index of s in θ.</summary>
    public const int VelocityScaleIndex = 1;

    /// <summary>The two parameters, in θ order.</summary>
    public static ParameterTable All { get; } = new(
    [
        new(Diffusivity, "κ", "m2 s-1", 0.0, 0.0, 1e6,
            "Horizontal (Laplacian) diffusivity of the tracer; 0 for pure advection (Williamson et al. 1992, test case 1)."),
        new(VelocityScale, "s", "1", 1.0, 0.0, 10.0,
            "Factor multiplying the prescribed velocity field; 1 advects with the velocity as given."),
    ]);
}
