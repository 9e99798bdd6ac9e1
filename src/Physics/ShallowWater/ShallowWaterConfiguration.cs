using ClimateAD.Grid.Grids;
using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// A shallow-water model: the grid, the time step and stepper, the terms in named slots (a
/// <c>null</c> slot switches the term off) and the fields the terms use. Immutable; change it with
/// <c>with</c>. The parameter vector <c>θ</c> of <see cref="ShallowWaterStep"/> holds, in slot order,
/// the coefficient of every active term that has one (<see cref="Parameters"/>).
/// </summary>
/// <remarks>
/// <para>Equations (vector-invariant form; Sadourny 1975, J. Atmos. Sci. 32:680–689; Arakawa &amp; Lamb
/// 1981, Mon. Wea. Rev. 109:18–36):</para>
/// <code>
///   ∂h/∂t = −∇·(h 𝐮) + (h* − h)/τ
///   ∂𝐮/∂t = −q 𝐤 × (h 𝐮) − ∇(g (h + b) + K) + ν ∇²𝐮 − ν₄ ∇⁴𝐮 − 𝐮/τ_d − C_d |𝐮| 𝐮 / h + τ₀ 𝐏 / (ρ₀ h)
/// </code>
/// <para>with <c>q = (ζ + f)/h</c> the potential vorticity and <c>K = |𝐮|²/2</c>. Slots, in order:
/// <see cref="Vorticity"/>, <see cref="Pressure"/>, <see cref="Viscosity"/>, <see cref="Biharmonic"/>,
/// <see cref="LinearDrag"/>, <see cref="QuadraticDrag"/>, <see cref="Wind"/>, <see cref="Relaxation"/>.
/// Continuity is always on. On a <see cref="CartesianGrid"/> <c>f = f₀ + β y</c>; on a
/// <see cref="LatLonGrid"/> <c>f = 2Ω sin φ</c>, and the latitude range is bounded by walls (the polar
/// treatment of this model: a polar cap, see docs/models/shallow-water.md).</para>
/// </remarks>
public sealed record ShallowWaterConfiguration
{
    /// <summary>Creates a configuration with the default slots: energy-conserving PV flux and Bernoulli gradient, all else off.</summary>
    /// <param name="grid">The grid (halo ≥ 2).</param>
    /// <param name="timeStep">Time step <c>Δt</c> (s), positive and finite.</param>
    /// <exception cref="ArgumentException">The halo is narrower than 2 or the time step is not positive.</exception>
    public ShallowWaterConfiguration(Grid2D grid, double timeStep)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (grid.Halo < 2) throw new ArgumentException($"The shallow-water stencils read two cells away; the grid halo is {grid.Halo}, it must be at least 2.", nameof(grid));
        if (!(timeStep > 0) || !double.IsFinite(timeStep)) throw new ArgumentOutOfRangeException(nameof(timeStep), timeStep, "The time step must be positive and finite (s).");
        Grid = grid;
        TimeStep = timeStep;
    }

    /// <summary>The grid.</summary>
    public Grid2D Grid { get; }

    /// <summary>Time step <c>Δt</c> (s).</summary>
    public double TimeStep { get; init; }

    /// <summary>The time stepper (default SSP-RK3).</summary>
    public ShallowWaterTimeStepper Stepper { get; init; } = ShallowWaterTimeStepper.SspRk3;

    /// <summary>Slot: Coriolis and vorticity advection (PV flux); on by default.</summary>
    public PotentialVorticityFlux? Vorticity { get; init; } = new PotentialVorticityFlux();

    /// <summary>Slot: pressure and kinetic-energy gradient; on by default with Earth's gravity.</summary>
    public BernoulliGradient? Pressure { get; init; } = new BernoulliGradient();

    /// <summary>Slot: Laplacian viscosity; off by default.</summary>
    public LaplacianViscosity? Viscosity { get; init; }

    /// <summary>Slot: biharmonic viscosity; off by default.</summary>
    public BiharmonicViscosity? Biharmonic { get; init; }

    /// <summary>Slot: linear bottom drag; off by default.</summary>
    public LinearDrag? LinearDrag { get; init; }

    /// <summary>Slot: quadratic bottom drag; off by default.</summary>
    public QuadraticDrag? QuadraticDrag { get; init; }

    /// <summary>Slot: wind-stress forcing (with <see cref="WindPatternX"/>, <see cref="WindPatternY"/>); off by default.</summary>
    public WindStress? Wind { get; init; }

    /// <summary>Slot: thickness relaxation towards <see cref="RelaxationTarget"/>; off by default.</summary>
    public HeightRelaxation? Relaxation { get; init; }

    /// <summary>Bottom topography <c>b[i, j]</c> at cell centres (m, <c>Nx × Ny</c>); flat when <c>null</c>.</summary>
    public double[,]? Topography { get; init; }

    /// <summary>Zonal wind-stress pattern at u faces (dimensionless, <c>Nx × Ny</c>); zero when <c>null</c>.</summary>
    public double[,]? WindPatternX { get; init; }

    /// <summary>Meridional wind-stress pattern at v faces (dimensionless, <c>Nx × Ny</c>); zero when <c>null</c>.</summary>
    public double[,]? WindPatternY { get; init; }

    /// <summary>Relaxation target thickness <c>h*</c> at centres (m, <c>Nx × Ny</c>); zero when <c>null</c>.</summary>
    public double[,]? RelaxationTarget { get; init; }

    /// <summary>The active terms in slot order.</summary>
    public IReadOnlyList<IShallowWaterTerm> Terms
    {
        get
        {
            var terms = new List<IShallowWaterTerm>();
            if (Vorticity is { } a) terms.Add(a);
            if (Pressure is { } b) terms.Add(b);
            if (Viscosity is { } c) terms.Add(c);
            if (Biharmonic is { } d) terms.Add(d);
            if (LinearDrag is { } e) terms.Add(e);
            if (QuadraticDrag is { } f) terms.Add(f);
            if (Wind is { } g) terms.Add(g);
            if (Relaxation is { } h) terms.Add(h);
            return terms;
        }
    }

    /// <summary>The parameter table: the coefficient of every active term that has one, in slot order, defaults from the slots.</summary>
    public ParameterTable Parameters => new(Terms.Select(t => t.Parameter).OfType<ParameterSpec>());

    /// <summary>The parameter vector of the slots' values (the table defaults).</summary>
    public double[] DefaultParameters() => Parameters.Defaults();

    /// <summary>The flat state layout of <see cref="ShallowWaterStep"/>.</summary>
    public ShallowWaterLayout Layout => new(Grid.Nx, Grid.Ny, Stepper == ShallowWaterTimeStepper.AdamsBashforth3 ? 9 : 3);

    /// <summary>Gravity of the pressure slot (m s⁻²), 0 when it is off: sets the gravity-wave speed of the CFL number.</summary>
    public double Gravity => Pressure?.Gravity ?? 0.0;

    /// <summary>Whether the potential vorticity includes relative vorticity.</summary>
    public bool RelativeVorticity => Vorticity?.IncludeRelativeVorticity ?? false;

    /// <summary>The Butcher tableau of the Runge–Kutta steppers (SSP-RK3 for the Adams–Bashforth start).</summary>
    public ButcherTableau Tableau => Stepper switch
    {
        ShallowWaterTimeStepper.Rk4 => ButcherTableau.Rk4,
        ShallowWaterTimeStepper.WickerSkamarockRk3 => ButcherTableau.WickerSkamarockRk3,
        _ => ButcherTableau.SspRk3,
    };
}
