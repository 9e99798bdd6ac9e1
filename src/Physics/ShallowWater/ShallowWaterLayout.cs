namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// The flat state layout of <see cref="ShallowWaterStep"/>: blocks of <c>Nx·Ny</c> interior values,
/// row by row (<c>i</c> fastest): <c>h</c> (m), <c>u</c> (m s⁻¹), <c>v</c> (m s⁻¹), then, for
/// Adams–Bashforth 3 only, the two previous tendencies <c>G[n−1] = (∂h, ∂u, ∂v)/∂t</c> and
/// <c>G[n−2]</c> (DESIGN.md §3: history is part of the checkpointed state).
/// </summary>
/// <param name="Nx">Cells along x.</param>
/// <param name="Ny">Cells along y.</param>
/// <param name="Blocks">Number of <c>Nx·Ny</c> blocks: 3, or 9 with Adams–Bashforth history.</param>
public readonly record struct ShallowWaterLayout(int Nx, int Ny, int Blocks)
{
    /// <summary>Points per block, <c>Nx·Ny</c>.</summary>
    public int BlockLength => Nx * Ny;

    /// <summary>Total length of the state vector.</summary>
    public int Length => Blocks * BlockLength;

    /// <summary>Index of point <c>(i, j)</c> of block <paramref name="block"/> (0 h, 1 u, 2 v, 3–5 G[n−1], 6–8 G[n−2]).</summary>
    public int Index(int block, int i, int j) => block * BlockLength + j * Nx + i;
}
