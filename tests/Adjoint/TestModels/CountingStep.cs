namespace ClimateAD.Adjoint.Tests.TestModels;

/// <summary>Wraps a step and counts the calls of each method.</summary>
public sealed class CountingStep(IDifferentiableStep inner) : IDifferentiableStep
{
    public long ForwardCalls { get; private set; }
    public long TangentCalls { get; private set; }
    public long AdjointCalls { get; private set; }
    public int StateLength => inner.StateLength;
    public int ParameterLength => inner.ParameterLength;

    public void Forward(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, Span<double> xNext)
    {
        ForwardCalls++;
        inner.Forward(n, x, theta, xNext);
    }

    public void Tangent(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> dx, ReadOnlySpan<double> dTheta, Span<double> dxNext)
    {
        TangentCalls++;
        inner.Tangent(n, x, theta, dx, dTheta, dxNext);
    }

    public void Adjoint(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> lambdaNext, Span<double> lambda, Span<double> thetaBar)
    {
        AdjointCalls++;
        inner.Adjoint(n, x, theta, lambdaNext, lambda, thetaBar);
    }
}
