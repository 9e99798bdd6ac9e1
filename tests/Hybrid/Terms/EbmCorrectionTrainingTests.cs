using ClimateAD.Hybrid.Networks;
using ClimateAD.Hybrid.Parameterisation;
using ClimateAD.Hybrid.Terms;
using ClimateAD.Physics.LatitudeEbm;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Hybrid.Tests.Terms;

/// <summary>
/// A learned correction of the latitude EBM trained online: the "truth" is the same model with a
/// different outgoing longwave line (A + 4 W m⁻², B − 0.15 W m⁻² K⁻¹, as if the OLR fit were biased);
/// the model with the original line plus a network correction N(T) in its correction slot is trained
/// by L-BFGS on 30-year windows of the truth's zonal temperatures (three runs from warm, mild and
/// cold starts), through the model's adjoint, and tested on a fourth run.
/// </summary>
public sealed class EbmCorrectionTrainingTests(ITestOutputHelper output)
{
    [Fact]
    public void OnlineTraining_RecoversTheOlrBias_AndCutsTheHeldOutErrorHundredfold()
    {
        var plain = LatitudeEbmModel.Default(deepOcean: false, cellCount: 18);
        double[] theta = plain.Parameters.Defaults();
        double[] truthTheta = (double[])theta.Clone();
        truthTheta[1] += 4.0;
        truthTheta[2] -= 0.15;
        // Truth: four 100-year runs from uniform starts of 30, 15, 0 and 20 °C (the last held out), yearly.
        var truthStep = new LatitudeEbmStep(plain);
        var states = new List<double[]>();
        var next = new double[plain.StateLength];
        foreach (double t0 in new[] { 30.0, 15.0, 0.0, 20.0 })
        {
            states.Add(plain.UniformState(t0));
            for (int n = 0; n < 100; n++)
            {
                truthStep.Forward(n, states[^1], truthTheta, next);
                states.Add((double[])next.Clone());
            }
        }
        var net = DenseNetwork.Create([1, 8, 1], Activation.Tanh, seed: 4,
            input: new AffineNormalisation([0.0], [20.0]), output: new AffineNormalisation([0.0], [5.0]));
        var term = new NetworkSubgridTerm(net);
        var model = plain.WithCorrection(term);
        var loss = new TrajectoryLoss(() => new LatitudeEbmStep(model), states, Enumerable.Range(0, plain.CellCount), 30, 1);
        double[] theta0 = [.. theta, .. net.Weights];
        var trainable = Enumerable.Range(theta.Length, net.ParameterCount).ToArray();
        var trainer = new LbfgsTrainer(loss, Enumerable.Range(0, 3).SelectMany(r => Enumerable.Range(101 * r, 40)).ToArray(), trainable, 12);
        var s = trainer.Start(theta0);
        double start = s.Loss;
        for (int i = 0; i < 40; i++) s = trainer.Iterate(s);
        int[] heldOut = [303, 310, 320, 340, 360];
        double before = loss.Evaluate(theta0, heldOut, false).Loss, after = loss.Evaluate(s.Theta, heldOut, false).Loss;
        double withoutCorrection = new TrajectoryLoss(() => new LatitudeEbmStep(plain), states, Enumerable.Range(0, plain.CellCount), 30, 1)
            .Evaluate(theta, heldOut, false).Loss;
        var w = s.Theta[theta.Length..];
        output.WriteLine($"training loss {start:G4} -> {s.Loss:G4}; held-out MSE (K^2): no correction {withoutCorrection:G4}, untrained network {before:G4}, trained {after:G4}");
        foreach (double t in new[] { -30.0, 0.0, 25.0 })
            output.WriteLine($"N({t}) = {term.Evaluate(t, w):F3} W m-2 (OLR bias -4 + 0.15 T = {-4 + 0.15 * t:F3})");
        Assert.True(after < 0.01 * withoutCorrection, $"held-out MSE {after:G4} vs {withoutCorrection:G4} without correction");
        // Inside the temperatures the truth visits, the network is the bias (to 0.3 W m-2; the truth's
        // B T is implicit, the correction explicit, so they differ by O(Δt) in transients).
        double low = states.Min(x => x.Min()), high = states.Max(x => x.Max());
        output.WriteLine($"truth temperatures {low:F1} to {high:F1} degC");
        foreach (double t in new[] { 0.0, 10.0, 20.0 })
        {
            Assert.InRange(t, low, high);
            Assert.Equal(-4 + 0.15 * t, term.Evaluate(t, w), 0.3);
        }
    }
}
