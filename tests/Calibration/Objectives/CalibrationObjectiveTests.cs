using ClimateAD.Calibration.Experiments;
using ClimateAD.Calibration.Objectives;
using Xunit;

namespace ClimateAD.Calibration.Tests.Objectives;

public sealed class CalibrationObjectiveTests
{
    private static readonly AbruptCo2TwinExperiment Twin = new(years: 60);

    private static (CalibrationObjective Objective, double[] U) AtFirstGuess()
    {
        var objective = new CalibrationObjective(Twin.ProblemFor(3));
        return (objective, Twin.Free.ToUnbounded(Twin.FirstGuess(3)));
    }

    [Fact]
    public void AdjointGradient_MatchesCentralDifferencesOfTheCost()
    {
        var (objective, u) = AtFirstGuess();
        var (cost, g) = objective.CostAndGradient(u);
        Assert.Equal(objective.Evaluate(u).Cost, cost, 1e-9 * cost);
        for (int i = 0; i < u.Length; i++)
        {
            double h = 1e-5;
            var plus = (double[])u.Clone();
            var minus = (double[])u.Clone();
            plus[i] += h;
            minus[i] -= h;
            double fd = (objective.Evaluate(plus).Cost - objective.Evaluate(minus).Cost) / (2 * h);
            Assert.True(Math.Abs(fd - g[i]) <= 1e-5 * Math.Max(1.0, Math.Abs(fd)), $"u[{i}]: adjoint {g[i]}, fd {fd}");
        }
    }

    [Fact]
    public void Linearise_GradientEqualsAdjointGradient_AndJacobianMatchesDifferences()
    {
        var (objective, u) = AtFirstGuess();
        var lin = objective.Linearise(u);
        var (cost, g) = objective.CostAndGradient(u);
        Assert.Equal(cost, lin.Cost, 1e-9 * cost);
        for (int i = 0; i < g.Length; i++) Assert.Equal(g[i], lin.GradientU[i], 1e-9 * Math.Max(1, Math.Abs(g[i])));
        var free = Twin.Free.ToParameters(u);
        for (int j = 0; j < free.Length; j++)
        {
            double h = 1e-6 * free[j];
            var plus = (double[])free.Clone();
            var minus = (double[])free.Clone();
            plus[j] += h;
            minus[j] -= h;
            var hp = objective.Predict(Twin.Free.Expand(plus));
            var hm = objective.Predict(Twin.Free.Expand(minus));
            for (int i = 0; i < hp.Length; i += 7)
            {
                double fd = (hp[i] - hm[i]) / (2 * h);
                Assert.True(Math.Abs(fd - lin.JacobianFree[i, j]) <= 1e-6 * Math.Max(1e-3, Math.Abs(fd)), $"G[{i},{j}] tangent {lin.JacobianFree[i, j]} fd {fd}");
            }
        }
    }

    [Fact]
    public void Counts_ChargeEachSweepOnceAndReuseTheForwardRunForTheJacobian()
    {
        var (objective, u) = AtFirstGuess();
        int steps = objective.Problem.Steps;
        objective.Evaluate(u);
        Assert.Equal(new ModelRunCounts(steps, 0, 0, steps), objective.Counts);
        objective.Linearise(u);
        Assert.Equal(new ModelRunCounts(steps, 6L * steps, 0, steps), objective.Counts);
        objective.CostAndGradient(u);
        Assert.Equal(new ModelRunCounts(2L * steps, 6L * steps, steps, steps), objective.Counts);
        Assert.Equal(9.0, objective.Counts.ForwardEquivalentRuns);
        objective.PredictEnsemble(new double[3 * 14].Select((_, k) => Twin.TruthTheta[k % 14]).ToArray(), 3);
        Assert.Equal(12.0, objective.Counts.ForwardEquivalentRuns);
    }

    [Fact]
    public void PredictEnsemble_MembersEqualSingleRuns()
    {
        var (objective, _) = AtFirstGuess();
        var a = Twin.TruthTheta;
        var b = Twin.Free.Expand(Twin.FirstGuess(5));
        var both = objective.PredictEnsemble([.. a, .. b], 2);
        var ha = objective.Predict(a);
        var hb = objective.Predict(b);
        Assert.Equal(ha, both.AsSpan(0, ha.Length).ToArray());
        Assert.Equal(hb, both.AsSpan(ha.Length).ToArray());
    }

    [Fact]
    public void LinearProblem_GaussNewtonHessianAndGradient_AreTheNormalEquations()
    {
        var y = LinearTrendProblem.Observations(0.3, -1.2);
        var objective = new CalibrationObjective(LinearTrendProblem.Problem(y));
        var lin = objective.Linearise([0.1, 0.2]);
        var g = LinearTrendProblem.G();
        double s2 = LinearTrendProblem.Sigma * LinearTrendProblem.Sigma;
        for (int r = 0; r < 2; r++)
        {
            double grad = 0;
            for (int i = 0; i < LinearTrendProblem.Steps; i++) grad += g[i, r] * (g[i, 0] * 0.1 + g[i, 1] * 0.2 - y[i]) / s2;
            Assert.Equal(grad, lin.GradientFree[r], 1e-9 * Math.Abs(grad));
            for (int c = 0; c < 2; c++)
            {
                double h = 0;
                for (int i = 0; i < LinearTrendProblem.Steps; i++) h += g[i, r] * g[i, c] / s2;
                Assert.Equal(h, lin.HessianFree[r, c], 1e-9 * Math.Abs(h));
            }
        }
    }
}
