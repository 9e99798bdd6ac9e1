using ClimateAD.Grid.Latitude;
using ClimateAD.Physics.Parameters;

namespace ClimateAD.Physics.LatitudeEbm;

/// <summary>
/// The configuration of a 1-D diffusive energy-balance model on latitude (North 1975, J. Atmos. Sci.
/// 32, 2033–2043; North, Cahalan &amp; Coakley 1981, Rev. Geophys. Space Phys. 19, 91–121): the grid,
/// the insolation distribution, whether a deep ocean is attached, and the time step. Everything here is
/// structure, fixed when the model is built; the differentiable parameters θ are those of
/// <see cref="Parameters"/>. Immutable.
/// <code>
///   C ∂T/∂t   = (S₀/4) s(x)(1 − α(x, T)) − (A + B T) + D ∂/∂x[(1 − x²) ∂T/∂x] − γ(T − T_d)
///   C_d ∂T_d/∂t = γ(T − T_d)                         (only with the deep ocean)
/// </code>
/// State vector: T_j (°C) for the N cells, followed by T_d,j with the deep ocean (length 2N).
/// </summary>
public sealed class LatitudeEbmModel
{
    /// <summary>Default number of cells: 90 (Δx = 1/45; 1.3° at the equator, 78.3°–90° at the poles).</summary>
    public const int DefaultCellCount = 90;

    /// <summary>A model on <paramref name="grid"/> with insolation <paramref name="insolation"/> (default: orbital, present obliquity).</summary>
    /// <param name="grid">The latitude grid.</param>
    /// <param name="insolation">s(x) on <paramref name="grid"/>; <c>null</c> for <see cref="AnnualInsolation.FromOrbit"/> at 23.44°.</param>
    /// <param name="deepOcean">Whether each cell has a deep-ocean layer exchanging heat γ(T − T_d).</param>
    /// <param name="timeStep">Δt in years (&gt; 0); the step is unconditionally stable, 1 year is the default.</param>
    /// <param name="correction">
    /// Optional point-wise correction S(T_j; φ) (W m⁻²) added to each cell's energy budget (explicit, like the
    /// absorbed sunlight): a learned or empirical fix of the linear OLR, e.g. a network closure. Its
    /// parameters φ follow the model's own in θ. The same slot interface as the Lorenz-96 subgrid term.
    /// </param>
    public LatitudeEbmModel(LatitudeGrid grid, AnnualInsolation? insolation = null, bool deepOcean = false, double timeStep = 1.0,
        Lorenz96.ISubgridTerm? correction = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        insolation ??= AnnualInsolation.FromOrbit(grid);
        if (!ReferenceEquals(insolation.Grid, grid))
            throw new ArgumentException("The insolation was computed on another grid.", nameof(insolation));
        if (!(timeStep > 0.0 && double.IsFinite(timeStep)))
            throw new ArgumentOutOfRangeException(nameof(timeStep), timeStep, "The time step must be positive and finite.");
        Grid = grid;
        Insolation = insolation;
        DeepOcean = deepOcean;
        TimeStep = timeStep;
        Correction = correction;
    }

    /// <summary>The default model: 90 equal-area cells, orbital insolation at 23.44°, no deep ocean, Δt = 1 yr.</summary>
    public static LatitudeEbmModel Default(bool deepOcean = false, int cellCount = DefaultCellCount, double timeStep = 1.0) =>
        new(new LatitudeGrid(cellCount), null, deepOcean, timeStep);

    /// <summary>The latitude grid.</summary>
    public LatitudeGrid Grid { get; }

    /// <summary>Normalised annual-mean insolation s(x) per cell.</summary>
    public AnnualInsolation Insolation { get; }

    /// <summary>Whether the deep-ocean layer is on.</summary>
    public bool DeepOcean { get; }

    /// <summary>Δt, years.</summary>
    public double TimeStep { get; }

    /// <summary>Number of cells N.</summary>
    public int CellCount => Grid.CellCount;

    /// <summary>Length of the state vector: N, or 2N with the deep ocean.</summary>
    public int StateLength => DeepOcean ? 2 * Grid.CellCount : Grid.CellCount;

    /// <summary>The correction slot S(T; φ) (W m⁻²), or <c>null</c>.</summary>
    public Lorenz96.ISubgridTerm? Correction { get; }

    /// <summary>Number of the model's own parameters (θ before the correction's φ).</summary>
    public int PhysicalParameterCount => LatitudeEbmParameterTable.For(DeepOcean).Count;

    /// <summary>The parameter table (θ order): the model's own, then the correction's φ.</summary>
    public ParameterTable Parameters => Correction is { } c
        ? new ParameterTable([.. LatitudeEbmParameterTable.For(DeepOcean), .. c.Parameters])
        : LatitudeEbmParameterTable.For(DeepOcean);

    /// <summary>The same model with another time step (e.g. a long pseudo-time step for equilibria).</summary>
    public LatitudeEbmModel WithTimeStep(double timeStep) => new(Grid, Insolation, DeepOcean, timeStep, Correction);

    /// <summary>The same model with the deep ocean switched on or off.</summary>
    public LatitudeEbmModel WithDeepOcean(bool deepOcean) => new(Grid, Insolation, deepOcean, TimeStep, Correction);

    /// <summary>The same model with correction <paramref name="correction"/> (or none).</summary>
    public LatitudeEbmModel WithCorrection(Lorenz96.ISubgridTerm? correction) => new(Grid, Insolation, DeepOcean, TimeStep, correction);

    /// <summary>A state with every temperature (surface and deep) equal to <paramref name="temperature"/>, °C.</summary>
    public double[] UniformState(double temperature)
    {
        var x = new double[StateLength];
        Array.Fill(x, temperature);
        return x;
    }

    /// <summary>A state from surface temperatures <paramref name="surface"/> (N values, °C); the deep ocean, if on, starts equal to the surface.</summary>
    public double[] StateFromSurface(ReadOnlySpan<double> surface)
    {
        if (surface.Length != Grid.CellCount)
            throw new ArgumentException($"{surface.Length} surface temperatures given; the grid has {Grid.CellCount} cells.", nameof(surface));
        var x = new double[StateLength];
        surface.CopyTo(x);
        if (DeepOcean) surface.CopyTo(x.AsSpan(Grid.CellCount));
        return x;
    }
}
