using MathNet.Numerics.LinearAlgebra;

namespace ClimateAD.Calibration.Optimisers;

/// <summary>Dense linear algebra on the small (p × p, J × J) matrices of the calibration methods, through MathNet.Numerics.</summary>
internal static class SmallMatrix
{
    /// <summary>Solves A x = b for symmetric positive-definite A (Cholesky); <c>null</c> when A is not positive definite.</summary>
    public static double[]? TrySolveSpd(double[,] a, ReadOnlySpan<double> b)
    {
        var m = Matrix<double>.Build.DenseOfArray(a);
        try
        {
            var chol = m.Cholesky();
            var x = chol.Solve(Vector<double>.Build.DenseOfArray(b.ToArray()));
            var r = x.ToArray();
            return r.All(double.IsFinite) ? r : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The inverse of symmetric positive-definite A (Cholesky); <c>null</c> when A is not positive definite.</summary>
    public static double[,]? TryInverseSpd(double[,] a)
    {
        var m = Matrix<double>.Build.DenseOfArray(a);
        try
        {
            var inv = m.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(m.RowCount)).ToArray();
            foreach (double v in inv)
                if (!double.IsFinite(v)) return null;
            return inv;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Solves A x = b for a general square A (LU).</summary>
    public static double[] Solve(double[,] a, ReadOnlySpan<double> b) =>
        Matrix<double>.Build.DenseOfArray(a).Solve(Vector<double>.Build.DenseOfArray(b.ToArray())).ToArray();

    /// <summary>y = A x.</summary>
    public static double[] Multiply(double[,] a, ReadOnlySpan<double> x)
    {
        int r = a.GetLength(0), c = a.GetLength(1);
        var y = new double[r];
        for (int i = 0; i < r; i++)
        {
            double s = 0.0;
            for (int j = 0; j < c; j++) s += a[i, j] * x[j];
            y[i] = s;
        }
        return y;
    }

    /// <summary>xᵀy.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double s = 0.0;
        for (int i = 0; i < x.Length; i++) s += x[i] * y[i];
        return s;
    }

    /// <summary>‖x‖₂.</summary>
    public static double Norm(ReadOnlySpan<double> x) => Math.Sqrt(Dot(x, x));

    /// <summary>Copies a p × p matrix into a row-major span.</summary>
    public static void Pack(double[,] a, Span<double> destination)
    {
        int r = a.GetLength(0), c = a.GetLength(1);
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++) destination[i * c + j] = a[i, j];
    }

    /// <summary>A p × p matrix from a row-major span.</summary>
    public static double[,] Unpack(ReadOnlySpan<double> source, int p)
    {
        var a = new double[p, p];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++) a[i, j] = source[i * p + j];
        return a;
    }
}
