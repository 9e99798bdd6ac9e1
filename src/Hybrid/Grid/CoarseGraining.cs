namespace ClimateAD.Hybrid.Grid;

/// <summary>
/// Coarse-graining of a C-grid shallow-water state <c>[h, u, v]</c> by an integer factor <c>r</c>
/// (fine <c>r·Nx × r·Ny</c> onto coarse <c>Nx × Ny</c>, same domain): thickness by block average over
/// the <c>r × r</c> fine cells of a coarse cell, velocities by face average over the <c>r</c> fine faces
/// that make up a coarse face,
/// <code>
///   H[I,J] = r⁻² Σ_(a,b) h[rI+a, rJ+b],   U[I,J] = r⁻¹ Σ_b u[rI, rJ+b],   V[I,J] = r⁻¹ Σ_a v[rI+a, rJ]
/// </code>
/// which keeps the volume of every coarse cell and the volume flux (at uniform thickness) through every
/// coarse face: the finite-volume filter of the coarse model's own variables.
/// </summary>
public static class CoarseGraining
{
    /// <summary>The coarse state of a fine state <paramref name="fine"/> of <c>3 (r nx)(r ny)</c> values.</summary>
    /// <param name="fine">Fine state <c>[h, u, v]</c>, each block <c>(r nx) × (r ny)</c>, i fastest.</param>
    /// <param name="nx">Coarse cells in x.</param>
    /// <param name="ny">Coarse cells in y.</param>
    /// <param name="factor">Refinement factor r ≥ 1.</param>
    public static double[] Apply(ReadOnlySpan<double> fine, int nx, int ny, int factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        int fx = nx * factor, fy = ny * factor, fb = fx * fy, cb = nx * ny;
        if (fine.Length < 3 * fb) throw new ArgumentException($"A fine state of {fx}×{fy} cells has at least {3 * fb} values, not {fine.Length}.");
        var coarse = new double[3 * cb];
        double area = 1.0 / (factor * factor), side = 1.0 / factor;
        for (int jc = 0; jc < ny; jc++)
            for (int ic = 0; ic < nx; ic++)
            {
                double h = 0, u = 0, v = 0;
                for (int b = 0; b < factor; b++)
                {
                    for (int a = 0; a < factor; a++) h += fine[(jc * factor + b) * fx + ic * factor + a];
                    u += fine[fb + (jc * factor + b) * fx + ic * factor];
                    v += fine[2 * fb + jc * factor * fx + ic * factor + b];
                }
                int k = jc * nx + ic;
                coarse[k] = h * area;
                coarse[cb + k] = u * side;
                coarse[2 * cb + k] = v * side;
            }
        return coarse;
    }
}
