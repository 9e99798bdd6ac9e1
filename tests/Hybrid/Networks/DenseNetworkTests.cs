using ClimateAD.Hybrid.Networks;
using Xunit;

namespace ClimateAD.Hybrid.Tests.Networks;

public class DenseNetworkTests
{
    public static TheoryData<Activation> AllActivations =>
        [Activation.Identity, Activation.Tanh, Activation.Relu, Activation.Gelu, Activation.Softplus, Activation.Sigmoid];

    private static double[] RandomVector(Random rng, int n, double amplitude = 1.0) =>
        Enumerable.Range(0, n).Select(_ => amplitude * (2 * rng.NextDouble() - 1)).ToArray();

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    [Fact]
    public void Forward_OneByOneTanh_EqualsHandFormula()
    {
        // y = tanh(w (x − s_in)/c_in + b) c_out + s_out
        var net = new DenseNetwork([new DenseLayer(1, 1, Activation.Tanh)],
            new AffineNormalisation([2.0], [4.0]), new AffineNormalisation([-1.0], [3.0]), [0.7, -0.2]);
        var y = new double[1];
        net.Forward(net.Weights, [5.0], y, new double[net.ScratchLength]);
        Assert.Equal(Math.Tanh(0.7 * 0.75 - 0.2) * 3.0 - 1.0, y[0], 1e-15);
    }

    [Fact]
    public void Forward_TwoLayers_EqualsHandFormula()
    {
        // 2 → 2 (relu) → 1 (identity); W₁ = [[1, −2], [0.5, 3]], b₁ = [0.1, −4], W₂ = [[2, −1]], b₂ = [0.25]
        var net = new DenseNetwork([new DenseLayer(2, 2, Activation.Relu), new DenseLayer(2, 1, Activation.Identity)],
            weights: [1, -2, 0.5, 3, 0.1, -4, 2, -1, 0.25]);
        var y = new double[1];
        net.Forward(net.Weights, [1.5, 0.5], y, new double[net.ScratchLength]);
        // z₁ = (1.5 − 1 + 0.1, 0.75 + 1.5 − 4) = (0.6, −1.75) → a₁ = (0.6, 0); y = 1.2 + 0.25
        Assert.Equal(1.45, y[0], 1e-15);
        Assert.Equal(9, net.ParameterCount);
        Assert.Equal(4, net.BiasOffset(0));
        Assert.Equal(6, net.WeightOffset(1));
    }

    [Theory]
    [MemberData(nameof(AllActivations))]
    public void TangentAndAdjoint_RandomDirections_DotProductIdentityHolds(Activation a)
    {
        var net = NetworkGradientChecks.TestNetwork(a, a, a, 11);
        var rng = new Random(5);
        double[] x = RandomVector(rng, 3, 2), dx = RandomVector(rng, 3), dw = RandomVector(rng, net.ParameterCount), yBar = RandomVector(rng, 3);
        double[] y = new double[3], dy = new double[3], xBar = new double[3], wBar = new double[net.ParameterCount];
        var scratch = new double[net.ScratchLength];
        net.Tangent(net.Weights, x, dw, dx, y, dy, scratch);
        net.Adjoint(net.Weights, x, yBar, xBar, wBar, scratch);
        double lhs = Dot(dy, yBar), rhs = Dot(dx, xBar) + Dot(dw, wBar);
        Assert.True(Math.Abs(lhs - rhs) <= 1e-13 * Math.Max(Math.Abs(lhs), 1e-3), $"⟨Jδ, ȳ⟩ = {lhs:R}, ⟨δ, Jᵀȳ⟩ = {rhs:R}");
        var yForward = new double[3];
        net.Forward(net.Weights, x, yForward, scratch);
        Assert.Equal(yForward, y); // the tangent's primal output is the forward output, bit for bit
    }

    [Theory]
    [MemberData(nameof(AllActivations))]
    public void Adjoint_EveryWeightAndInput_MatchesCentralDifferences(Activation a)
    {
        var net = NetworkGradientChecks.TestNetwork(a, a, Activation.Identity, 23);
        double[] x = [0.9, -0.4, 3.1], yBar = [0.3, -1.1, 0.6];
        var scratch = new double[net.ScratchLength];
        double J(double[] w, double[] xx) { var y = new double[3]; net.Forward(w, xx, y, scratch); return Dot(y, yBar); }
        double[] xBar = new double[3], wBar = new double[net.ParameterCount];
        net.Adjoint(net.Weights, x, yBar, xBar, wBar, scratch);
        const double h = 1e-6;
        int compared = 0;
        for (int j = 0; j < net.ParameterCount; j++)
        {
            double[] wp = (double[])net.Weights.Clone(), wm = (double[])net.Weights.Clone();
            wp[j] += h; wm[j] -= h;
            double fd = (J(wp, x) - J(wm, x)) / (2 * h);
            Assert.True(Math.Abs(fd - wBar[j]) <= 1e-7 + 1e-6 * Math.Abs(fd), $"w[{j}]: fd {fd:R}, adjoint {wBar[j]:R}");
            compared++;
        }
        for (int i = 0; i < 3; i++)
        {
            double[] xp = (double[])x.Clone(), xm = (double[])x.Clone();
            xp[i] += h; xm[i] -= h;
            double fd = (J(net.Weights, xp) - J(net.Weights, xm)) / (2 * h);
            Assert.True(Math.Abs(fd - xBar[i]) <= 1e-7 + 1e-6 * Math.Abs(fd), $"x[{i}]: fd {fd:R}, adjoint {xBar[i]:R}");
        }
        Assert.Equal(net.ParameterCount, compared);
        Assert.Contains(wBar, v => Math.Abs(v) > 1e-3); // a gradient that is not identically zero
    }

    [Fact]
    public void Adjoint_AccumulatesIntoExistingGradients()
    {
        var net = NetworkGradientChecks.TestNetwork(Activation.Tanh, Activation.Gelu, Activation.Identity, 2);
        double[] x = [0.1, 0.2, 0.3], yBar = [1, 2, 3];
        var scratch = new double[net.ScratchLength];
        double[] xBar1 = new double[3], wBar1 = new double[net.ParameterCount];
        net.Adjoint(net.Weights, x, yBar, xBar1, wBar1, scratch);
        double[] xBar2 = [1, 1, 1], wBar2 = Enumerable.Repeat(1.0, net.ParameterCount).ToArray();
        net.Adjoint(net.Weights, x, yBar, xBar2, wBar2, scratch);
        for (int i = 0; i < 3; i++) Assert.Equal(xBar1[i] + 1, xBar2[i], 1e-15);
        for (int j = 0; j < net.ParameterCount; j++) Assert.Equal(wBar1[j] + 1, wBar2[j], 1e-15);
    }

    [Fact]
    public void PerPointCalls_AfterWarmUp_AllocateNothing()
    {
        var net = NetworkGradientChecks.TestNetwork(Activation.Gelu, Activation.Softplus, Activation.Sigmoid, 4);
        double[] x = [0.5, 0.25, -1], y = new double[3], dy = new double[3], xBar = new double[3], wBar = new double[net.ParameterCount];
        double[] dw = new double[net.ParameterCount], scratch = new double[net.ScratchLength];
        for (int warm = 0; warm < 2; warm++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int k = 0; k < 1000; k++)
            {
                net.Forward(net.Weights, x, y, scratch);
                net.Tangent(net.Weights, x, dw, x, y, dy, scratch);
                net.Adjoint(net.Weights, x, y, xBar, wBar, scratch);
            }
            if (warm == 1) Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }

    [Fact]
    public void Batch_ForwardTangentAdjoint_AgreeWithPerPointAndAreThreadCountIndependent()
    {
        var net = NetworkGradientChecks.TestNetwork(Activation.Tanh, Activation.Softplus, Activation.Identity, 9);
        var rng = new Random(3);
        const int rows = 4000; // rows · weights above DenseNetwork.ParallelThreshold: the parallel path runs
        double[] X = RandomVector(rng, rows * 3, 3), dX = RandomVector(rng, rows * 3), Ybar = RandomVector(rng, rows * 3);
        double[] dw = RandomVector(rng, net.ParameterCount);
        double[] Y = new double[rows * 3], dY = new double[rows * 3], Yt = new double[rows * 3];
        net.ForwardBatch(net.Weights, X, Y);
        net.TangentBatch(net.Weights, X, dw, dX, Yt, dY);
        var scratch = new double[net.ScratchLength];
        var xBarRef = new double[rows * 3];
        var wBarRef = new double[net.ParameterCount];
        var y = new double[3];
        for (int r = 0; r < rows; r++)
        {
            net.Forward(net.Weights, X.AsSpan(r * 3, 3), y, scratch);
            Assert.Equal(y, Y.AsSpan(r * 3, 3).ToArray());
            net.Adjoint(net.Weights, X.AsSpan(r * 3, 3), Ybar.AsSpan(r * 3, 3), xBarRef.AsSpan(r * 3, 3), wBarRef, scratch);
        }
        Assert.Equal(Y, Yt);
        double[] xBar1 = new double[rows * 3], wBar1 = new double[net.ParameterCount];
        double[] xBarAll = new double[rows * 3], wBarAll = new double[net.ParameterCount];
        net.AdjointBatch(net.Weights, X, Ybar, xBar1, wBar1, maxDegreeOfParallelism: 1);
        net.AdjointBatch(net.Weights, X, Ybar, xBarAll, wBarAll);
        Assert.True((long)rows * net.ParameterCount > DenseNetwork.ParallelThreshold);
        Assert.Equal(wBar1, wBarAll);                    // bit for bit, whatever the threads
        Assert.Equal(xBar1, xBarAll);
        Assert.Equal(xBarRef, xBar1);                    // rows are independent: same as per point
        for (int j = 0; j < net.ParameterCount; j++)    // a different summation order: equal to rounding
            Assert.True(Math.Abs(wBar1[j] - wBarRef[j]) <= 1e-12 * (1 + Math.Abs(wBarRef[j])));
        // ⟨δY, Ȳ⟩ = ⟨δX, X̄⟩ + ⟨δw, w̄⟩ over the batch
        double lhs = Dot(dY, Ybar), rhs = Dot(dX, xBar1) + Dot(dw, wBar1);
        Assert.True(Math.Abs(lhs - rhs) <= 1e-12 * Math.Abs(lhs), $"{lhs:R} vs {rhs:R}");
    }

    [Fact]
    public void Constructor_MismatchedLayers_NamesTheLayer()
    {
        var e = Assert.Throws<ArgumentException>(() => new DenseNetwork([new DenseLayer(2, 4, Activation.Tanh), new DenseLayer(3, 1, Activation.Identity)]));
        Assert.Contains("Layer 1 takes 3 inputs but layer 0 gives 4", e.Message);
    }
}
