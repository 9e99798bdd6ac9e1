using ClimateAD.Calibration.Ensemble;
using ClimateAD.Calibration.Objectives;
using ClimateAD.Calibration.Transforms;
using MathNet.Numerics.LinearAlgebra;

namespace ClimateAD.Calibration.Uncertainty;

/// <summary>
/// Draws parameter vectors from the Laplace approximation for posterior predictive runs, in the
/// unbounded space so that every draw respects the parameter bounds:
/// <code>
///   u⁽ʲ⁾ = û + L z⁽ʲ⁾,   L Lᵀ = H_u⁻¹ (Gauss–Newton Hessian in u),   z⁽ʲ⁾ ~ N(0, I),   φ⁽ʲ⁾ = g(u⁽ʲ⁾)
/// </code>
/// To first order in the transform this is the same Gaussian as <see cref="LaplaceApproximation"/>
/// (Σ_φ = D H_u⁻¹ D); for log/logit parameters the draws are log-normal/logit-normal. Seeded.
/// </summary>
public static class LaplaceSampler
{
    /// <summary><paramref name="count"/> draws φ⁽ʲ⁾ (physical units) from the linearisation at the optimum.</summary>
    /// <exception cref="InvalidOperationException">H_u is not positive definite.</exception>
    public static double[][] Sample(Linearisation optimum, FreeParameters free, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(optimum);
        ArgumentNullException.ThrowIfNull(free);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        int p = optimum.U.Length;
        Matrix<double> l;
        try
        {
            var h = Matrix<double>.Build.DenseOfArray(optimum.HessianU);
            l = h.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(p)).Cholesky().Factor;
        }
        catch (ArgumentException)
        {
            throw new InvalidOperationException("The Gauss-Newton Hessian is not positive definite: some free parameter is not constrained.");
        }
        var random = new Random(seed);
        var result = new double[count][];
        var z = new double[p];
        var u = new double[p];
        for (int j = 0; j < count; j++)
        {
            for (int i = 0; i < p; i++) z[i] = CovarianceSampler.StandardNormal(random);
            for (int r = 0; r < p; r++)
            {
                double s = optimum.U[r];
                for (int c = 0; c <= r; c++) s += l[r, c] * z[c];
                u[r] = s;
            }
            result[j] = free.ToParameters(u);
        }
        return result;
    }
}
