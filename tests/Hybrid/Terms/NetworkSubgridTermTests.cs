using ClimateAD.Hybrid.Networks;
using ClimateAD.Hybrid.Terms;
using ClimateAD.Physics.Lorenz96;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Hybrid.Tests.Terms;

public class NetworkSubgridTermTests(ITestOutputHelper output)
{
    [Fact]
    public void LinearNetwork_OneScaleLorenz96_SameTrajectoryAsLinearCubicBitForBit()
    {
        // S = b + w X (1 → 1, identity) is the cubic closure with a₂ = a₃ = 0.
        const double a0 = -0.341, a1 = -1.30;
        var net = new DenseNetwork([new DenseLayer(1, 1, Activation.Identity)], weights: [a1, a0]);
        var learned = new Rk4Step<OneScaleLorenz96>(new OneScaleLorenz96(8, new NetworkSubgridTerm(net)), 0.005);
        var cubic = new Rk4Step<OneScaleLorenz96>(new OneScaleLorenz96(8, new CubicSubgridTerm()), 0.005);
        double[] x = Lorenz96InitialState.Perturbed(8, 8, 20.0), y = (double[])x.Clone(), next = new double[8];
        double[] thetaLearned = [20.0, a1, a0], thetaCubic = [20.0, a0, a1, 0.0, 0.0];
        for (int n = 0; n < 200; n++)
        {
            learned.Forward(n, x, thetaLearned, next); (x, next) = (next, x);
            cubic.Forward(n, y, thetaCubic, next); (y, next) = (next, y);
        }
        Assert.Equal(y, x);
        var term = (NetworkSubgridTerm)learned.Tendency.Subgrid!;
        Assert.Equal(a1, term.Derivative(3.7, [a1, a0]));
        Assert.Equal(["subgrid_nn_w0", "subgrid_nn_w1"], term.Parameters.Select(p => p.Name));
        Assert.Contains("layer 0 b[0]", term.Parameters[1].Description);
    }

    [Fact]
    public void Derivatives_SmallTanhNetwork_MatchFiniteDifferencesAndDotProduct()
    {
        var term = new NetworkSubgridTerm(NetworkSubgridGradientChecks.ClosureNetwork());
        double[] phi = term.Parameters.Defaults();
        var rng = new Random(8);
        double[] dPhi = phi.Select(_ => 2 * rng.NextDouble() - 1).ToArray();
        foreach (double x in new[] { -6.0, 0.4, 9.5 })
        {
            const double h = 1e-6;
            double fd = (term.Evaluate(x + h, phi) - term.Evaluate(x - h, phi)) / (2 * h);
            Assert.Equal(fd, term.Derivative(x, phi), 1e-7);
            double[] pp = phi.Zip(dPhi, (p, d) => p + h * d).ToArray(), pm = phi.Zip(dPhi, (p, d) => p - h * d).ToArray();
            double fdPhi = (term.Evaluate(x, pp) - term.Evaluate(x, pm)) / (2 * h);
            double tangent = term.ParameterTangent(x, phi, dPhi);
            Assert.Equal(fdPhi, tangent, 1e-7);
            var phiBar = new double[phi.Length];
            term.AddParameterAdjoint(x, phi, 0.7, phiBar);
            Assert.Equal(0.7 * tangent, phiBar.Zip(dPhi, (a, b) => a * b).Sum(), 1e-13);
        }
    }

    [Fact]
    public void Evaluation_AfterWarmUp_AllocatesNothing()
    {
        var term = new NetworkSubgridTerm(NetworkSubgridGradientChecks.ClosureNetwork());
        double[] phi = term.Parameters.Defaults(), phiBar = new double[phi.Length];
        double sink = 0;
        for (int warm = 0; warm < 2; warm++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int k = 0; k < 500; k++)
            {
                sink += term.Evaluate(k * 0.01, phi) + term.Derivative(k * 0.01, phi) + term.ParameterTangent(k * 0.01, phi, phi);
                term.AddParameterAdjoint(k * 0.01, phi, 1.0, phiBar);
            }
            if (warm == 1) Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Assert.True(double.IsFinite(sink));
    }

    [Fact]
    public void OfflineFit_ArnoldCubic_AdamOnBatchAdjointReachesSmallError()
    {
        // Fit S(X) = −(0.341 + 1.30X − 0.0136X² − 0.00235X³) (Arnold et al. 2013) on X ∈ [−10, 15]
        // with plain Adam (Kingma & Ba 2015) on the batch-adjoint gradient of the mean squared error.
        var net = NetworkSubgridGradientChecks.ClosureNetwork(seed: 2);
        var cubic = new CubicSubgridTerm();
        double[] coefficients = CubicSubgridTerm.Table.Defaults();
        const int samples = 128;
        double[] x = Enumerable.Range(0, samples).Select(i => -10 + 25.0 * i / (samples - 1)).ToArray();
        double[] target = x.Select(v => cubic.Evaluate(v, coefficients)).ToArray();
        double[] w = (double[])net.Weights.Clone(), g = new double[w.Length];
        double[] y = new double[samples], yBar = new double[samples];
        double Loss()
        {
            net.ForwardBatch(w, x, y);
            double s = 0;
            for (int i = 0; i < samples; i++) s += (y[i] - target[i]) * (y[i] - target[i]);
            return s / samples;
        }
        double initial = Loss();
        var adam = new TinyAdam(w.Length, 0.02);
        for (int it = 1; it <= 600; it++)
        {
            Loss();
            for (int i = 0; i < samples; i++) yBar[i] = 2 * (y[i] - target[i]) / samples;
            Array.Clear(g);
            net.AdjointBatch(w, x, yBar, Span<double>.Empty, g);
            adam.Step(w, g);
        }
        double final = Loss();
        output.WriteLine($"MSE {initial:G4} → {final:G4}; target variance {target.Select(t => t * t).Average() - Math.Pow(target.Average(), 2):G4}");
        Assert.True(final < 0.05, $"MSE after training {final}");
        Assert.True(final < 1e-3 * initial);
    }
}
