using ClimateAD.Physics.Models;
using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// The rotating shallow-water model (<see cref="ShallowWaterConfiguration"/>) as scenario models, one per
/// classic experiment of <see cref="ShallowWaterSetups"/>:
/// <code>
///   ∂h/∂t = −∇·(h 𝐮)
///   ∂𝐮/∂t = −q 𝐤 × (h 𝐮) − ∇(g h + K) + ν ∇²𝐮 − ν₄ ∇⁴𝐮 − 𝐮/τ_d + τ₀ 𝐏 / (ρ₀ h)
/// </code>
/// on an Arakawa C-grid (Sadourny 1975 energy-conserving PV flux): <c>swe-double-gyre</c> (wind-driven
/// β-plane basin, Munk 1950), <c>swe-geostrophic-adjustment</c> (Rossby adjustment on an f-plane, Gill
/// 1982 §7.2), <c>swe-williamson-tc2</c> (steady zonal flow, Williamson et al. 1992) and
/// <c>swe-galewsky</c> (barotropic instability, Galewsky et al. 2004). Time counts in days; the
/// scenario's <c>[time] step</c> is the model time step (a fraction 1/k of a day). The parameters are
/// the coefficients of the active terms (<see cref="ShallowWaterParameterNames"/>); grid and geometry
/// are structural settings in <c>[model]</c>. See docs/models/shallow-water.md.
/// </summary>
public static class ShallowWaterScenarioModels
{
    /// <summary>Scenario name of the wind-driven double gyre.</summary>
    public const string DoubleGyreName = "swe-double-gyre";

    /// <summary>Scenario name of the geostrophic adjustment.</summary>
    public const string GeostrophicAdjustmentName = "swe-geostrophic-adjustment";

    /// <summary>Scenario name of Williamson test case 2.</summary>
    public const string WilliamsonTc2Name = "swe-williamson-tc2";

    /// <summary>Scenario name of the Galewsky barotropic instability.</summary>
    public const string GalewskyName = "swe-galewsky";

    /// <summary>Integrator names, in <see cref="ShallowWaterTimeStepper"/> order.</summary>
    public static IReadOnlyList<string> StepperNames { get; } = ["ssp-rk3", "wicker-skamarock-rk3", "rk4", "ab3"];

    /// <summary>The stepper a <c>model.integrator</c> name stands for.</summary>
    public static ShallowWaterTimeStepper Stepper(string integrator) => integrator switch
    {
        "ssp-rk3" => ShallowWaterTimeStepper.SspRk3,
        "wicker-skamarock-rk3" => ShallowWaterTimeStepper.WickerSkamarockRk3,
        "rk4" => ShallowWaterTimeStepper.Rk4,
        "ab3" => ShallowWaterTimeStepper.AdamsBashforth3,
        _ => throw new ArgumentException($"unknown shallow-water integrator '{integrator}' (valid: {string.Join(", ", StepperNames)})", nameof(integrator)),
    };

    /// <summary>Time unit of the shallow-water scenarios: the day.</summary>
    public static ModelTimeUnit Day { get; } = new("day", "d", 1.0, false, "model days since the start of the run");

    /// <summary>Setting: cells per side (double gyre), cells along the channel (adjustment), cells in longitude (sphere).</summary>
    public const string Cells = "cells";

    /// <summary>Setting: basin side (m).</summary>
    public const string BasinLength = "basin_length";

    /// <summary>Setting: resting layer thickness (m).</summary>
    public const string Depth = "depth";

    /// <summary>Setting: Coriolis parameter f₀ (s⁻¹).</summary>
    public const string Coriolis = "coriolis";

    /// <summary>Setting: β (m⁻¹ s⁻¹).</summary>
    public const string Beta = "beta";

    /// <summary>Setting: number of gyres (1 or 2).</summary>
    public const string Gyres = "gyres";

    /// <summary>Setting: height of the initial step (m).</summary>
    public const string StepHeight = "step_height";

    /// <summary>Setting: cells per Rossby radius.</summary>
    public const string CellsPerRadius = "cells_per_radius";

    /// <summary>Setting: latitude of the polar walls (degrees).</summary>
    public const string LatitudeCap = "latitude_cap";

    /// <summary>Setting: Galewsky height perturbation on or off.</summary>
    public const string Perturbation = "perturbation";

    /// <summary>Fields on the common cell-centre grid and integral diagnostics, for a model whose axes are <paramref name="y"/>, <paramref name="x"/>.</summary>
    private static OutputVariable[] Variables(string y, string x) =>
    [
        new("h", "m", "Layer thickness at cell centres") { Axes = [y, x] },
        // No CF standard names: the CF table has only medium-specific ones (sea water / air), and these
        // models are either (the double gyre is an ocean, Galewsky's jet an atmosphere).
        new("u", "m s-1", "Eastward velocity interpolated to cell centres") { Axes = [y, x] },
        new("v", "m s-1", "Northward velocity interpolated to cell centres") { Axes = [y, x] },
        new("vorticity", "s-1", "Relative vorticity, circulation at cell corners averaged to cell centres") { Axes = [y, x] },
        new("mass", "m3", "Volume sum of A h over wet cells"),
        new("energy", "m5 s-2", "Total energy per unit density, potential plus kinetic"),
        new("enstrophy", "m s-2", "Potential enstrophy sum of A h q^2 / 2 over corners"),
        new("max_speed", "m s-1", "Largest face speed"),
        new("max_cfl", "1", "Largest advective plus gravity-wave CFL number"),
    ];

    private static ParameterSpec Spec(IShallowWaterTerm term) => term.Parameter!;

    /// <summary>Default resolution of <c>swe-double-gyre</c>.</summary>
    public const int DoubleGyreCells = 48;

    /// <summary>The wind-driven double gyre in a closed β-plane basin.</summary>
    public static ModelDescriptor DoubleGyre { get; } = new(
        DoubleGyreName,
        "Wind-driven double gyre in a closed beta-plane basin: rotating shallow water on a C-grid with Laplacian viscosity and linear drag (Munk 1950; Stommel 1948).",
        "docs/models/shallow-water.md",
        new ParameterTable([Spec(new BernoulliGradient(9.81)), Spec(new LaplacianViscosity(2e4)), Spec(new LinearDrag(10 * 86400.0)), Spec(new WindStress(0.1))]),
        StepperNames,
        Variables("y", "x"))
    {
        TimeUnit = Day,
        UsesForcing = false,
        SupportsEnsemble = false,
        SupportsCuda = true,
        Settings =
        [
            new(Cells, "1", DoubleGyreCells, 8, 2048, true, "Cells per side of the square basin"),
            new(BasinLength, "m", 1.2e6, 1e4, 2e7, false, "Side L of the square basin"),
            new(Depth, "m", 500, 1, 1e4, false, "Resting layer thickness H"),
            new(Coriolis, "s-1", 1e-4, -1e-3, 1e-3, false, "Coriolis parameter f0 at the basin centre"),
            new(Beta, "m-1 s-1", 2e-11, 0, 1e-9, false, "Meridional gradient beta of the Coriolis parameter"),
            new(Gyres, "1", 2, 1, 2, true, "Number of gyres of the wind pattern -cos(k pi y / L)"),
        ],
        SensitivityDiagnostics = [WesternBoundaryTransport],
        CheckpointedSensitivity = true,
    };

    /// <summary>
    /// Sensitivity diagnostic of <c>swe-double-gyre</c>: the northward volume transport of the western
    /// boundary current, <c>T = H Σ_{i &lt; Nx/4} v(i, j₀) Δx</c> (m³ s⁻¹) across the v-face row <c>j₀ = Ny/4</c>
    /// (<c>y = −L/4</c>, the middle of the southern gyre) in the western quarter of the basin, with the resting
    /// depth <c>H</c> (linear in the state, so the time mean is a smooth diagnostic).
    /// </summary>
    public const string WesternBoundaryTransport = "western_boundary_transport";

    /// <summary>Rossby's geostrophic adjustment in a periodic f-plane channel.</summary>
    public static ModelDescriptor GeostrophicAdjustment { get; } = new(
        GeostrophicAdjustmentName,
        "Geostrophic adjustment of a thickness step on an f-plane: rotating shallow water in a periodic channel (Gill 1982, section 7.2).",
        "docs/models/shallow-water.md",
        new ParameterTable([Spec(new BernoulliGradient(9.81))]),
        ["rk4", "ssp-rk3", "wicker-skamarock-rk3", "ab3"],
        Variables("y", "x"))
    {
        TimeUnit = Day,
        UsesForcing = false,
        SupportsEnsemble = false,
        SupportsCuda = true,
        Settings =
        [
            new(Cells, "1", 256, 8, 100_000, true, "Cells along the channel (the channel is two cells wide, periodic both ways)"),
            new(Depth, "m", 100, 1, 1e4, false, "Resting layer thickness H"),
            new(StepHeight, "m", 1, -1e3, 1e3, false, "Height of the initial top-hat over the middle half of the channel"),
            new(Coriolis, "s-1", 1e-4, 1e-6, 1e-3, false, "Coriolis parameter f"),
            new(CellsPerRadius, "1", 4, 1, 64, true, "Cells per Rossby radius sqrt(g H)/f"),
        ],
    };

    private static IReadOnlyList<ModelSetting> SphereSettings(int cells, double cap) =>
    [
        new(Cells, "1", cells, 8, 4096, true, "Cells in longitude (360/cells degrees; rows of the same spacing between the walls)"),
        new(LatitudeCap, "degree", cap, 10, 89, false, "Latitude of the polar walls (the model's polar cap)"),
    ];

    /// <summary>Williamson et al. (1992) test case 2 on the sphere.</summary>
    public static ModelDescriptor WilliamsonTc2 { get; } = new(
        WilliamsonTc2Name,
        "Williamson et al. (1992) test case 2: steady zonal geostrophic flow on the sphere, rotating shallow water on a latitude-longitude C-grid.",
        "docs/models/shallow-water.md",
        new ParameterTable([Spec(new BernoulliGradient(ShallowWaterSetups.WilliamsonGravity))]),
        ["rk4", "ssp-rk3", "wicker-skamarock-rk3", "ab3"],
        [.. Variables("lat", "lon"), new("h_error", "m", "Largest |h - h_exact| of Williamson test case 2")])
    {
        TimeUnit = Day,
        UsesForcing = false,
        SupportsEnsemble = false,
        SupportsCuda = true,
        Settings = SphereSettings(64, 78.75),
    };

    /// <summary>Galewsky et al. (2004) barotropic instability on the sphere.</summary>
    public static ModelDescriptor Galewsky { get; } = new(
        GalewskyName,
        "Galewsky et al. (2004) barotropic instability of a mid-latitude jet on the sphere, rotating shallow water on a latitude-longitude C-grid.",
        "docs/models/shallow-water.md",
        new ParameterTable([Spec(new BernoulliGradient(ShallowWaterSetups.WilliamsonGravity)), Spec(new BiharmonicViscosity(1e14))]),
        ["rk4", "ssp-rk3", "wicker-skamarock-rk3", "ab3"],
        Variables("lat", "lon"))
    {
        TimeUnit = Day,
        UsesForcing = false,
        SupportsEnsemble = false,
        SupportsCuda = true,
        Settings = [.. SphereSettings(128, 80), ModelSetting.Boolean(Perturbation, true, "Add the Galewsky height perturbation that triggers the instability")],
    };

    /// <summary>The four shallow-water scenario models.</summary>
    public static IReadOnlyList<ModelDescriptor> All { get; } = [DoubleGyre, GeostrophicAdjustment, WilliamsonTc2, Galewsky];
}
