namespace ClimateAD.Hybrid.Tests;

/// <summary>Plain Adam (Kingma &amp; Ba 2015) for tests that fit networks on their batch-adjoint gradient.</summary>
internal sealed class TinyAdam(int count, double rate)
{
    private readonly double[] _m = new double[count], _v = new double[count];
    private int _t;

    public void Step(double[] weights, ReadOnlySpan<double> gradient)
    {
        const double b1 = 0.9, b2 = 0.999;
        _t++;
        for (int j = 0; j < weights.Length; j++)
        {
            _m[j] = b1 * _m[j] + (1 - b1) * gradient[j];
            _v[j] = b2 * _v[j] + (1 - b2) * gradient[j] * gradient[j];
            weights[j] -= rate * (_m[j] / (1 - Math.Pow(b1, _t))) / (Math.Sqrt(_v[j] / (1 - Math.Pow(b2, _t))) + 1e-8);
        }
    }
}
