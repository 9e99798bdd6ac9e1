namespace ClimateAD.Grid.Latitude;

/// <summary>
/// Solves <c>M y = r</c> for a symmetric tridiagonal matrix M with diagonal <c>d</c> (N values) and
/// off-diagonal <c>e</c> (N − 1 values; <c>e_k = M_(k,k+1) = M_(k+1,k)</c>) by the Thomas algorithm
/// (Gaussian elimination without pivoting; e.g. Press et al., <i>Numerical Recipes</i>, 3rd ed., §2.4).
/// Stable when M is strictly diagonally dominant or symmetric positive definite (Higham 2002,
/// <i>Accuracy and Stability of Numerical Algorithms</i>, §9.5), which is the case for the implicit
/// diffusion matrices <c>diag(a) − Dℒ</c> with <c>a &gt; 0</c>, <c>D ≥ 0</c>. Because M is symmetric, the
/// same routine solves the transposed system <c>Mᵀρ = ȳ</c> of an adjoint. Allocation-free: the
/// caller passes a scratch span of N values.
/// </summary>
public static class SymmetricTridiagonalSolver
{
    /// <summary>Writes <c>y = M⁻¹ r</c>; <paramref name="solution"/> may alias <paramref name="rhs"/>.</summary>
    /// <param name="diagonal">Diagonal d (N values).</param>
    /// <param name="offDiagonal">Off-diagonal e (N − 1 values).</param>
    /// <param name="rhs">Right-hand side r (N values).</param>
    /// <param name="solution">Receives y (N values).</param>
    /// <param name="scratch">Workspace of N values (overwritten).</param>
    public static void Solve(ReadOnlySpan<double> diagonal, ReadOnlySpan<double> offDiagonal, ReadOnlySpan<double> rhs,
        Span<double> solution, Span<double> scratch)
    {
        int n = diagonal.Length;
        if (n == 0) return;
        if (offDiagonal.Length != n - 1 || rhs.Length != n || solution.Length != n || scratch.Length < n)
            throw new ArgumentException($"A tridiagonal system of size {n} needs {n - 1} off-diagonal, {n} right-hand-side, {n} solution and ≥ {n} scratch values.");
        // Forward elimination: scratch holds the modified super-diagonal c'_k, solution the modified rhs.
        double pivot = diagonal[0];
        scratch[0] = n > 1 ? offDiagonal[0] / pivot : 0.0;
        solution[0] = rhs[0] / pivot;
        for (int k = 1; k < n; k++)
        {
            double sub = offDiagonal[k - 1];
            pivot = diagonal[k] - sub * scratch[k - 1];
            scratch[k] = k < n - 1 ? offDiagonal[k] / pivot : 0.0;
            solution[k] = (rhs[k] - sub * solution[k - 1]) / pivot;
        }
        for (int k = n - 2; k >= 0; k--) solution[k] -= scratch[k] * solution[k + 1];
    }
}
