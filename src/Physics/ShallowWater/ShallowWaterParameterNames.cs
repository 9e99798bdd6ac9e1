namespace ClimateAD.Physics.ShallowWater;

/// <summary>Names of the shallow-water parameters (one per term that has a coefficient), as they appear in the parameter table.</summary>
public static class ShallowWaterParameterNames
{
    /// <summary>Gravity <c>g</c> (m s⁻²) of <see cref="BernoulliGradient"/>.</summary>
    public const string Gravity = "gravity";

    /// <summary>Laplacian viscosity <c>ν</c> (m² s⁻¹) of <see cref="LaplacianViscosity"/>.</summary>
    public const string LaplacianViscosity = "laplacian_viscosity";

    /// <summary>Biharmonic viscosity <c>ν₄</c> (m⁴ s⁻¹) of <see cref="BiharmonicViscosity"/>.</summary>
    public const string BiharmonicViscosity = "biharmonic_viscosity";

    /// <summary>Linear drag damping time <c>τ_d = 1/r</c> (s) of <see cref="LinearDrag"/>.</summary>
    public const string LinearDrag = "linear_drag_time";

    /// <summary>Quadratic drag coefficient <c>C_d</c> (1) of <see cref="QuadraticDrag"/>.</summary>
    public const string QuadraticDrag = "quadratic_drag_coefficient";

    /// <summary>Wind-stress amplitude <c>τ₀</c> (N m⁻²) of <see cref="WindStress"/>.</summary>
    public const string WindStress = "wind_stress_amplitude";

    /// <summary>Thickness relaxation time <c>τ</c> (s) of <see cref="HeightRelaxation"/>.</summary>
    public const string Relaxation = "thickness_relaxation_time";
}
