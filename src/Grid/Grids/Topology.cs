namespace ClimateAD.Grid.Grids;

/// <summary>
/// What lies beyond the edge of a grid along one axis.
/// </summary>
/// <remarks>
/// Vocabulary of Oceananigans.jl (Ramadhan et al. 2020, JOSS 5:2018): <see cref="Periodic"/> wraps
/// around; <see cref="Bounded"/> is a wall, represented as land in the halo so that the derived face
/// masks close every flux through it.
/// </remarks>
public enum Topology
{
    /// <summary>The axis wraps around: index <c>−1</c> is index <c>N − 1</c>.</summary>
    Periodic,

    /// <summary>The axis ends in walls at the first and last cell faces (no normal flow, no flux).</summary>
    Bounded,
}
