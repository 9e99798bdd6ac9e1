using ClimateAD.Adjoint.Costs;
using ClimateAD.Adjoint.Trajectories;
using ClimateAD.Hybrid.Networks;
using ClimateAD.Hybrid.Terms;
using ClimateAD.Physics.Lorenz96;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Hybrid.Tests.Terms;

/// <summary>
/// Online training in miniature: the learned closure's weights get their gradient through the
/// one-scale Lorenz-96 solver (checkpointed adjoint, <see cref="TrajectoryRunner"/>) from a misfit to
/// two-scale truth trajectories, and Adam on that gradient lowers the misfit.
/// </summary>
public class OnlineTrainingTests(ITestOutputHelper output)
{
    private const int K = 8, J = 32, Steps = 60, Every = 10;
    private const double Dt = 0.005;

    [Fact]
    public void Adam_OnSolverGradientOfTrajectoryMisfit_LowersMisfitToTwoScaleTruth()
    {
        // Truth: the two-scale Wilks (2005) setting; three 0.3-MTU windows from a spun-up state, X observed every 10 steps.
        var truthStep = new Rk4Step<TwoScaleLorenz96>(new TwoScaleLorenz96(K, J), Dt);
        double[] truthTheta = Lorenz96ParameterTable.Wilks2005Values();
        var state = Lorenz96InitialState.SpunUp(truthStep, Lorenz96InitialState.Perturbed(truthStep.StateLength, K, 20.0), truthTheta, 400);
        var windows = new List<(double[] X0, QuadraticCost Cost)>();
        double[] next = new double[state.Length];
        int[] observed = Enumerable.Range(1, Steps / Every).Select(i => i * Every).ToArray();
        for (int w = 0; w < 3; w++)
        {
            double[] x0 = state[..K];
            var obs = new List<double>();
            for (int n = 1; n <= Steps; n++)
            {
                truthStep.Forward(n, state, truthTheta, next);
                (state, next) = (next, state);
                if (n % Every == 0) obs.AddRange(state[..K]);
            }
            for (int n = 0; n < 100; n++) { truthStep.Forward(n, state, truthTheta, next); (state, next) = (next, state); } // decorrelate
            var op = new SnapshotOperator(Enumerable.Range(0, K), observed);
            windows.Add((x0, new QuadraticCost([new ObservationTerm(op, obs, DiagonalCovariance.Uniform(op.Count, 1.0))])));
        }

        // Model: one-scale with a 1 → 8 → 8 → 1 tanh closure; θ = (F, w); F stays 20.
        var term = new NetworkSubgridTerm(NetworkSubgridGradientChecks.ClosureNetwork(seed: 11));
        var step = new Rk4Step<OneScaleLorenz96>(new OneScaleLorenz96(K, term), Dt);
        double[] theta = [20.0, .. term.Parameters.Defaults()];
        var runner = new TrajectoryRunner(step, TrajectoryPlan.ForBudget(Steps, K, theta.Length, long.MaxValue));
        double Misfit(double[] th, double[]? gradient)
        {
            double sum = 0;
            foreach (var (x0, cost) in windows)
            {
                if (gradient is null) { sum += runner.EvaluateCost(x0, th, cost); continue; }
                var r = runner.Run(x0, th, cost);
                sum += r.Cost;
                for (int j = 1; j < th.Length; j++) gradient[j] += r.ParameterGradient[j];
            }
            return sum;
        }
        double[] noClosure = (double[])theta.Clone();
        Array.Clear(noClosure, 1, noClosure.Length - 1);               // all weights 0: S = output shift only
        double initial = Misfit(theta, null);

        var weights = theta[1..];
        var adam = new TinyAdam(weights.Length, 0.03);
        var g = new double[theta.Length];
        for (int it = 0; it < 25; it++)
        {
            Array.Clear(g);
            Misfit(theta, g);
            adam.Step(weights, g.AsSpan(1));
            weights.CopyTo(theta, 1);
        }
        double trained = Misfit(theta, null), constant = Misfit(noClosure, null);
        var cubicStep = new Rk4Step<OneScaleLorenz96>(new OneScaleLorenz96(K, new CubicSubgridTerm()), Dt);
        var cubicRunner = new TrajectoryRunner(cubicStep, TrajectoryPlan.ForBudget(Steps, K, 5, long.MaxValue));
        double cubic = windows.Sum(wc => cubicRunner.EvaluateCost(wc.X0, [20.0, .. CubicSubgridTerm.Table.Defaults()], wc.Cost));
        output.WriteLine($"trajectory misfit: initial {initial:G4}, after 25 Adam steps {trained:G4}, constant closure {constant:G4}, Arnold et al. cubic {cubic:G4}");
        Assert.True(trained < 0.5 * initial, $"misfit {initial:G4} → {trained:G4}");
        Assert.True(trained < 0.2 * constant, $"trained {trained:G4} vs constant closure {constant:G4}");
        Assert.Equal(20.0, theta[0]);
    }
}
