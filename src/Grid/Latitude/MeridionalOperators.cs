namespace ClimateAD.Grid.Latitude;

/// <summary>
/// Staggered meridional operators on a <see cref="LatitudeGrid"/> (cells uniform in <c>x = sin φ</c>),
/// each followed by its transpose. Suffix <c>_f</c>: the result lives on faces; <c>_c</c>: on cell
/// centres. Every operator <em>accumulates</em> into its output; inputs are read-only. Fluxes through
/// the pole faces are zero (the metric <c>1 − x²</c> vanishes there), which is the boundary condition
/// of North (1975, J. Atmos. Sci. 32, 2033–2043) and North, Cahalan &amp; Coakley (1981, Rev. Geophys.
/// Space Phys. 19, 91–121).
/// </summary>
/// <remarks>
/// The discrete diffusion operator is the flux form
/// <code>
///   (ℒT)_j = [ (1 − x²_(j+½)) (T_(j+1) − T_j) − (1 − x²_(j−½)) (T_j − T_(j−1)) ] / Δx²
/// </code>
/// a symmetric, negative semi-definite tridiagonal matrix whose null space is the constants. It is
/// conservative: <c>Σ_j w_j (ℒT)_j = 0</c> up to round-off (the face fluxes telescope and the pole
/// fluxes are zero). It is second-order accurate: for a smooth T the truncation error is
/// <c>(Δx²/24) g‴ + O(Δx⁴)</c> with <c>g = (1 − x²) T′</c>; on <c>P₂(x) = (3x² − 1)/2</c>, for which
/// <c>ℒP₂ = −6P₂</c> in the continuum, it is exactly <c>−6P₂(x_j) − ¾Δx²</c> in every cell.
/// </remarks>
public static class MeridionalOperators
{
    /// <summary>
    /// Gradient to faces: <c>g_f += (c_f − c_(f−1))/Δx</c> at the interior faces <c>f = 1…N−1</c>
    /// (the pole faces are left unchanged). Units: units of c per unit x.
    /// </summary>
    /// <param name="grid">The grid.</param>
    /// <param name="cells">Cell field c (N values).</param>
    /// <param name="faces">Accumulates ∂c/∂x on faces (N + 1 values).</param>
    public static void GradX_f(LatitudeGrid grid, ReadOnlySpan<double> cells, Span<double> faces)
    {
        ArgumentNullException.ThrowIfNull(grid);
        grid.CheckCells(cells.Length, nameof(cells));
        grid.CheckFaces(faces.Length, nameof(faces));
        double inv = 1.0 / grid.Spacing;
        for (int f = 1; f < grid.CellCount; f++) faces[f] += (cells[f] - cells[f - 1]) * inv;
    }

    /// <summary>Transpose of <see cref="GradX_f"/>: <c>c̄_j += (ḡ_j − ḡ_(j+1))/Δx</c> over interior faces only (gather form).</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="facesBar">Face cotangent ḡ (N + 1 values; the pole entries are ignored).</param>
    /// <param name="cellsBar">Accumulates the cell cotangent c̄ (N values).</param>
    public static void GradX_fTranspose(LatitudeGrid grid, ReadOnlySpan<double> facesBar, Span<double> cellsBar)
    {
        ArgumentNullException.ThrowIfNull(grid);
        grid.CheckFaces(facesBar.Length, nameof(facesBar));
        grid.CheckCells(cellsBar.Length, nameof(cellsBar));
        int n = grid.CellCount;
        double inv = 1.0 / grid.Spacing;
        for (int j = 0; j < n; j++)
        {
            double below = j >= 1 ? facesBar[j] : 0.0;            // face j (= j−½), interior when j ≥ 1
            double above = j + 1 <= n - 1 ? facesBar[j + 1] : 0.0; // face j+1 (= j+½), interior when j+1 ≤ N−1
            cellsBar[j] += (below - above) * inv;
        }
    }

    /// <summary>Divergence to cells: <c>c_j += (F_(j+1) − F_j)/Δx</c> for a face flux F (per unit x).</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="faces">Face flux F (N + 1 values; zero pole entries mean no flux through the poles).</param>
    /// <param name="cells">Accumulates ∂F/∂x in cells (N values).</param>
    public static void DivX_c(LatitudeGrid grid, ReadOnlySpan<double> faces, Span<double> cells)
    {
        ArgumentNullException.ThrowIfNull(grid);
        grid.CheckFaces(faces.Length, nameof(faces));
        grid.CheckCells(cells.Length, nameof(cells));
        double inv = 1.0 / grid.Spacing;
        for (int j = 0; j < grid.CellCount; j++) cells[j] += (faces[j + 1] - faces[j]) * inv;
    }

    /// <summary>Transpose of <see cref="DivX_c"/>: <c>F̄_f += (c̄_(f−1) − c̄_f)/Δx</c>, terms outside the grid dropped (gather form).</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="cellsBar">Cell cotangent c̄ (N values).</param>
    /// <param name="facesBar">Accumulates the face cotangent F̄ (N + 1 values).</param>
    public static void DivX_cTranspose(LatitudeGrid grid, ReadOnlySpan<double> cellsBar, Span<double> facesBar)
    {
        ArgumentNullException.ThrowIfNull(grid);
        grid.CheckCells(cellsBar.Length, nameof(cellsBar));
        grid.CheckFaces(facesBar.Length, nameof(facesBar));
        int n = grid.CellCount;
        double inv = 1.0 / grid.Spacing;
        for (int f = 0; f <= n; f++)
        {
            double below = f >= 1 ? cellsBar[f - 1] : 0.0;
            double above = f <= n - 1 ? cellsBar[f] : 0.0;
            facesBar[f] += (below - above) * inv;
        }
    }

    /// <summary>
    /// Meridional diffusion on the sphere, <c>∂/∂x[(1 − x²) ∂T/∂x]</c>, in flux form:
    /// <c>r_j += [m_(j+1)(T_(j+1) − T_j) − m_j(T_j − T_(j−1))]/Δx²</c> with <c>m_f = 1 − x_f²</c>
    /// (<see cref="LatitudeGrid.FaceMetric"/>; zero at the poles). Equal to
    /// <c>DivX_c(m ⊙ GradX_f(T))</c>, fused and without temporaries. Units: units of T.
    /// </summary>
    /// <param name="grid">The grid.</param>
    /// <param name="cells">Cell field T (N values).</param>
    /// <param name="result">Accumulates ℒT (N values).</param>
    public static void DiffuseX_c(LatitudeGrid grid, ReadOnlySpan<double> cells, Span<double> result)
    {
        ArgumentNullException.ThrowIfNull(grid);
        grid.CheckCells(cells.Length, nameof(cells));
        grid.CheckCells(result.Length, nameof(result));
        var m = grid.FaceMetric;
        int n = grid.CellCount;
        double inv2 = 1.0 / (grid.Spacing * grid.Spacing);
        for (int j = 0; j < n; j++)
        {
            double above = j + 1 < n ? m[j + 1] * (cells[j + 1] - cells[j]) : 0.0;
            double below = j >= 1 ? m[j] * (cells[j] - cells[j - 1]) : 0.0;
            result[j] += (above - below) * inv2;
        }
    }

    /// <summary>
    /// Transpose of <see cref="DiffuseX_c"/>: <c>T̄_j += Σ_i ℒ_(ij) λ_i
    /// = [m_(j+1)(λ_(j+1) − λ_j) − m_j(λ_j − λ_(j−1))]/Δx²</c>. ℒ is symmetric on this equal-area grid,
    /// so this is the same stencil; it is written out as the transpose (gather over the rows that
    /// touch column j) so that the pairing is explicit and tested.
    /// </summary>
    /// <param name="grid">The grid.</param>
    /// <param name="cellsBar">Cotangent λ of the result (N values).</param>
    /// <param name="result">Accumulates ℒᵀλ (N values).</param>
    public static void DiffuseX_cTranspose(LatitudeGrid grid, ReadOnlySpan<double> cellsBar, Span<double> result)
    {
        ArgumentNullException.ThrowIfNull(grid);
        grid.CheckCells(cellsBar.Length, nameof(cellsBar));
        grid.CheckCells(result.Length, nameof(result));
        var m = grid.FaceMetric;
        int n = grid.CellCount;
        double inv2 = 1.0 / (grid.Spacing * grid.Spacing);
        for (int j = 0; j < n; j++)
        {
            // Column j of ℒ: row j−1 holds +m_j, row j holds −(m_j + m_(j+1)), row j+1 holds +m_(j+1).
            double sum = 0.0;
            if (j >= 1) sum += m[j] * (cellsBar[j - 1] - cellsBar[j]);
            if (j + 1 < n) sum += m[j + 1] * (cellsBar[j + 1] - cellsBar[j]);
            result[j] += sum * inv2;
        }
    }
}
