using System.Globalization;
using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Grids;
using ClimateAD.Grid.Numerics;
using ClimateAD.Physics.ShallowWater;
using ClimateAD.Physics.Tracer;

namespace ClimateAD.Bench;

/// <summary>
/// Why the generic <see cref="IKernel2D"/> CPU path is slow: one stencil, the shallow-water continuity
/// tendency <c>Gh −= m_c/A_c (U[i+1] − U[i] + V[j+1] − V[j])</c>, written five ways and launched on the
/// same <see cref="CpuDevice"/> over an N×N double gyre: (1) a hand-written pointer loop; (2) the model's
/// <see cref="ShallowWaterCore.ContinuityKernel{T, TView}"/>, which reaches its views through the
/// <c>init</c> properties of the 51-view <see cref="ShallowWaterViews{T, TView}"/> struct and its
/// <see cref="GridView{T, TView}"/>; (3) the same expression on a copy of that struct held as a field, but
/// with the grid view taken once into a field; (4) a kernel holding only the five views it needs;
/// (5) the copy kernel <see cref="ShallowWaterCore.CopyKernel{T, TView}"/> as a bandwidth reference. Also the
/// shallow-water diagnostics kernel whole and in parts (2a–2f: fluxes, corner PV, kinetic energy), and the tracer's
/// generic SSP-RK3 stage kernel (6) with and without <c>AggressiveInlining</c> on <c>Execute</c> (7). Results and
/// the JIT listings that explain them: docs/benchmarks.md, "Generic IKernel2D CPU path vs hand-written code".
/// Options: <c>--size N</c> (default 1024), <c>--repeats R</c>.
/// </summary>
public sealed class KernelOverheadBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "kernel-overhead";

    /// <inheritdoc />
    public string Summary => "generic IKernel2D CPU kernels (SWE continuity, diagnostics, tracer stage) vs a hand-written loop, ns per point";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        int n = 1024, repeats = 7, launches = 10;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--size": n = int.Parse(Next(), inv); break;
                case "--repeats": repeats = Math.Max(3, int.Parse(Next(), inv)); break;
                default:
                    Console.Error.WriteLine($"kernel-overhead: unknown option '{args[i]}' (--size, --repeats)");
                    return 2;
            }
        }
        var setup = ShallowWaterSetups.DoubleGyre(n);
        var config = setup.Configuration;
        using var device = new CpuDevice();
        using var engine = new ShallowWaterEngine<Real>(config, device);
        var work = engine.Workspace;
        var layout = config.Layout;
        var rng = new Random(1);
        for (int c = 0; c < 3; c++) engine.State[c].SetInterior((_, _) => 1 + rng.NextDouble());
        work.TransportU.SetInterior((_, _) => rng.NextDouble());
        work.TransportV.SetInterior((_, _) => rng.NextDouble());
        work.TransportU.FillHalo();
        work.TransportV.FillHalo();
        using var tendency = new ShallowWaterFields<Real>(config.Grid, device, "g_");
        var w = work.Views<HostView<Real>>(engine.State, tendency);
        using var invArea = new Field<Real>(config.Grid, Location.Ccc, device, "inv_area");
        invArea.SetInterior((_, j) => 1 / config.Grid.Area(Location.Ccc, j));
        var mask = work.DeviceGrid.Mask(Location.Ccc);
        Console.WriteLine($"kernel-overhead: continuity stencil at {n}^2 on {device.Name}, {launches} launches per repeat, median of {repeats}; .NET {Environment.Version}");

        double Time(string name, Action launch, double? reference)
        {
            var s = Timing.Measure(() => { for (int k = 0; k < launches; k++) launch(); }, repeats, warmups: 3);
            double perPoint = Timing.Median(s) / launches / ((double)n * n) * 1e9;
            Console.WriteLine($"  {name,-58} {perPoint,7:F2} ns/point{(reference is { } r ? $"  ({perPoint / r:F1} x hand loop)" : "")}");
            return perPoint;
        }

        double hand = Time("(1) hand-written pointer loop", () => HandLoop(tendency.H, work.TransportU, work.TransportV, mask, invArea, device), null);
        Time("(2) ContinuityKernel (ShallowWaterViews properties)", () => work.Launch(new ShallowWaterCore.ContinuityKernel<Real, HostView<Real>>(w)), hand);
        Time("(3) views struct as a field, grid view hoisted to a field", () => work.Launch(new HoistedKernel(w)), hand);
        Time("(4) five views only", () => work.Launch(new SmallKernel(tendency.H.View<HostView<Real>>(), work.TransportU.View<HostView<Real>>(),
            work.TransportV.View<HostView<Real>>(), mask.View<HostView<Real>>(), invArea.View<HostView<Real>>())), hand);
        Time("(2a) DiagnosticsKernel: U, V, q, K", () => work.Launch(new ShallowWaterCore.DiagnosticsKernel<Real, HostView<Real>>(w, Real.One)), hand);
        Time("(2b)   U and V only", () => work.Launch(new DiagnosticsPart(w, 1)), hand);
        Time("(2c)   q only", () => work.Launch(new DiagnosticsPart(w, 2)), hand);
        Time("(2d)   K only", () => work.Launch(new DiagnosticsPart(w, 3)), hand);
        Time("(2e)   thickness at the corner only (part of q)", () => work.Launch(new DiagnosticsPart(w, 4)), hand);
        Time("(2f)   q with (h + 1 mm) instead of the corner thickness", () => work.Launch(new DiagnosticsPart(w, 5)), hand);
        Time("(5) CopyKernel (two views; reference)", () => work.Launch(new ShallowWaterCore.CopyKernel<Real, HostView<Real>>(engine.State.H.View<HostView<Real>>(), tendency.H.View<HostView<Real>>())), hand);

        // The tracer's generic SSP-RK3 stage kernel (one kernel per stage) on a doubly periodic plane.
        var plane = new CartesianGrid(n, n, n * 1e4, n * 1e4);
        using var planeGrid = new DeviceGrid<Real>(plane, device);
        var gv = planeGrid.View<HostView<Real>>();
        Field<Real> F(string name, Location at, double value)
        {
            var f = new Field<Real>(plane, at, device, name);
            f.SetInterior((i, j) => value * (1 + 0.1 * Math.Sin(i + 2.0 * j)));
            f.FillHalo();
            return f;
        }
        using Field<Real> ux = F("ux", Location.Fcc, 1e5), vy = F("vy", Location.Cfc, -6e4), c0 = F("c0", Location.Ccc, 1), cs = F("cs", Location.Ccc, 1), next = F("next", Location.Ccc, 0);
        var stage = new TracerRk3.StageKernel<Real, HostView<Real>>(gv, ux.View<HostView<Real>>(), vy.View<HostView<Real>>(), c0.View<HostView<Real>>(),
            cs.View<HostView<Real>>(), next.View<HostView<Real>>(), 0.25, 600, 1, 500);
        double generic = Time("(6) tracer TracerRk3.StageKernel (GridView + 5 views)", () => device.Launch(stage, n, n), hand);
        var inlined = new InlinedStageKernel(gv, ux.View<HostView<Real>>(), vy.View<HostView<Real>>(), c0.View<HostView<Real>>(),
            cs.View<HostView<Real>>(), next.View<HostView<Real>>(), 0.25, 600, 1, 500);
        double inl = Time("(7) (6) with Execute marked AggressiveInlining", () => device.Launch(inlined, n, n), hand);
        Console.WriteLine($"  tracer stage: AggressiveInlining on Execute changes the time by {inl / generic:F2}x");
        return 0;
    }

    private static unsafe void HandLoop(Field<Real> gh, Field<Real> tu, Field<Real> tv, Field<Real> mask, Field<Real> invArea, CpuDevice device)
    {
        int nx = gh.Nx, ny = gh.Ny, stride = gh.Stride;
        double* o = (double*)gh.Storage.HostPointer + gh.Origin, u = (double*)tu.Storage.HostPointer + tu.Origin,
            v = (double*)tv.Storage.HostPointer + tv.Origin, m = (double*)mask.Storage.HostPointer + mask.Origin,
            a = (double*)invArea.Storage.HostPointer + invArea.Origin;
        Parallel.For(0, ny, new ParallelOptions { MaxDegreeOfParallelism = device.MaxThreads }, j =>
        {
            nint r = (nint)j * stride;
            for (int i = 0; i < nx; i++)
                o[r + i] -= m[r + i] * a[r + i] * (u[r + i + 1] - u[r + i] + v[r + stride + i] - v[r + i]);
        });
    }

    private readonly struct HoistedKernel(ShallowWaterViews<Real, HostView<Real>> w) : IKernel2D
    {
        private readonly GridView<Real, HostView<Real>> _g = w.G;
        private readonly HostView<Real> _gh = w.Gh, _u = w.TransportU, _v = w.TransportV;

        public void Execute(int i, int j)
        {
            ref Real o = ref _gh.At(i, j);
            o -= _g.Mask_ccc(i, j) * _g.InvArea_ccc(j) * (_u.At(i + 1, j) - _u.At(i, j) + _v.At(i, j + 1) - _v.At(i, j));
        }
    }

    private readonly struct InlinedStageKernel(GridView<Real, HostView<Real>> grid, HostView<Real> ux, HostView<Real> vy, HostView<Real> c0,
        HostView<Real> cs, HostView<Real> next, Real b, Real dt, Real scale, Real diffusivity) : IKernel2D
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void Execute(int i, int j)
        {
            Real tendency = scale * FluxFormAdvection.Apply(grid, ux, vy, cs, i, j) + diffusivity * ClimateAD.Grid.Operators.Lap_ccc.Apply(grid, cs, i, j);
            Real initial = c0.At(i, j);
            next.At(i, j) = initial + b * ((cs.At(i, j) - initial) + dt * tendency);
        }
    }

    private readonly struct DiagnosticsPart(ShallowWaterViews<Real, HostView<Real>> w, int part) : IKernel2D
    {
        public void Execute(int i, int j)
        {
            switch (part)
            {
                case 1:
                    w.TransportU.At(i, j) = ShallowWaterStencils.FluxU(w, i, j);
                    w.TransportV.At(i, j) = ShallowWaterStencils.FluxV(w, i, j);
                    break;
                case 2: w.Pv.At(i, j) = ShallowWaterStencils.PotentialVorticity(w, Real.One, i, j); break;
                case 3: w.Kinetic.At(i, j) = ShallowWaterStencils.KineticEnergy(w, i, j); break;
                case 4: w.Pv.At(i, j) = ShallowWaterStencils.ThicknessZ(w, i, j); break;
                default:
                    w.Pv.At(i, j) = (ClimateAD.Grid.Operators.Curl_ffc.Apply(w.G, w.U, w.V, i, j) + w.G.Coriolis_ffc(j)) / (w.H.At(i, j) + 1e-3);
                    break;
            }
        }
    }

    private readonly struct SmallKernel(HostView<Real> gh, HostView<Real> u, HostView<Real> v, HostView<Real> mask, HostView<Real> invArea) : IKernel2D
    {
        public void Execute(int i, int j)
        {
            ref Real o = ref gh.At(i, j);
            o -= mask.At(i, j) * invArea.At(i, j) * (u.At(i + 1, j) - u.At(i, j) + v.At(i, j + 1) - v.At(i, j));
        }
    }
}
