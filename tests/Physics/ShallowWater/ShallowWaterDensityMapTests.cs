using ClimateAD.Adjoint.Checkpointing;
using ClimateAD.Adjoint.Costs;
using ClimateAD.Adjoint.Trajectories;
using ClimateAD.Physics.ShallowWater;
using Xunit;

namespace ClimateAD.Physics.Tests.ShallowWater;

/// <summary>
/// The point-wise parameter-gradient map of the adjoint (<see cref="ShallowWaterStep.AccumulateParameterDensity"/>):
/// summed over cells it is ∂J/∂τ₀, and τ₀·map(i, j) is ∂J/∂ln m(i, j) for a multiplier m of the wind
/// stress at one cell, checked by central differences of J with the wind pattern scaled at that cell.
/// </summary>
public class ShallowWaterDensityMapTests
{
    private const int N = 8, Steps = 40;

    private static (ShallowWaterConfiguration Config, double[] X0) Setup()
    {
        var setup = ShallowWaterSetups.DoubleGyre(N, dampingTime: 10 * 86400.0, windStress: 0.1);
        using var sim = setup.CreateSimulation();
        sim.Run(50);
        return (setup.Configuration, sim.GetState());
    }

    private static QuadraticCost Cost(ShallowWaterLayout layout)
    {
        // h along the western column and the middle row at the last step, against H + 2 cm.
        var cells = Enumerable.Range(0, N).Select(j => layout.Index(0, 0, j)).Concat(Enumerable.Range(1, N - 1).Select(i => layout.Index(0, i, N / 2))).ToArray();
        return new QuadraticCost([new ObservationTerm(new SnapshotOperator(cells, [Steps]), Enumerable.Repeat(500.02, cells.Length),
            DiagonalCovariance.Uniform(cells.Length, 1e-4))]);
    }

    private static double J(ShallowWaterConfiguration config, double[] x0)
    {
        using var step = new ShallowWaterStep(config);
        var runner = new TrajectoryRunner(step, new TrajectoryPlan(StoreAllSchedule.Create(Steps), step.StateLength, step.ParameterLength));
        return runner.EvaluateCost(x0, config.DefaultParameters(), Cost(config.Layout));
    }

    [Fact]
    public void WindDensityMap_SumsToTheAmplitudeGradient_AndGivesTheLocalWindSensitivity()
    {
        var (config, x0) = Setup();
        int wind = config.Parameters.IndexOf(ShallowWaterParameterNames.WindStress);
        var map = new double[N * N];
        double[] thetaBar;
        using (var step = new ShallowWaterStep(config))
        {
            step.AccumulateParameterDensity(wind, map);
            var runner = new TrajectoryRunner(step, new TrajectoryPlan(BinomialSchedule.Create(Steps, 6), step.StateLength, step.ParameterLength));
            thetaBar = runner.Run(x0, config.DefaultParameters(), Cost(config.Layout)).ParameterGradient;
        }
        Assert.Equal(thetaBar[wind], map.Sum(), 1e-12 * Math.Abs(thetaBar[wind]));

        double tau0 = config.DefaultParameters()[wind];
        foreach (var (i, j) in new[] { (0, 2), (1, 4), (3, 5), (6, 1) })
        {
            const double eps = 1e-4;
            double Scaled(double factor)
            {
                var pattern = (double[,])config.WindPatternX!.Clone();
                pattern[i, j] *= factor;
                return J(config with { WindPatternX = pattern }, x0);
            }
            double fd = (Scaled(1 + eps) - Scaled(1 - eps)) / (2 * eps);
            double adjoint = tau0 * map[j * N + i];
            Assert.True(Math.Abs(fd - adjoint) <= 1e-5 * Math.Abs(map.Max(Math.Abs) * tau0), $"cell ({i}, {j}): FD {fd:G8}, adjoint {adjoint:G8}");
        }
    }
}
