using ClimateAD.Physics.Lorenz96;

namespace ClimateAD.Hybrid.Parameterisation;

/// <summary>
/// Offline least-squares fit of the cubic closure <c>S(X) = a₀ + a₁X + a₂X² + a₃X³</c>
/// (<see cref="CubicSubgridTerm"/>) to pairs (X_k, U_k) of the two-scale truth: minimises
/// <c>Σ (S(X) − U)²</c> through the normal equations of the 4-column Vandermonde matrix, with
/// X scaled by its RMS for conditioning (Wilks 2005; Arnold et al. 2013).
/// </summary>
public static class CubicFit
{
    /// <summary>φ = (a₀, a₁, a₂, a₃) of the best cubic through all (X[s][k], U[s][k]).</summary>
    public static double[] Fit(IReadOnlyList<double[]> x, IReadOnlyList<double[]> coupling)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(coupling);
        double rms = Math.Sqrt(x.SelectMany(r => r).Average(v => v * v));
        var a = new double[4, 4];
        var b = new double[4];
        for (int s = 0; s < x.Count; s++)
            for (int k = 0; k < x[s].Length; k++)
            {
                double z = x[s][k] / rms;
                Span<double> p = [1, z, z * z, z * z * z];
                for (int i = 0; i < 4; i++)
                {
                    b[i] += p[i] * coupling[s][k];
                    for (int j = 0; j < 4; j++) a[i, j] += p[i] * p[j];
                }
            }
        var c = Solve(a, b);
        return [c[0], c[1] / rms, c[2] / (rms * rms), c[3] / (rms * rms * rms)];
    }

    // Gaussian elimination with partial pivoting (the 4 × 4 normal equations).
    private static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col])) pivot = r;
            for (int j = 0; j < n; j++) (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
            (b[col], b[pivot]) = (b[pivot], b[col]);
            for (int r = col + 1; r < n; r++)
            {
                double f = a[r, col] / a[col, col];
                for (int j = col; j < n; j++) a[r, j] -= f * a[col, j];
                b[r] -= f * b[col];
            }
        }
        var x = new double[n];
        for (int r = n - 1; r >= 0; r--)
        {
            double sum = b[r];
            for (int j = r + 1; j < n; j++) sum -= a[r, j] * x[j];
            x[r] = sum / a[r, r];
        }
        return x;
    }
}
