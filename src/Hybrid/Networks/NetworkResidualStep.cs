using ClimateAD.Adjoint;

namespace ClimateAD.Hybrid.Networks;

/// <summary>
/// A network as a model step, <c>x[n+1] = x[n] + h N(x[n]; w)</c> with θ = w, for networks whose
/// input and output widths agree. It is how a bare network is put through the gradient-check
/// harness (dot-product, Taylor and finite-difference checks of DESIGN.md §3), and is itself a
/// forward-Euler neural ODE step (Chen et al. 2018, NeurIPS).
/// </summary>
public sealed class NetworkResidualStep : IDifferentiableStep
{
    private readonly double[] _scratch;
    private readonly double[] _y;
    private readonly double[] _dy;

    /// <summary>A step of size <paramref name="stepSize"/> for <paramref name="network"/> (input width = output width).</summary>
    public NetworkResidualStep(DenseNetwork network, double stepSize)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.InputSize != network.OutputSize)
            throw new ArgumentException($"A residual step needs equal input and output widths, not {network.InputSize}→{network.OutputSize}.");
        Network = network;
        StepSize = stepSize;
        _scratch = new double[network.ScratchLength];
        _y = new double[network.OutputSize];
        _dy = new double[network.OutputSize];
    }

    /// <summary>The network N.</summary>
    public DenseNetwork Network { get; }

    /// <summary>The step size h.</summary>
    public double StepSize { get; }

    /// <inheritdoc />
    public int StateLength => Network.InputSize;

    /// <inheritdoc />
    public int ParameterLength => Network.ParameterCount;

    /// <inheritdoc />
    public void Forward(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, Span<double> xNext)
    {
        Network.Forward(theta, x, _y, _scratch);
        for (int i = 0; i < x.Length; i++) xNext[i] = x[i] + StepSize * _y[i];
    }

    /// <inheritdoc />
    public void Tangent(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, ReadOnlySpan<double> dx,
        ReadOnlySpan<double> dTheta, Span<double> dxNext)
    {
        Network.Tangent(theta, x, dTheta, dx, _y, _dy, _scratch);
        for (int i = 0; i < x.Length; i++) dxNext[i] = dx[i] + StepSize * _dy[i];
    }

    /// <inheritdoc />
    public void Adjoint(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, ReadOnlySpan<double> lambdaNext,
        Span<double> lambda, Span<double> thetaBar)
    {
        for (int i = 0; i < x.Length; i++)
        {
            lambda[i] += lambdaNext[i];
            _dy[i] = StepSize * lambdaNext[i];
        }
        Network.Adjoint(theta, x, _dy, lambda, thetaBar, _scratch);
    }
}
