using ClimateAD.Adjoint.Checkpointing;
using ClimateAD.Adjoint.Trajectories;
using ClimateAD.Physics.Lorenz96;
using Xunit;

namespace ClimateAD.Physics.Tests.Lorenz96;

public class Rk4StepTests
{
    [Fact]
    public void Forward_CouplingZero_SlowPartEqualsOneScaleWithoutClosureBitForBit()
    {
        var twoScale = new Rk4Step<TwoScaleLorenz96>(new TwoScaleLorenz96(8, 4), 0.005);
        var oneScale = new Rk4Step<OneScaleLorenz96>(new OneScaleLorenz96(8, null), 0.005);
        double[] thetaTwo = [20.0, 0.0, 10.0, 10.0], thetaOne = [20.0];
        var x0 = Lorenz96InitialState.Perturbed(twoScale.StateLength, 8, 20.0);
        var a = Lorenz96InitialState.SpunUp(twoScale, x0, thetaTwo, 500);
        var b = Lorenz96InitialState.SpunUp(oneScale, x0.AsSpan(0, 8), thetaOne, 500);
        Assert.Equal(b.Select(BitConverter.DoubleToInt64Bits), a.Take(8).Select(BitConverter.DoubleToInt64Bits));
        Assert.NotEqual(x0[0], a[0]);
    }

    [Fact]
    public void Forward_HalvingTimeStep_ConvergesAtOrderFour()
    {
        // Wilks setting, spun up; integrate T = 0.08 MTU with Δt = 0.002, 0.001, 0.0005 against Δt = 0.004/64.
        // (Δt ≥ 0.01 is outside the asymptotic range here: cb = 100 makes the fast ring stiff.)
        var model = new TwoScaleLorenz96(8, 32);
        double[] theta = Lorenz96ParameterTable.Wilks2005Values();
        var x0 = Lorenz96InitialState.SpunUp(new Rk4Step<TwoScaleLorenz96>(model, 0.005),
            Lorenz96InitialState.Perturbed(model.StateLength, 8, theta[0]), theta, 400);
        const double horizon = 0.08;
        var reference = Integrate(model, x0, theta, 0.004 / 64, horizon);
        double[] errors = [.. new[] { 0.002, 0.001, 0.0005 }.Select(dt => MaxDifference(Integrate(model, x0, theta, dt, horizon), reference))];
        for (int i = 0; i + 1 < errors.Length; i++)
            Assert.InRange(Math.Log2(errors[i] / errors[i + 1]), 3.8, 4.2);
    }

    [Fact]
    public void Run_StoreAllAndBinomialOverThousandSteps_GradientsIdenticalBitForBit()
    {
        var c = Lorenz96GradientChecks.TwoScaleWindow();
        var storeAll = new TrajectoryRunner(c.Step, new TrajectoryPlan(StoreAllSchedule.Create(c.Steps), c.Step.StateLength, c.Step.ParameterLength))
            .Run(c.State, c.Parameters, c.Cost!);
        var binomialPlan = new TrajectoryPlan(BinomialSchedule.Create(c.Steps, 10), c.Step.StateLength, c.Step.ParameterLength);
        var binomial = new TrajectoryRunner(c.Step, binomialPlan).Run(c.State, c.Parameters, c.Cost!);
        Assert.Equal(Bits(storeAll.ParameterGradient), Bits(binomial.ParameterGradient));
        Assert.Equal(Bits(storeAll.InitialStateGradient), Bits(binomial.InitialStateGradient));
        Assert.Equal(BitConverter.DoubleToInt64Bits(storeAll.Cost), BitConverter.DoubleToInt64Bits(binomial.Cost));
        Assert.Equal(binomialPlan.Predicted, binomial.Counts);
        Assert.True(binomial.Counts.ForwardCalls > storeAll.Counts.ForwardCalls);
        Assert.All(storeAll.ParameterGradient, g => Assert.NotEqual(0.0, g));

        var step = (Rk4Step<TwoScaleLorenz96>)c.Step;
        var tapedPlan = new TrajectoryPlan(StoreAllSchedule.CreateTaped(c.Steps), step.StateLength, step.ParameterLength, tapeLength: step.TapeLength);
        var taped = new TrajectoryRunner(step, tapedPlan).Run(c.State, c.Parameters, c.Cost!);
        Assert.Equal(Bits(storeAll.ParameterGradient), Bits(taped.ParameterGradient));
        Assert.Equal(Bits(storeAll.InitialStateGradient), Bits(taped.InitialStateGradient));
        Assert.Equal(tapedPlan.Predicted, taped.Counts);
        Assert.Equal(c.Steps, taped.Counts.Actions.ForwardEvaluations);
    }

    [Fact]
    public void ForwardTapedAndAdjointTaped_AnyState_BitIdenticalToForwardAndAdjoint()
    {
        var c = Lorenz96GradientChecks.TwoScale();
        var step = (Rk4Step<TwoScaleLorenz96>)c.Step;
        int n = step.StateLength;
        var rng = new Random(5);
        double[] lambdaNext = [.. Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5)];
        double[] next = new double[n], nextTaped = new double[n], tape = new double[step.TapeLength];
        step.Forward(0, c.State, c.Parameters, next);
        step.ForwardTaped(0, c.State, c.Parameters, nextTaped, tape);
        double[] lambda = new double[n], lambdaTaped = new double[n], thetaBar = new double[4], thetaBarTaped = new double[4];
        step.Adjoint(0, c.State, c.Parameters, lambdaNext, lambda, thetaBar);
        step.AdjointTaped(0, c.State, c.Parameters, tape, lambdaNext, lambdaTaped, thetaBarTaped);
        Assert.Equal(Bits(next), Bits(nextTaped));
        Assert.Equal(Bits(lambda), Bits(lambdaTaped));
        Assert.Equal(Bits(thetaBar), Bits(thetaBarTaped));
        Assert.Equal(3 * n, step.TapeLength);
        Assert.NotEqual(Bits(c.State), Bits(tape.AsSpan(0, n).ToArray())); // the tape holds x₂, not x
    }

    [Fact]
    public void ForwardTangentAdjoint_AfterWarmUp_AllocateNothing()
    {
        var c = Lorenz96GradientChecks.TwoScale();
        var step = c.Step;
        double[] next = new double[step.StateLength], dx = new double[step.StateLength], lambda = new double[step.StateLength];
        double[] dTheta = new double[step.ParameterLength], thetaBar = new double[step.ParameterLength];
        dx[0] = 1;
        var taped = (Rk4Step<TwoScaleLorenz96>)step;
        double[] tape = new double[taped.TapeLength];
        void All()
        {
            step.Forward(0, c.State, c.Parameters, next);
            step.Tangent(0, c.State, c.Parameters, dx, dTheta, next);
            step.Adjoint(0, c.State, c.Parameters, dx, lambda, thetaBar);
            taped.ForwardTaped(0, c.State, c.Parameters, next, tape);
            taped.AdjointTaped(0, c.State, c.Parameters, tape, dx, lambda, thetaBar);
        }
        All();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) All();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Constructor_NonPositiveTimeStep_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rk4Step<OneScaleLorenz96>(new OneScaleLorenz96(8, null), 0.0));

    private static double[] Integrate(TwoScaleLorenz96 model, double[] x0, double[] theta, double dt, double horizon)
    {
        int steps = (int)Math.Round(horizon / dt);
        Assert.Equal(horizon, steps * dt, 1e-12);
        return Lorenz96InitialState.SpunUp(new Rk4Step<TwoScaleLorenz96>(model, dt), x0, theta, steps);
    }

    private static double MaxDifference(double[] a, double[] b) => a.Zip(b, (u, v) => Math.Abs(u - v)).Max();

    private static long[] Bits(double[] v) => [.. v.Select(BitConverter.DoubleToInt64Bits)];
}
