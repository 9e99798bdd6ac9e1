using ClimateAD.Grid.Grids;

namespace ClimateAD.Cli.Running;

/// <summary>
/// C-grid shallow-water fields moved to the cell centres for output on one common axis set:
/// <code>
///   u_c(i, j) = ½ (m u(i, j) + m u(i+1, j))          (u at west faces, m the face mask; closed faces count as 0)
///   v_c(i, j) = ½ (m v(i, j) + m v(i, j+1))          (v at south faces)
///   ζ(i, j)   = m_z [Δy (v(i) − v(i−1)) − Δx_j u(j) + Δx_{j−1} u(j−1)] / A_z   (circulation round corner (i, j))
///   ζ_c(i, j) = ¼ Σ of ζ over the four corners of cell (i, j)
/// </code>
/// Corners on walls are closed (ζ = 0 there), as in <see cref="Physics.ShallowWater.ShallowWaterDiagnostics"/>.
/// All three are linear, so the centred record mean equals the centred mean of the staggered fields.
/// </summary>
/// <param name="grid">The model grid.</param>
internal sealed class ShallowWaterCentredFields(Grid2D grid)
{
    /// <summary>The grid.</summary>
    public Grid2D Grid { get; } = grid;

    private int Nx => Grid.Nx;

    private int Ny => Grid.Ny;

    /// <summary>Eastward velocity at centres from the flat state <paramref name="x"/> (<c>[h, u, v, …]</c>), row by row.</summary>
    public void EastwardVelocity(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int j = 0; j < Ny; j++)
            for (int i = 0; i < Nx; i++)
                destination[j * Nx + i] = 0.5 * (U(x, i, j) + U(x, i + 1, j));
    }

    /// <summary>Northward velocity at centres.</summary>
    public void NorthwardVelocity(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int j = 0; j < Ny; j++)
            for (int i = 0; i < Nx; i++)
                destination[j * Nx + i] = 0.5 * (V(x, i, j) + V(x, i, j + 1));
    }

    /// <summary>Relative vorticity (s⁻¹) at centres: the mean of the four corner circulations.</summary>
    public void Vorticity(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int j = 0; j < Ny; j++)
            for (int i = 0; i < Nx; i++)
                destination[j * Nx + i] = 0.25 * (Corner(x, i, j) + Corner(x, i + 1, j) + Corner(x, i, j + 1) + Corner(x, i + 1, j + 1));
    }

    /// <summary>Relative vorticity at corner (i, j), the south-west corner of cell (i, j).</summary>
    public double Corner(ReadOnlySpan<double> x, int i, int j)
    {
        double mask = Grid.Mask(Location.Ffc, i, j), area = Grid.Area(Stagger.Face, j);
        if (mask == 0 || !(area > 0)) return 0;
        return (Grid.Dy(Stagger.Face, j) * (V(x, i, j) - V(x, i - 1, j))
            - Grid.Dx(Stagger.Center, j) * U(x, i, j) + Grid.Dx(Stagger.Center, j - 1) * U(x, i, j - 1)) / area;
    }

    private int Wi(int i) => Grid.TopologyX == Topology.Periodic ? ((i % Nx) + Nx) % Nx : i;

    private int Wj(int j) => Grid.TopologyY == Topology.Periodic ? ((j % Ny) + Ny) % Ny : j;

    // Masked face values; faces outside a bounded axis are closed (0).
    private double U(ReadOnlySpan<double> x, int i, int j)
    {
        if (Grid.Mask(Location.Fcc, i, j) == 0) return 0;
        return x[Nx * Ny + Wj(j) * Nx + Wi(i)];
    }

    private double V(ReadOnlySpan<double> x, int i, int j)
    {
        if (Grid.Mask(Location.Cfc, i, j) == 0) return 0;
        return x[2 * Nx * Ny + Wj(j) * Nx + Wi(i)];
    }
}
