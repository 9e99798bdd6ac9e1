using System.Numerics;
using ClimateAD.Physics.ShallowWater;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Physics.Tests.ShallowWater;

public class ShallowWaterValidationTests(ITestOutputHelper output)
{
    // Rossby adjustment of a 1 m step on H = 100 m (f = 10⁻⁴ s⁻¹, Ld = √(gH)/f = 313 km, 4 cells per Ld) in a periodic
    // channel 128 Ld long. Linear theory (Gill 1982 §7.2): v = (g Δh / 2 f Ld) exp(−|x − x₀|/Ld) at each front. The gravity
    // waves radiate away; the time mean over 20/f ≤ t ≤ 40/f is compared with the theory.
    [Fact]
    public void GeostrophicAdjustment_StepInThickness_RelaxesToBalancedJetOfRossbyRadiusWidth()
    {
        var setup = ShallowWaterSetups.GeostrophicAdjustment();
        var config = setup.Configuration;
        double f = 1e-4, g = 9.81, h = 100, dh = 1, ld = Math.Sqrt(g * h) / f, dx = ld / 4;
        int nx = config.Grid.Nx;
        using var sim = setup.CreateSimulation();
        int first = (int)Math.Round(20 / f / config.TimeStep), last = (int)Math.Round(40 / f / config.TimeStep), samples = 0;
        var meanV = new double[nx];
        var meanH = new double[nx];
        sim.Run(first);
        for (int n = first; n < last; n += 10)
        {
            var (hh, _, vv) = sim.Fields();
            for (int i = 0; i < nx; i++)
            {
                meanV[i] += vv[i, 0];
                meanH[i] += hh[i, 0];
            }
            samples++;
            sim.Run(10);
        }
        for (int i = 0; i < nx; i++)
        {
            meanV[i] /= samples;
            meanH[i] /= samples;
        }
        // Left front at x₀ = (nx/4) dx; v at cell centres x = (i + ½) dx. Fit ln v = ln A − |x − x₀|/L over 0.5 ≤ |x − x₀|/Ld ≤ 3 on both sides.
        double x0 = nx / 4 * dx, sx = 0, sy = 0, sxx = 0, sxy = 0;
        int m = 0;
        for (int i = 0; i < nx / 2; i++)
        {
            double d = Math.Abs((i + 0.5) * dx - x0) / ld;
            if (d < 0.5 || d > 3) continue;
            double y = Math.Log(meanV[i]);
            sx += d; sy += y; sxx += d * d; sxy += d * y; m++;
        }
        double slope = (m * sxy - sx * sy) / (m * sxx - sx * sx), intercept = (sy - slope * sx) / m;
        double width = -1 / slope * ld, amplitude = Math.Exp(intercept), expected = g * dh / (2 * f * ld);
        // Geostrophic balance of the time mean at the front: f v = g ∂h/∂x (v at centres, ∂h/∂x centred there).
        double worst = 0;
        for (int i = nx / 4 - 8; i < nx / 4 + 8; i++)
        {
            double dhdx = (meanH[i + 1] - meanH[i - 1]) / (2 * dx);
            worst = Math.Max(worst, Math.Abs(f * meanV[i] - g * dhdx) / (f * expected));
        }
        output.WriteLine($"Ld = {ld / 1e3:F2} km; fitted e-folding width {width / 1e3:F2} km ({width / ld:F3} Ld); amplitude {amplitude:F4} m/s vs theory {expected:F4} m/s; " +
            $"max geostrophic residual |f v - g dh/dx| / (f v_max) = {worst:F3}; {samples} samples");
        Assert.InRange(width / ld, 0.9, 1.1);
        Assert.InRange(amplitude / expected, 0.9, 1.1);
        Assert.True(worst < 0.1, $"geostrophic residual {worst:F3}");
    }

    // Munk (1950) single gyre: τ = −τ₀ cos(π y/L) in a closed L × L basin, linear dynamics (q = f/h, no kinetic energy), free slip,
    // Laplacian viscosity ν. The steady transport streamfunction of β ψ_x = curl τ/ρ₀ + ν ∇⁴ψ with free-slip walls (ψ = ∇²ψ = 0)
    // separates exactly: ψ = Ψ(x) sin(π y/L) with ν (Ψ⁗ − 2k² Ψ″ + k⁴ Ψ) − β Ψ′ = τ₀ k/ρ₀, k = π/L, Ψ = Ψ″ = 0 at x = 0, L
    // (MunkProfile). Its western boundary layer has width δ_M = (ν/β)^(1/3). The model's ψ(x) = Σ h v Δx across the basin centre is
    // compared with Ψ: the viscosity ν* whose profile fits the model best gives the measured width δ* = (ν*/β)^(1/3).
    [Fact]
    public void MunkGyre_SteadyState_WesternBoundaryLayerWidthMatchesMunkScale()
    {
        // 32 × 32 cells of 25 km: δ_M = 100 km = 4 cells, L = 8 δ_M; 60 days of 560 s (RK4) reach a steady state.
        const int n = 32, days = 60;
        const double length = 8e5, nu = 2e4, beta = 2e-11, day = 86400, tau0 = 0.05, rho = 1000;
        double dx = length / n, munk = Math.Cbrt(nu / beta);
        var setup = ShallowWaterSetups.WindDrivenBasin(n, length, depth: 100, viscosity: nu, beta: beta, windStress: tau0, timeStep: 560.0 * dx / 25e3, gyres: 1);
        var config = setup.Configuration with
        {
            Stepper = ShallowWaterTimeStepper.Rk4,
            Vorticity = new PotentialVorticityFlux(IncludeRelativeVorticity: false),
            Pressure = new BernoulliGradient(9.81, IncludeKineticEnergy: false),
        };
        using var sim = new ShallowWaterSimulation(config, setup.InitialState);
        double[] psi = new double[n + 1], previous = new double[n + 1];
        int perDay = (int)Math.Round(day / config.TimeStep);
        for (int d = 1; d <= days; d++)
        {
            sim.Run(perDay);
            var (h, _, v) = sim.Fields();
            (previous, psi) = (psi, previous);
            for (int i = 0; i < n; i++) psi[i + 1] = psi[i] + 0.5 * (h[i, n / 2] + h[i, n / 2 - 1]) * v[i, n / 2] * dx;
        }
        double[] x = [.. Enumerable.Range(0, n + 1).Select(i => i * dx)];
        double scale = psi.Max(Math.Abs), change = psi.Zip(previous, (p, q) => Math.Abs(p - q)).Max() / scale;
        double Misfit(double v) => psi.Zip(MunkProfile(x, length, v, beta, tau0 / rho), (p, q) => (p - q) * (p - q)).Sum();
        double lo = 0.2 * nu, hi = 5 * nu, g = (Math.Sqrt(5) - 1) / 2;
        for (int k = 0; k < 80; k++)
        {
            double c1 = hi - g * (hi - lo), c2 = lo + g * (hi - lo);
            if (Misfit(c1) < Misfit(c2)) hi = c2; else lo = c1;
        }
        double fitted = 0.5 * (lo + hi), width = Math.Cbrt(fitted / beta);
        var exact = MunkProfile(x, length, nu, beta, tau0 / rho);
        double profileError = psi.Zip(exact, (p, q) => Math.Abs(p - q)).Max() / exact.Max(Math.Abs);
        output.WriteLine($"{n}×{n}, L = {length / 1e3} km, {days} d: δ_M = (ν/β)^(1/3) = {munk / 1e3:F1} km; fitted ν* = {fitted:E3} m2 s-1, δ* = {width / 1e3:F1} km = {width / munk:F3} δ_M; " +
            $"max |ψ − Ψ| / max Ψ = {profileError:F3}; ψ change over the last day {change:E1} of max");
        output.WriteLine("x/δ_M, ψ model, Ψ exact: " + string.Join("; ", Enumerable.Range(0, n / 2 + 1).Where(i => i % 2 == 0).Select(i => $"{x[i] / munk:F2} {psi[i]:E3} {exact[i]:E3}")));
        Assert.True(change < 1e-3, $"not steady: the profile changed by {change:E1} of its maximum in the last day");
        Assert.InRange(width / munk, 0.85, 1.15);
        Assert.True(profileError < 0.05, $"profile error {profileError:F3}");
    }

    // Ψ(x) of ν (Ψ⁗ − 2k² Ψ″ + k⁴ Ψ) − β Ψ′ = F k, Ψ = Ψ″ = 0 at x = 0 and L, k = π/L, F = τ₀/ρ₀: the particular solution
    // F/(ν k³) plus Σ c_m e^(λ_m x) over the four roots of ν (λ² − k²)² − β λ = 0 (exponentials of growing roots taken from x = L).
    internal static double[] MunkProfile(double[] x, double length, double nu, double beta, double f)
    {
        double k = Math.PI / length;
        var roots = QuarticRoots(nu, 0, -2 * nu * k * k, -beta, nu * k * k * k * k);
        Complex E(Complex l, double at) => l.Real > 0 ? Complex.Exp(l * (at - length)) : Complex.Exp(l * at);
        double particular = f / (nu * k * k * k);
        var a = new Complex[4, 5];
        for (int m = 0; m < 4; m++)
        {
            a[0, m] = E(roots[m], 0);
            a[1, m] = roots[m] * roots[m] * E(roots[m], 0);
            a[2, m] = E(roots[m], length);
            a[3, m] = roots[m] * roots[m] * E(roots[m], length);
        }
        a[0, 4] = -particular;
        a[2, 4] = -particular;
        var c = Solve(a);
        return [.. x.Select(at => particular + Enumerable.Range(0, 4).Aggregate(Complex.Zero, (s, m) => s + c[m] * E(roots[m], at)).Real)];
    }

    // Roots of a λ⁴ + b λ³ + c λ² + d λ + e (Durand–Kerner iteration).
    private static Complex[] QuarticRoots(double a, double b, double c, double d, double e)
    {
        var w = new Complex(0.4, 0.9);
        double scale = Math.Pow(Math.Abs(e / a), 0.25) + Math.Abs(Math.Cbrt(d / a));
        Complex[] z = [scale * w, scale * w * w, scale * w * w * w, scale * w * w * w * w];
        Complex P(Complex t) => (((t + b / a) * t + c / a) * t + d / a) * t + e / a;
        for (int it = 0; it < 1000; it++)
            for (int m = 0; m < 4; m++)
            {
                Complex den = 1;
                for (int l = 0; l < 4; l++) if (l != m) den *= z[m] - z[l];
                z[m] -= P(z[m]) / den;
            }
        return z;
    }

    // Gaussian elimination with partial pivoting of an augmented n × (n + 1) system.
    private static Complex[] Solve(Complex[,] a)
    {
        int n = a.GetLength(0);
        for (int col = 0; col < n; col++)
        {
            int pivot = Enumerable.Range(col, n - col).MaxBy(r => a[r, col].Magnitude);
            for (int j = 0; j <= n; j++) (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
            for (int r = col + 1; r < n; r++)
            {
                var factor = a[r, col] / a[col, col];
                for (int j = col; j <= n; j++) a[r, j] -= factor * a[col, j];
            }
        }
        var xs = new Complex[n];
        for (int r = n - 1; r >= 0; r--)
        {
            var sum = a[r, n];
            for (int j = r + 1; j < n; j++) sum -= a[r, j] * xs[j];
            xs[r] = sum / a[r, r];
        }
        return xs;
    }
}
