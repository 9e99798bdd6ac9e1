using ClimateAD.Hybrid.Parameterisation;
using ClimateAD.Physics.Lorenz96;
using Xunit;

namespace ClimateAD.Hybrid.Tests.Parameterisation;

public sealed class ParameterisationToolsTests
{
    private const double Dt = 0.005;
    private static readonly TwoScaleTruth Truth = new(8, 32, [20.0, 1.0, 10.0, 10.0], Dt, 0.05, 600);

    private static Rk4Step<OneScaleLorenz96> CubicModel() => new(new OneScaleLorenz96(8, new CubicSubgridTerm()), Dt);

    [Fact]
    public void CubicFit_OfAnExactCubic_RecoversItsCoefficients()
    {
        double[] phi = [-0.5, -1.2, 0.013, 0.0021];
        var coupling = Truth.X.Select(r => r.Select(x => phi[0] + x * (phi[1] + x * (phi[2] + x * phi[3]))).ToArray()).ToArray();
        var fit = CubicFit.Fit(Truth.X, coupling);
        for (int i = 0; i < 4; i++) Assert.Equal(phi[i], fit[i], 1e-12 * Math.Pow(10, i));
    }

    [Fact]
    public void Truth_Coupling_IsTheTwoScaleTendencyMinusTheOneScaleOne()
    {
        // dX/dt of the two-scale model minus the unparameterised one-scale tendency is U exactly.
        var two = new TwoScaleLorenz96(8, 32);
        var one = new OneScaleLorenz96(8, null);
        var x = Lorenz96InitialState.Perturbed(two.StateLength, 8, 20, 3);
        for (int i = 8; i < x.Length; i++) x[i] = Math.Sin(i);
        var t2 = new double[two.StateLength];
        var t1 = new double[8];
        two.Evaluate(x, [20.0, 1.0, 10.0, 10.0], t2);
        one.Evaluate(x.AsSpan(0, 8), [20.0], t1);
        for (int k = 0; k < 8; k++)
        {
            double u = -Enumerable.Range(0, 32).Sum(j => x[8 + k * 32 + j]);
            Assert.Equal(t2[k] - t1[k], u, 1e-12);
        }
    }

    [Fact]
    public void TrajectoryLoss_Gradient_MatchesCentralDifferences()
    {
        var loss = new TrajectoryLoss(CubicModel, Truth, 6, 10);
        double[] theta = [20.0, -0.7, -1.1, 0.001, 0.0029];
        int[] starts = [10, 200, 350];
        var (_, g) = loss.Evaluate(theta, starts);
        for (int i = 1; i < theta.Length; i++)
        {
            double h = 1e-6 * Math.Max(1e-3, Math.Abs(theta[i]));
            var plus = (double[])theta.Clone();
            var minus = (double[])theta.Clone();
            plus[i] += h;
            minus[i] -= h;
            double fd = (loss.Evaluate(plus, starts, false).Loss - loss.Evaluate(minus, starts, false).Loss) / (2 * h);
            Assert.Equal(fd, g[i], 1e-6 * Math.Abs(fd));
        }
    }

    [Fact]
    public void Adam_ResumedFromASavedState_IsBitIdentical_AndReducesTheLoss()
    {
        var loss = new TrajectoryLoss(CubicModel, Truth, 4, 10);
        var trainer = new AdamTrainer(loss, Enumerable.Range(0, 500).ToArray(), [1, 2]) { LearningRate = 0.02, BatchSize = 8 };
        double[] start = [20.0, 0.0, -0.5, 0.0, 0.0];
        var a = trainer.Start(start);
        for (int i = 0; i < 6; i++) a = trainer.Iterate(a);
        var b = trainer.Start(start);
        for (int i = 0; i < 3; i++) b = trainer.Iterate(b);
        var saved = new OnlineState(b.Iteration, (double[])b.Theta.Clone(), b.Loss, b.Memory.Select(r => (double[])r.Clone()).ToArray());
        for (int i = 0; i < 3; i++) saved = trainer.Iterate(saved);
        Assert.Equal(a.Theta, saved.Theta);
        Assert.Equal(20.0, a.Theta[0]);
        for (int i = 0; i < 30; i++) a = trainer.Iterate(a);
        int[] valid = [520, 540, 560, 580];
        Assert.True(loss.Evaluate(a.Theta, valid, false).Loss < 0.7 * loss.Evaluate(start, valid, false).Loss);
    }

    [Fact]
    public void Lbfgs_ResumedFromASavedState_IsBitIdentical_AndReducesTheLoss()
    {
        // Full-batch L-BFGS on 12 fixed windows from a poor start: the loss falls to a quarter in 8
        // iterations and never rises, and stopping after 4 then resuming from a copy of the state changes nothing.
        var loss = new TrajectoryLoss(CubicModel, Truth, 4, 10);
        var trainer = new LbfgsTrainer(loss, Enumerable.Range(0, 500).ToArray(), [1, 2], 12);
        double[] start = [20.0, 0.0, -0.5, 0.0, 0.0];
        var a = trainer.Start(start);
        for (int i = 0; i < 8; i++) a = trainer.Iterate(a);
        var b = trainer.Start(start);
        for (int i = 0; i < 4; i++) b = trainer.Iterate(b);
        var saved = new OnlineState(b.Iteration, (double[])b.Theta.Clone(), b.Loss, b.Memory.Select(r => (double[])r.Clone()).ToArray());
        for (int i = 0; i < 4; i++) saved = trainer.Iterate(saved);
        Assert.Equal(a.Theta, saved.Theta);
        Assert.Equal(a.Loss, saved.Loss);
        Assert.True(a.Loss < 0.3 * trainer.Start(start).Loss, $"{a.Loss} vs {trainer.Start(start).Loss}");
        var c = a;
        for (int i = 0; i < 6; i++)
        {
            var next = trainer.Iterate(c);
            Assert.True(next.Loss <= c.Loss);
            c = next;
        }
    }

    [Fact]
    public void ForecastSkill_AtLeadZero_IsPerfect_AndTheCubicBeatsNoClosure()
    {
        int[] starts = Enumerable.Range(0, 10).Select(i => 20 + i * 30).ToArray();
        double[] phi = CubicFit.Fit(Truth.X, Truth.Coupling);
        var (acc, withCubic) = ForecastSkill.Evaluate(CubicModel(), [20.0, .. phi], Truth, starts, 60, 10);
        var (_, without) = ForecastSkill.Evaluate(new Rk4Step<OneScaleLorenz96>(new OneScaleLorenz96(8, null), Dt), [20.0], Truth, starts, 60, 10);
        Assert.Equal(1.0, acc[0], 1e-14);
        Assert.True(withCubic > 2 * without, $"cubic {withCubic} vs none {without}");
    }

    [Fact]
    public void Hellinger_IsZeroForIdenticalAndOneForDisjointSamples()
    {
        var p = ClimateStatistics.Of([[1.0, 2.0, 3.0]]);
        var q = ClimateStatistics.Of([[20.0, 21.0]]);
        Assert.Equal(0.0, p.Hellinger(p), 1e-7);
        Assert.Equal(1.0, p.Hellinger(q), 1e-15);
        Assert.Equal(2.0, p.Mean, 1e-15);
        Assert.Equal(2.0 / 3.0, p.Variance, 1e-15);
    }
}
