using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Grids;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Physics.Tracer;

/// <summary>
/// Hand-vectorised (<see cref="Vector256{T}"/>, 4 doubles) CPU path of the centred SSP-RK3 stage
/// (<see cref="TracerRk3.StageKernel{T, TView}"/>) for <see cref="Real"/> fields on a
/// <see cref="CpuDevice"/> (DESIGN.md §2: hand SIMD in the hottest kernels). It runs on rows whose
/// cells and faces are all open, where every mask is 1 and is left out, and evaluates the same IEEE
/// operations in the same order as the generic kernel (no fused multiply–add), so its results are
/// bit-for-bit those of the generic kernel (tested); other rows and the last <c>Nx mod 4</c> columns
/// use the generic kernel.
/// </summary>
internal static unsafe class TracerCpuPath
{
    /// <summary>Runs the stage on the fast path when it applies; false when the caller must launch the generic kernel.</summary>
    public static bool TryStage<T>(TracerSolver<T> solver, ComputeDevice device, Field<T> cs, Field<T> next, int stage, T scale, T diffusivity)
        where T : unmanaged, IScalar<T>
    {
        if (typeof(T) != typeof(Real) || device is not CpuDevice cpu || solver.Scheme != 0 || !Vector256.IsHardwareAccelerated || !solver.UseCpuPath)
            return false;
        var s = (TracerSolver<Real>)(object)solver;
        Stage(s, cpu, (Field<Real>)(object)cs, (Field<Real>)(object)next, stage, Unsafe.As<T, Real>(ref scale).V, Unsafe.As<T, Real>(ref diffusivity).V);
        return true;
    }

    /// <summary>Runs the adjoint stage on the fast path when it applies; false when the caller must launch the generic kernel.</summary>
    public static bool TryAdjointStage<T>(TracerSolver<T> solver, ComputeDevice device, in TracerRk3.AdjointStageKernel<T, HostView<T>> kernel,
        Field<T> lambda, Field<T> cs, Field<T> lambdaS, Field<T> acc, Field<T> advection, Field<T> diffusion, int stage, int first, int accumulateS, T scale, T diffusivity)
        where T : unmanaged, IScalar<T>
    {
        if (typeof(T) != typeof(Real) || device is not CpuDevice cpu || solver.Scheme != 0 || !Vector256.IsHardwareAccelerated || !solver.UseCpuPath)
            return false;
        var s = (TracerSolver<Real>)(object)solver;
        var grid = s.Model.Grid;
        var rows = new AdjointRow(s.DeviceGrid.View<HostView<Real>>(), s.TransportX, s.TransportY, (Field<Real>)(object)lambda, (Field<Real>)(object)cs,
            (Field<Real>)(object)lambdaS, (Field<Real>)(object)acc, (Field<Real>)(object)advection, (Field<Real>)(object)diffusion,
            Unsafe.As<TracerRk3.AdjointStageKernel<T, HostView<T>>, TracerRk3.AdjointStageKernel<Real, HostView<Real>>>(ref Unsafe.AsRef(in kernel)),
            s.AdjointOpenRowFlags, grid.Nx, TracerRk3.InitialWeights[stage], TracerRk3.StageWeights[stage], s.Model.TimeStep,
            Unsafe.As<T, Real>(ref scale).V, Unsafe.As<T, Real>(ref diffusivity).V, first, accumulateS);
        if (cpu.MaxThreads == 1 || (long)grid.Nx * grid.Ny < CpuDevice.SerialThreshold)
        {
            for (int j = 0; j < grid.Ny; j++) rows.Row(j);
            return true;
        }
        Parallel.For(0, grid.Ny, new ParallelOptions { MaxDegreeOfParallelism = cpu.MaxThreads }, rows.Row);
        return true;
    }

    /// <summary>Rows where <see cref="OpenRows"/> holds and the cells of rows <c>j ± 1</c> (columns −1…Nx) are wet too (the transposed stencils read them).</summary>
    public static bool[] AdjointOpenRows(Grid2D g, bool[] open)
    {
        var result = new bool[g.Ny];
        for (int j = 0; j < g.Ny; j++)
        {
            bool ok = open[j];
            for (int i = -1; i <= g.Nx && ok; i++) ok = g.Mask(Location.Ccc, i, j - 1) == 1 && g.Mask(Location.Ccc, i, j + 1) == 1;
            result[j] = ok;
        }
        return result;
    }

    /// <summary>Rows <c>j</c> whose cells <c>(−1…Nx, j)</c>, u faces <c>(0…Nx, j)</c> and v faces <c>(0…Nx−1, j)</c>, <c>(…, j+1)</c> are all open.</summary>
    public static bool[] OpenRows(Grid2D g)
    {
        var open = new bool[g.Ny];
        for (int j = 0; j < g.Ny; j++)
        {
            bool ok = true;
            for (int i = -1; i <= g.Nx && ok; i++) ok = g.Mask(Location.Ccc, i, j) == 1;
            for (int i = 0; i <= g.Nx && ok; i++) ok = g.Mask(Location.Fcc, i, j) == 1;
            for (int i = 0; i < g.Nx && ok; i++) ok = g.Mask(Location.Cfc, i, j) == 1 && g.Mask(Location.Cfc, i, j + 1) == 1;
            open[j] = ok;
        }
        return open;
    }

    private static void Stage(TracerSolver<Real> s, CpuDevice cpu, Field<Real> cs, Field<Real> next, int stage, double scale, double diffusivity)
    {
        var grid = s.Model.Grid;
        var g = s.DeviceGrid.View<HostView<Real>>();
        var kernel = new TracerRk3.StageKernel<Real, HostView<Real>>(g, s.TransportX.View<HostView<Real>>(), s.TransportY.View<HostView<Real>>(),
            s.State.View<HostView<Real>>(), cs.View<HostView<Real>>(), next.View<HostView<Real>>(),
            TracerRk3.StageWeights[stage], s.Model.TimeStep, scale, diffusivity);
        var rows = new RowStage(g, s.TransportX, s.TransportY, s.State, cs, next, kernel, s.OpenRowFlags, grid.Nx,
            TracerRk3.StageWeights[stage], s.Model.TimeStep, scale, diffusivity);
        if (cpu.MaxThreads == 1 || (long)grid.Nx * grid.Ny < CpuDevice.SerialThreshold)
        {
            for (int j = 0; j < grid.Ny; j++) rows.Row(j);
            return;
        }
        Parallel.For(0, grid.Ny, new ParallelOptions { MaxDegreeOfParallelism = cpu.MaxThreads }, rows.Row);
    }

    private sealed class RowStage(GridView<Real, HostView<Real>> g, Field<Real> ux, Field<Real> vy, Field<Real> c0, Field<Real> cs, Field<Real> next,
        TracerRk3.StageKernel<Real, HostView<Real>> kernel, bool[] open, int nx, double b, double dt, double scale, double diffusivity)
    {
        private readonly Real* _ux = ux.Storage.HostPointer + ux.Origin, _vy = vy.Storage.HostPointer + vy.Origin;
        private readonly Real* _c0 = c0.Storage.HostPointer + c0.Origin, _cs = cs.Storage.HostPointer + cs.Origin, _next = next.Storage.HostPointer + next.Origin;
        private readonly int _stride = c0.Stride;

        public void Row(int j)
        {
            var k = kernel;
            int i = 0;
            if (open[j])
            {
                nint o = (nint)j * _stride, n = o + _stride, sth = o - _stride;
                double* c = (double*)_cs + o, cN = (double*)_cs + n, cS = (double*)_cs + sth, init = (double*)_c0 + o, outp = (double*)_next + o;
                double* u = (double*)_ux + o, vS = (double*)_vy + o, vN = (double*)_vy + n;
                double invA = g.InvArea_ccc(j).V;
                double wx = g.Dy_ccc(j).V * g.InvDx_ccc(j).V, wyN = g.Dx_cfc(j + 1).V * g.InvDy_cfc(j + 1).V, wyS = g.Dx_cfc(j).V * g.InvDy_cfc(j).V;
                var vInvA = Vector256.Create(invA);
                var vWx = Vector256.Create(wx);
                var vWyN = Vector256.Create(wyN);
                var vWyS = Vector256.Create(wyS);
                var vHalf = Vector256.Create(-0.5);
                var vScale = Vector256.Create(scale);
                var vKappa = Vector256.Create(diffusivity);
                var vB = Vector256.Create(b);
                var vDt = Vector256.Create(dt);
                for (; i + 4 <= nx; i += 4)
                {
                    var cc = Vector256.Load(c + i);
                    var cE = Vector256.Load(c + i + 1);
                    var cW = Vector256.Load(c + i - 1);
                    var cn = Vector256.Load(cN + i);
                    var cs4 = Vector256.Load(cS + i);
                    // Advection: −½ (U_e (c + c_e) − U_w (c_w + c) + (V_n (c + c_n) − V_s (c_s + c))) / A.
                    var div = Vector256.Load(u + i + 1) * (cc + cE) - Vector256.Load(u + i) * (cW + cc)
                            + (Vector256.Load(vN + i) * (cc + cn) - Vector256.Load(vS + i) * (cs4 + cc));
                    var adv = vInvA * (vHalf * div);
                    // Diffusion: the five-point flux-form Laplacian of Lap_ccc.
                    var stencil = vWx * (cE - cc) - vWx * (cc - cW) + vWyN * (cn - cc) - vWyS * (cc - cs4);
                    var lap = vInvA * stencil;
                    var tendency = vScale * adv + vKappa * lap;
                    var initial = Vector256.Load(init + i);
                    (initial + vB * ((cc - initial) + vDt * tendency)).Store(outp + i);
                }
            }
            for (; i < nx; i++) k.Execute(i, j);
        }
    }

    private sealed class AdjointRow(GridView<Real, HostView<Real>> g, Field<Real> ux, Field<Real> vy, Field<Real> lambda, Field<Real> cs,
        Field<Real> lambdaS, Field<Real> acc, Field<Real> advection, Field<Real> diffusion,
        TracerRk3.AdjointStageKernel<Real, HostView<Real>> kernel, bool[] open, int nx, double a, double b, double dt, double scale, double diffusivity,
        int first, int accumulateS)
    {
        private readonly Real* _ux = ux.Storage.HostPointer + ux.Origin, _vy = vy.Storage.HostPointer + vy.Origin;
        private readonly Real* _l = lambda.Storage.HostPointer + lambda.Origin, _cs = cs.Storage.HostPointer + cs.Origin;
        private readonly Real* _ls = lambdaS.Storage.HostPointer + lambdaS.Origin, _acc = acc.Storage.HostPointer + acc.Origin;
        private readonly Real* _pa = advection.Storage.HostPointer + advection.Origin, _pd = diffusion.Storage.HostPointer + diffusion.Origin;
        private readonly int _stride = lambda.Stride;

        public void Row(int j)
        {
            var k = kernel;
            int i = 0;
            if (open[j])
            {
                nint o = (nint)j * _stride, n = o + _stride, sth = o - _stride;
                double* l = (double*)_l + o, lN = (double*)_l + n, lS = (double*)_l + sth;
                double* c = (double*)_cs + o, cN = (double*)_cs + n, cS = (double*)_cs + sth;
                double* u = (double*)_ux + o, vS = (double*)_vy + o, vN = (double*)_vy + n;
                double* ls = (double*)_ls + o, ac = (double*)_acc + o, pa = (double*)_pa + o, pd = (double*)_pd + o;
                double invA = g.InvArea_ccc(j).V, invAN = g.InvArea_ccc(j + 1).V, invAS = g.InvArea_ccc(j - 1).V;
                double wx = g.Dy_ccc(j).V * g.InvDx_ccc(j).V, wyN = g.Dx_cfc(j + 1).V * g.InvDy_cfc(j + 1).V, wyS = g.Dx_cfc(j).V * g.InvDy_cfc(j).V;
                Vector256<double> vInvA = Vector256.Create(invA), vInvAN = Vector256.Create(invAN), vInvAS = Vector256.Create(invAS);
                Vector256<double> vWx = Vector256.Create(wx), vWyN = Vector256.Create(wyN), vWyS = Vector256.Create(wyS), vHalf = Vector256.Create(-0.5);
                Vector256<double> vScale = Vector256.Create(scale), vKappa = Vector256.Create(diffusivity), vA = Vector256.Create(a), vB = Vector256.Create(b), vDt = Vector256.Create(dt);
                for (; i + 4 <= nx; i += 4)
                {
                    var lc = Vector256.Load(l + i);
                    // z = m λ / A (m = 1 on these rows).
                    var zc = lc * vInvA;
                    var zE = Vector256.Load(l + i + 1) * vInvA;
                    var zW = Vector256.Load(l + i - 1) * vInvA;
                    var zN = Vector256.Load(lN + i) * vInvAN;
                    var zS = Vector256.Load(lS + i) * vInvAS;
                    var uW = Vector256.Load(u + i);
                    var uE = Vector256.Load(u + i + 1);
                    var vs = Vector256.Load(vS + i);
                    var vn = Vector256.Load(vN + i);
                    var x = uW * (zW - zc) + uE * (zc - zE);
                    var y = vs * (zS - zc) + vn * (zc - zN);
                    var advT = vHalf * (x + y);
                    var lapT = vWx * (zE - zc) - vWx * (zc - zW) + vWyN * (zN - zc) - vWyS * (zc - zS);
                    var transposed = vScale * advT + vKappa * lapT;
                    var value = vB * (lc + vDt * transposed);
                    var w = vB * vDt * lc;
                    // Forward operators on the stage state, as in the stage kernel.
                    var cc = Vector256.Load(c + i);
                    var cE = Vector256.Load(c + i + 1);
                    var cW = Vector256.Load(c + i - 1);
                    var cn = Vector256.Load(cN + i);
                    var cs4 = Vector256.Load(cS + i);
                    var div = uE * (cc + cE) - uW * (cW + cc) + (vn * (cc + cn) - vs * (cs4 + cc));
                    var adv = vInvA * (vHalf * div);
                    var lap = vInvA * (vWx * (cE - cc) - vWx * (cc - cW) + vWyN * (cn - cc) - vWyS * (cc - cs4));
                    var pAdv = w * adv;
                    var pDiff = w * lap;
                    var al = vA * lc;
                    if (first == 1)
                    {
                        pAdv.Store(pa + i);
                        pDiff.Store(pd + i);
                        al.Store(ac + i);
                    }
                    else
                    {
                        (Vector256.Load(pa + i) + pAdv).Store(pa + i);
                        (Vector256.Load(pd + i) + pDiff).Store(pd + i);
                        (Vector256.Load(ac + i) + al).Store(ac + i);
                    }
                    (accumulateS == 1 ? Vector256.Load(ls + i) + value : value).Store(ls + i);
                }
            }
            for (; i < nx; i++) k.Execute(i, j);
        }
    }
}
