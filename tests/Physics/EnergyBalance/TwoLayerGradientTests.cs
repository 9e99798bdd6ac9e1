using ClimateAD.TestKit;
using ClimateAD.Adjoint.Checkpointing;
using ClimateAD.Adjoint.Trajectories;
using ClimateAD.Adjoint.Verification;
using ClimateAD.Physics.EnergyBalance;
using ClimateAD.Physics.Forcing;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Physics.Tests.EnergyBalance;

public class TwoLayerGradientTests(ITestOutputHelper output)
{
    private static readonly GradientCheckRegistry Registry = GradientCheckRegistry.Discover(typeof(TwoLayerDifferentiableStep).Assembly);

    private static string[] EbmNames => [.. Registry.Names.Where(n => n.StartsWith(TwoLayerGradientChecks.Prefix, StringComparison.Ordinal))];

    public static TheoryData<string> EbmComponents => [.. EbmNames];

    public static TheoryData<TwoLayerIntegrator> Integrators => [.. Enum.GetValues<TwoLayerIntegrator>()];

    [Theory]
    [MemberData(nameof(EbmComponents))]
    public void RunAll_RegisteredEbmComponent_AllChecksPass(string name)
    {
        var c = Registry.Create(name);
        Assert.Equal(TwoLayerParameterTable.All.Count, c.Parameters.Length);
        GradientAssert.AllChecksPass(c, output, 1);
    }

    [Fact]
    public void Discover_PhysicsAssembly_RegistersStepAndWholeModelCaseOfEveryIntegrator() =>
        Assert.Equal(
            Enum.GetValues<TwoLayerIntegrator>()
                .SelectMany(i => new[] { TwoLayerGradientChecks.StepName(i), TwoLayerGradientChecks.MisfitName(i) })
                .Order(StringComparer.Ordinal),
            EbmNames);

    [Theory]
    [MemberData(nameof(Integrators))]
    public void Forward_750Years_BitIdenticalToSimulation(TwoLayerIntegrator integrator)
    {
        var forcing = TwoLayerSyntheticForcing.Basis(1750, 2499);
        double[] theta = TwoLayerGradientChecks.CheckParameters();
        var sim = new TwoLayerSimulation(theta, forcing, integrator, new TwoLayerState(0.3, -0.05));
        var step = new TwoLayerDifferentiableStep(forcing, integrator);
        double[] x = [0.3, -0.05], next = new double[2];
        for (int n = 0; n < forcing.StepCount; n++)
        {
            var d = sim.Step();
            step.Forward(n, x, theta, next);
            (x, next) = (next, x);
            Assert.Equal(BitConverter.DoubleToInt64Bits(d.Temperature), BitConverter.DoubleToInt64Bits(x[0]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(d.DeepTemperature), BitConverter.DoubleToInt64Bits(x[1]));
        }
    }

    [Fact]
    public void Forward_AlternatingParameterVectors_MatchesFreshStepEachTime()
    {
        // The per-θ cache must never serve the linearisation of another θ.
        var forcing = TwoLayerSyntheticForcing.Basis(1850, 1860);
        var shared = new TwoLayerDifferentiableStep(forcing);
        double[] a = TwoLayerGradientChecks.CheckParameters(), b = TwoLayerParameterTable.All.Defaults();
        double[] x = [0.5, 0.2];
        foreach (var theta in new[] { a, b, a, b })
        {
            double[] expected = new double[2], actual = new double[2];
            new TwoLayerDifferentiableStep(forcing).Forward(3, x, theta, expected);
            shared.Forward(3, x, theta, actual);
            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [MemberData(nameof(Integrators))]
    public void Run_750YearMisfit_BinomialScheduleGradientBitIdenticalToStoreAll(TwoLayerIntegrator integrator)
    {
        var c = TwoLayerGradientChecks.Misfit(integrator);
        var storeAll = new TrajectoryRunner(c.Step, new TrajectoryPlan(StoreAllSchedule.Create(c.Steps), 2, c.Parameters.Length))
            .Run(c.State, c.Parameters, c.Cost!);
        var binomialPlan = new TrajectoryPlan(BinomialSchedule.Create(c.Steps, 8), 2, c.Parameters.Length);
        var binomial = new TrajectoryRunner(c.Step, binomialPlan).Run(c.State, c.Parameters, c.Cost!);
        output.WriteLine(binomialPlan.Describe());
        Assert.Equal(BitConverter.DoubleToInt64Bits(storeAll.Cost), BitConverter.DoubleToInt64Bits(binomial.Cost));
        Assert.Equal(storeAll.ParameterGradient.Select(BitConverter.DoubleToInt64Bits), binomial.ParameterGradient.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(storeAll.InitialStateGradient.Select(BitConverter.DoubleToInt64Bits), binomial.InitialStateGradient.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(binomialPlan.Predicted, binomial.Counts);
        Assert.True(binomial.Counts.ForwardCalls > storeAll.Counts.ForwardCalls); // it did recompute
    }

    [Theory]
    [InlineData("Default", 1.0)]
    [InlineData("HighEfficacy", 1.0)]
    [InlineData("LowEfficacy", 1e-3)]
    [InlineData("UnitEfficacy", 20.0)]
    public void PropagatorDerivatives_MatchDecimalReferenceToRoundOff(string set, double timeStep)
    {
        // Reference: Richardson-extrapolated central differences, (4D(η) − D(2η))/3 with
        // η = 10⁻⁵ θⱼ (truncation O(η⁴) ≈ 10⁻²⁰), of a decimal Taylor series of exp(ÃΔt),
        // Ã = [[A, b], [0, 0]] (absolute resolution 10⁻²⁸) — independent of the Fréchet recurrences
        // and of the closed form; its own error is below 10⁻¹⁴ relative even for the O(Δt²) entries.
        var p = TwoLayerTestCases.ByName(set);
        var d = new TwoLayerPropagatorDerivatives(p, timeStep);
        double[] theta = new double[TwoLayerParameters.Count];
        p.CopyTo(theta);
        double worst = 0.0;
        for (int j = 1; j < TwoLayerParameters.Count; j++)
        {
            decimal eta = 1e-5m * (decimal)theta[j];
            var plus = DecimalAugmentedExp(theta, j, eta, (decimal)timeStep);
            var minus = DecimalAugmentedExp(theta, j, -eta, (decimal)timeStep);
            var plus2 = DecimalAugmentedExp(theta, j, 2m * eta, (decimal)timeStep);
            var minus2 = DecimalAugmentedExp(theta, j, -2m * eta, (decimal)timeStep);
            double[] reference = new double[6], actual =
            [
                d.Transition(j, 0, 0), d.Transition(j, 0, 1), d.Transition(j, 1, 0), d.Transition(j, 1, 1), d.Input(j, 0), d.Input(j, 1),
            ];
            int[] entries = [0, 1, 3, 4, 2, 5]; // Φ₁₁, Φ₁₂, Φ₂₁, Φ₂₂, Γ₁, Γ₂ in the 3×3 row-major layout
            for (int i = 0; i < 6; i++) reference[i] = (double)((4m * (plus[entries[i]] - minus[entries[i]]) / (2m * eta)
                                   - (plus2[entries[i]] - minus2[entries[i]]) / (4m * eta)) / 3m);
            double scale = reference.Max(Math.Abs);
            for (int i = 0; i < 6; i++)
            {
                double normwise = Math.Abs(actual[i] - reference[i]) / scale;
                worst = Math.Max(worst, normwise);
                Assert.True(normwise < 1e-13, $"θ[{j}] entry {i}: {actual[i]:R} vs {reference[i]:R} ({normwise:E2} of the largest entry)");
                // Every entry, however small (∂Φ₂₂/∂λ = O(Δt³)), to 10⁻¹² relative, up to the reference's own
                // resolution 10⁻²⁸/η (decimal has fixed absolute resolution 10⁻²⁸ near Φ ≈ I).
                double entryTolerance = 1e-12 * Math.Abs(reference[i]) + 1e-27 / (double)eta;
                Assert.True(Math.Abs(actual[i] - reference[i]) <= entryTolerance, $"θ[{j}] entry {i}: {actual[i]:R} vs {reference[i]:R}");
            }
            Assert.Equal(0.0, d.Transition(0, 0, 0));
        }
        output.WriteLine($"{set}, Δt = {timeStep}: worst normwise error {worst:E2}, {d.Squarings} squarings");
    }

    [Theory]
    [MemberData(nameof(Integrators))]
    public void MeanTemperature_Last20Of750Years_ParameterGradientMatchesFiniteDifferences(TwoLayerIntegrator integrator)
    {
        var forcing = TwoLayerSyntheticForcing.Basis(1750, 2499);
        double[] theta = TwoLayerGradientChecks.CheckParameters();
        var r = TwoLayerSensitivity.MeanTemperature(theta, forcing, integrator, 2480, 2499);
        Assert.Equal((730, 749), (r.FirstStep, r.LastStep));
        Assert.Equal(0.0, r.ParameterGradient[0]); // F₄ₓ does not enter the ERF-table forcing
        double worst = 0.0;
        for (int i = 1; i < theta.Length; i++)
        {
            double eta = 1e-6 * Math.Max(Math.Abs(theta[i]), 1.0);
            double[] plus = (double[])theta.Clone(), minus = (double[])theta.Clone();
            plus[i] += eta;
            minus[i] -= eta;
            double fd = (TwoLayerSensitivity.MeanTemperature(plus, forcing, integrator, 2480, 2499).Value
                         - TwoLayerSensitivity.MeanTemperature(minus, forcing, integrator, 2480, 2499).Value) / (plus[i] - minus[i]);
            double error = Math.Abs(fd - r.ParameterGradient[i]) / Math.Max(Math.Abs(fd), Math.Abs(r.ParameterGradient[i]));
            worst = Math.Max(worst, error);
            Assert.True(error < 1e-5, $"θ[{i}]: adjoint {r.ParameterGradient[i]:R}, FD {fd:R}, error {error:E2}");
        }
        output.WriteLine($"{integrator}: J = {r.Value:F4} K, worst FD relative error {worst:E2}");
    }

    [Theory]
    [MemberData(nameof(Integrators))]
    public void MeanTemperature_Last20Of750Years_TaylorRemainderConvergesAtRateTwo(TwoLayerIntegrator integrator)
    {
        var forcing = TwoLayerSyntheticForcing.Basis(1750, 2499);
        double[] theta = TwoLayerGradientChecks.CheckParameters();
        var initial = new TwoLayerState(0.2, 0.05);
        var r = TwoLayerSensitivity.MeanTemperature(theta, forcing, integrator, 2480, 2499, initial);
        var rng = new Random(7);
        double[] h = [.. theta.Select(v => (2 * rng.NextDouble() - 1) * Math.Max(Math.Abs(v), 1.0))];
        double[] hx = [2 * rng.NextDouble() - 1, 2 * rng.NextDouble() - 1];
        double slope = h.Select((v, i) => v * r.ParameterGradient[i]).Sum()
                       + hx[0] * r.InitialStateGradient[0] + hx[1] * r.InitialStateGradient[1];
        var remainders = new double[5];
        for (int k = 0; k < remainders.Length; k++)
        {
            double eps = 1e-2 / Math.Pow(2, k);
            double[] t = [.. theta.Select((v, i) => v + eps * h[i])];
            var x0 = new TwoLayerState(initial.Temperature + eps * hx[0], initial.DeepTemperature + eps * hx[1]);
            remainders[k] = Math.Abs(TwoLayerSensitivity.MeanTemperature(t, forcing, integrator, 2480, 2499, x0).Value - r.Value - eps * slope);
        }
        double rate = Enumerable.Range(0, 4).Min(k => Math.Log2(remainders[k] / remainders[k + 1]));
        output.WriteLine($"{integrator}: remainders {string.Join(", ", remainders.Select(v => v.ToString("E2")))}; rate {rate:F3}");
        Assert.InRange(rate, 1.9, 2.1);
    }

    [Theory]
    [MemberData(nameof(Integrators))]
    public void MeanTemperature_ForcingGradient_MatchesFiniteDifferencesOfStepForcing(TwoLayerIntegrator integrator)
    {
        var forcing = TwoLayerSyntheticForcing.Basis(1750, 2499);
        double[] theta = TwoLayerGradientChecks.CheckParameters();
        var r = TwoLayerSensitivity.MeanTemperature(theta, forcing, integrator, 2480, 2499);
        foreach (int n in new[] { 0, 100, 500, 729, 735, 749 })
        {
            // Perturb F[n] alone through the CO2 basis value of step n: F[n] changes by θ[p₀]·δG.
            var plus = WithCo2BasisShift(forcing, n, 1e-3);
            var minus = WithCo2BasisShift(forcing, n, -1e-3);
            double dF = plus.Evaluate(n, theta) - minus.Evaluate(n, theta);
            double fd = (TwoLayerSensitivity.MeanTemperature(theta, plus, integrator, 2480, 2499).Value
                         - TwoLayerSensitivity.MeanTemperature(theta, minus, integrator, 2480, 2499).Value) / dF;
            Assert.True(Math.Abs(fd - r.ForcingGradient[n]) <= 1e-7 * Math.Abs(r.ForcingGradient[n]),
                $"step {n}: adjoint {r.ForcingGradient[n]:R}, FD {fd:R}");
        }
        Assert.All(r.ForcingGradient, g => Assert.True(g > 0.0)); // more forcing in any step before the window's end warms it
    }

    [Fact]
    public void MeanTemperature_Exact_ForcingGradientEqualsImpulseResponseOfPropagator()
    {
        // Independent: for the exact integrator J = (1/M) Σ_(m=n₀..n₁) e₁ᵀ x[m+1] and
        // ∂x[m+1]/∂F[n] = Φ^(m−n) Γ, so dJ/dF[n] = (1/M) Σ_(m ≥ max(n, n₀)) e₁ᵀ Φ^(m−n) Γ.
        var forcing = TwoLayerSyntheticForcing.Basis(1750, 2499);
        double[] theta = TwoLayerGradientChecks.CheckParameters();
        var r = TwoLayerSensitivity.MeanTemperature(theta, forcing, TwoLayerIntegrator.Exact, 2480, 2499);
        var e = new TwoLayerExactPropagator(TwoLayerParameters.FromTheta(theta), 1.0);
        foreach (int n in new[] { 0, 300, 729, 730, 749 })
        {
            double sum = 0.0;
            double g1 = e.Input1, g2 = e.Input2; // Φ^(m−n) Γ
            for (int m = n; m <= 749; m++)
            {
                if (m >= 730) sum += g1;
                (g1, g2) = (e.Transition11 * g1 + e.Transition12 * g2, e.Transition21 * g1 + e.Transition22 * g2);
            }
            Assert.Equal(sum / 20.0, r.ForcingGradient[n], 1e-15 + 1e-12 * Math.Abs(sum / 20.0));
        }
    }

    [Theory]
    [MemberData(nameof(Integrators))]
    public void MeanTemperature_ScaleGradients_EqualBasisWeightedForcingGradient(TwoLayerIntegrator integrator)
    {
        // dJ/dθ[pₖ] = Σₙ Gₖ[n] dJ/dF[n] (F linear in the scales).
        var forcing = TwoLayerSyntheticForcing.Basis(1750, 2499);
        double[] theta = TwoLayerGradientChecks.CheckParameters();
        var r = TwoLayerSensitivity.MeanTemperature(theta, forcing, integrator, 2480, 2499);
        for (int k = 0; k < forcing.BasisCount; k++)
        {
            double expected = 0.0;
            for (int n = 0; n < forcing.StepCount; n++) expected += forcing.StepValues(n)[k] * r.ForcingGradient[n];
            Assert.Equal(expected, r.ParameterGradient[forcing.ParameterIndices[k]], 1e-12 * Math.Max(Math.Abs(expected), 1e-3));
        }
    }

    [Theory]
    [MemberData(nameof(Integrators))]
    public void MeanTemperature_1pctCo2_Forcing4xCo2GradientMatchesFiniteDifferences(TwoLayerIntegrator integrator)
    {
        // Idealised forcing: the single CO2 basis is scaled by θ[0] = F₄ₓ, so dJ/dF₄ₓ = Σₙ G[n] dJ/dF[n] ≠ 0.
        var forcing = ForcingBasis.RampCo2(0.01, 150);
        double[] theta = TwoLayerParameterTable.All.Defaults();
        var r = TwoLayerSensitivity.MeanTemperature(theta, forcing, integrator, 60, 79);
        double eta = 1e-6 * theta[0];
        double[] plus = (double[])theta.Clone(), minus = (double[])theta.Clone();
        plus[0] += eta;
        minus[0] -= eta;
        double fd = (TwoLayerSensitivity.MeanTemperature(plus, forcing, integrator, 60, 79).Value
                     - TwoLayerSensitivity.MeanTemperature(minus, forcing, integrator, 60, 79).Value) / (plus[0] - minus[0]);
        Assert.Equal(fd, r.ParameterGradient[0], 1e-7 * Math.Abs(fd));
        Assert.Equal(r.Value / theta[0], r.ParameterGradient[0], 1e-12); // J is linear in F₄ₓ from rest
    }

    [Fact]
    public void MeanTemperature_YearWindow_SelectsStepsLyingInThoseYears()
    {
        var quarterly = ForcingBasis.FromErfTable(TwoLayerSyntheticForcing.Table(1850, 1900), 1850, 1900, stepsPerYear: 4);
        Assert.Equal((40, 47), TwoLayerSensitivity.StepWindow(quarterly, 1860, 1861));
        var r = TwoLayerSensitivity.MeanTemperature(TwoLayerGradientChecks.CheckParameters(), quarterly, TwoLayerIntegrator.Exact, 1860, 1861);
        var sim = new TwoLayerSimulation(TwoLayerGradientChecks.CheckParameters(), quarterly);
        var run = sim.Run();
        Assert.Equal(run.Skip(40).Take(8).Average(d => d.Temperature), r.Value, 1e-14);
        Assert.All(r.ForcingGradient.Skip(48), g => Assert.Equal(0.0, g));
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoLayerSensitivity.StepWindow(quarterly, 1899, 1901));
    }

    private static ForcingBasis WithCo2BasisShift(ForcingBasis b, int step, double delta)
    {
        double[] values = b.Values.ToArray();
        values[step * b.BasisCount] += delta;
        return new ForcingBasis(b.Source, b.StartTime, b.TimeStep, b.StepCount, b.Names, b.ParameterIndices, values);
    }

    // exp(ÃΔt) by its Taylor series in decimal, with θ[j] shifted by δ; Ã row-major 3×3.
    private static decimal[] DecimalAugmentedExp(double[] theta, int j, decimal delta, decimal h)
    {
        decimal[] t = [.. theta.Select(v => (decimal)v)];
        t[j] += delta;
        decimal lambda = t[1], c = t[2], c0 = t[3], gamma = t[4], eps = t[5];
        decimal[] x =
        [
            -(lambda + eps * gamma) / c * h, eps * gamma / c * h, h / c,
            gamma / c0 * h, -gamma / c0 * h, 0m,
            0m, 0m, 0m,
        ];
        decimal[] sum = [1m, 0m, 0m, 0m, 1m, 0m, 0m, 0m, 1m], term = (decimal[])sum.Clone(), next = new decimal[9];
        for (int k = 1; k < 200; k++)
        {
            for (int r = 0; r < 3; r++)
                for (int col = 0; col < 3; col++)
                    next[3 * r + col] = (x[3 * r] * term[col] + x[3 * r + 1] * term[3 + col] + x[3 * r + 2] * term[6 + col]) / k;
            decimal largest = 0m;
            for (int i = 0; i < 9; i++)
            {
                term[i] = next[i];
                sum[i] += term[i];
                largest = Math.Max(largest, Math.Abs(term[i]));
            }
            if (largest < 1e-28m) break;
        }
        return sum;
    }
}
