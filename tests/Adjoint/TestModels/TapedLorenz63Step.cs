namespace ClimateAD.Adjoint.Tests.TestModels;

/// <summary>
/// <see cref="Lorenz63Step"/> as an <see cref="ITapedStep"/> whose tape is a copy of <c>x[n]</c>: its
/// taped adjoint linearises at the tape, not at the <c>x</c> it is given, so a run that hands it
/// the wrong tape gets a wrong gradient. Counts the calls of each method. A nonzero
/// <paramref name="tapeError"/> is added to the recorded state: a deliberately wrong tape.
/// </summary>
public sealed class TapedLorenz63Step(double tapeError = 0) : Lorenz63Step, ITapedStep
{
    public long ForwardCalls { get; private set; }
    public long ForwardTapedCalls { get; private set; }
    public long AdjointCalls { get; private set; }
    public long AdjointTapedCalls { get; private set; }
    public int TapeLength => 3;

    public new void Forward(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, Span<double> xNext)
    {
        ForwardCalls++;
        base.Forward(n, x, theta, xNext);
    }

    void IDifferentiableStep.Forward(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, Span<double> xNext) => Forward(n, x, theta, xNext);

    public override void Adjoint(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> lambdaNext, Span<double> lambda, Span<double> thetaBar)
    {
        AdjointCalls++;
        base.Adjoint(n, x, theta, lambdaNext, lambda, thetaBar);
    }

    public void ForwardTaped(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, Span<double> xNext, Span<double> tape)
    {
        ForwardTapedCalls++;
        for (int i = 0; i < 3; i++) tape[i] = x[i] + tapeError;
        base.Forward(n, x, theta, xNext);
    }

    public void AdjointTaped(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, ReadOnlySpan<double> tape,
        ReadOnlySpan<double> lambdaNext, Span<double> lambda, Span<double> thetaBar)
    {
        AdjointTapedCalls++;
        base.Adjoint(n, tape, theta, lambdaNext, lambda, thetaBar);
    }
}
