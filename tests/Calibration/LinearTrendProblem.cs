using ClimateAD.Adjoint;
using ClimateAD.Adjoint.Costs;
using ClimateAD.Calibration.Objectives;
using ClimateAD.Calibration.Transforms;
using ClimateAD.Physics.Parameters;

namespace ClimateAD.Calibration.Tests;

/// <summary>
/// A model linear in its parameters, for tests with a closed-form answer: x[n+1] = x[n] + a + b cos n,
/// observed at every step n = 1..L with σ = 0.5, so h = Gθ with G[n−1] = (n, Σ_(k&lt;n) cos k).
/// </summary>
internal static class LinearTrendProblem
{
    public const int Steps = 40;
    public const double Sigma = 0.5;

    public static ParameterTable Table { get; } = new(
    [
        new ParameterSpec("a", "a", "1", 0.0, -10.0, 10.0, "trend"),
        new ParameterSpec("b", "b", "1", 0.0, -10.0, 10.0, "oscillation amplitude"),
    ]);

    public static double[,] G()
    {
        var g = new double[Steps, 2];
        double c = 0.0;
        for (int n = 1; n <= Steps; n++)
        {
            c += Math.Cos(n - 1);
            g[n - 1, 0] = n;
            g[n - 1, 1] = c;
        }
        return g;
    }

    /// <summary>Observations h(truth) + a fixed deterministic "noise" of size about σ.</summary>
    public static double[] Observations(double a, double b)
    {
        var g = G();
        return Enumerable.Range(0, Steps).Select(i => g[i, 0] * a + g[i, 1] * b + Sigma * Math.Sin(2.3 * i + 0.4)).ToArray();
    }

    public static CalibrationProblem Problem(double[] y, PriorTerm? prior = null, TransformKind kind = TransformKind.Identity) =>
        new(() => new TrendStep(), [0.0], Steps,
            [new ObservedVariable("x", "1", new ObservationTerm(new SampleOperator(0, Enumerable.Range(1, Steps)), y,
                DiagonalCovariance.Uniform(Steps, Sigma * Sigma)), Enumerable.Range(1, Steps).Select(n => (double)n).ToArray())],
            new FreeParameters(Table, ["a", "b"], [0.0, 0.0], [kind, kind]), prior);

    private sealed class TrendStep : IDifferentiableStep
    {
        public int StateLength => 1;

        public int ParameterLength => 2;

        public void Forward(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, Span<double> xNext) =>
            xNext[0] = x[0] + theta[0] + theta[1] * Math.Cos(n);

        public void Tangent(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, ReadOnlySpan<double> dx, ReadOnlySpan<double> dTheta, Span<double> dxNext) =>
            dxNext[0] = dx[0] + dTheta[0] + dTheta[1] * Math.Cos(n);

        public void Adjoint(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, ReadOnlySpan<double> lambdaNext, Span<double> lambda, Span<double> thetaBar)
        {
            lambda[0] += lambdaNext[0];
            thetaBar[0] += lambdaNext[0];
            thetaBar[1] += Math.Cos(n) * lambdaNext[0];
        }
    }
}
