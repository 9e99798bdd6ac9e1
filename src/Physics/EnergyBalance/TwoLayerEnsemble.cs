using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ClimateAD.Physics.Forcing;

namespace ClimateAD.Physics.EnergyBalance;

/// <summary>
/// M members of the two-layer model, each with its own parameter vector θₘ, sharing one
/// <see cref="ForcingBasis"/>, all advanced with the exact integrator from rest:
/// <code>
///   Fₘ[n]   = Σₖ θₘ[pₖ] Gₖ[n]
///   xₘ[n+1] = Φₘ xₘ[n] + Γₘ Fₘ[n]                    (Φₘ, Γₘ: <see cref="TwoLayerExactPropagator"/>)
///   Nₘ[n]   = Fₘ[n] − λₘTₘ[n+1] − (εₘ − 1)γₘ(Tₘ[n+1] − T₀ₘ[n+1])
/// </code>
/// Per-member coefficients are precomputed once and held structure-of-arrays; <see cref="Run"/>
/// splits the members into blocks run in parallel, and inside a block each step updates four
/// members per <see cref="Vector256{T}"/> operation. The arithmetic (operation order, no fused
/// multiply-add) is that of <see cref="TwoLayerSimulation"/> with <see cref="TwoLayerIntegrator.Exact"/>,
/// so member m reproduces the single-member run with θₘ. Outputs are stored step-major: the
/// values of all members at step n are one contiguous span. Used by ensemble calibration (EKI)
/// and the <c>ebm-ensemble</c> benchmark.
/// </summary>
public sealed class TwoLayerEnsemble
{
    /// <summary>Members per parallel block in <see cref="Run"/>.</summary>
    public const int BlockSize = 256;

    private readonly TwoLayerParameters[] _parameters;
    private readonly double[] _phi11, _phi12, _phi21, _phi22, _gamma1, _gamma2, _feedback, _uptakeExcess;
    private readonly double[] _coefficients; // θₘ[pₖ] at k·M + m
    private readonly double[] _temperature, _deepTemperature, _toaImbalance, _forcing; // at n·M + m

    /// <summary>
    /// Prepares an ensemble. <paramref name="theta"/> holds the members' parameter vectors one
    /// after the other (member-major, M rows of P = length / M entries, each in
    /// <see cref="TwoLayerParameterTable.All"/> order). Storage for every output is allocated here:
    /// 4 × N × M doubles.
    /// </summary>
    public TwoLayerEnsemble(ForcingBasis forcing, ReadOnlySpan<double> theta, int memberCount)
    {
        ArgumentNullException.ThrowIfNull(forcing);
        ArgumentOutOfRangeException.ThrowIfLessThan(memberCount, 1);
        if (theta.Length % memberCount != 0)
            throw new ArgumentException($"θ has {theta.Length} entries, not a multiple of {memberCount} members.", nameof(theta));
        int p = theta.Length / memberCount;
        if (p < Math.Max(TwoLayerParameters.Count, forcing.RequiredParameterCount))
            throw new ArgumentException($"Each member has {p} parameters; need {Math.Max(TwoLayerParameters.Count, forcing.RequiredParameterCount)}.", nameof(theta));

        Forcing = forcing;
        MemberCount = memberCount;
        ParameterCount = p;
        int m = memberCount, k = forcing.BasisCount;
        _parameters = new TwoLayerParameters[m];
        _phi11 = new double[m]; _phi12 = new double[m]; _phi21 = new double[m]; _phi22 = new double[m];
        _gamma1 = new double[m]; _gamma2 = new double[m]; _feedback = new double[m]; _uptakeExcess = new double[m];
        _coefficients = new double[k * m];
        var indices = forcing.ParameterIndices;
        for (int i = 0; i < m; i++)
        {
            var row = theta.Slice(i * p, p);
            var prm = TwoLayerParameters.FromTheta(row);
            var step = new TwoLayerExactPropagator(prm, forcing.TimeStep);
            _parameters[i] = prm;
            _phi11[i] = step.Transition11; _phi12[i] = step.Transition12;
            _phi21[i] = step.Transition21; _phi22[i] = step.Transition22;
            _gamma1[i] = step.Input1; _gamma2[i] = step.Input2;
            _feedback[i] = prm.ClimateFeedback;
            _uptakeExcess[i] = (prm.DeepOceanEfficacy - 1.0) * prm.HeatExchangeCoefficient;
            for (int b = 0; b < k; b++) _coefficients[b * m + i] = row[indices[b]];
        }
        long total = (long)forcing.StepCount * m;
        _temperature = new double[total];
        _deepTemperature = new double[total];
        _toaImbalance = new double[total];
        _forcing = new double[total];
    }

    /// <summary>The shared forcing.</summary>
    public ForcingBasis Forcing { get; }

    /// <summary>Number of members M.</summary>
    public int MemberCount { get; }

    /// <summary>Length P of each member's parameter vector.</summary>
    public int ParameterCount { get; }

    /// <summary>Number of steps N.</summary>
    public int StepCount => Forcing.StepCount;

    /// <summary>True once <see cref="Run"/> has completed.</summary>
    public bool HasRun { get; private set; }

    /// <summary>Physical parameters of member <paramref name="member"/>.</summary>
    public TwoLayerParameters MemberParameters(int member) => _parameters[member];

    /// <summary>
    /// Runs every member through every step from rest, overwriting earlier results. Blocks of
    /// <see cref="BlockSize"/> members run in parallel (at most <paramref name="maxDegreeOfParallelism"/>
    /// threads; −1: no limit); results do not depend on the number of threads.
    /// </summary>
    public void Run(int maxDegreeOfParallelism = -1)
    {
        int blocks = (MemberCount + BlockSize - 1) / BlockSize;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, blocks, options, b => RunBlock(b * BlockSize, Math.Min(MemberCount, (b + 1) * BlockSize)));
        HasRun = true;
    }

    /// <summary>T, upper-layer temperature (K), of all members at the end of step <paramref name="step"/>.</summary>
    public ReadOnlySpan<double> Temperature(int step) => Row(_temperature, step);

    /// <summary>T₀, deep-ocean temperature (K), of all members at the end of step <paramref name="step"/>.</summary>
    public ReadOnlySpan<double> DeepTemperature(int step) => Row(_deepTemperature, step);

    /// <summary>N, top-of-atmosphere imbalance (W m⁻²), of all members at the end of step <paramref name="step"/>.</summary>
    public ReadOnlySpan<double> ToaImbalance(int step) => Row(_toaImbalance, step);

    /// <summary>F, effective radiative forcing (W m⁻²), of all members over step <paramref name="step"/>.</summary>
    public ReadOnlySpan<double> EffectiveForcing(int step) => Row(_forcing, step);

    /// <summary>Diagnostics of one member at one step, as <see cref="TwoLayerSimulation.Step"/> returns them.</summary>
    public TwoLayerDiagnostics Diagnostics(int member, int step)
    {
        if ((uint)member >= (uint)MemberCount) throw new ArgumentOutOfRangeException(nameof(member));
        var t = Temperature(step)[member];
        var t0 = DeepTemperature(step)[member];
        var prm = _parameters[member];
        return new TwoLayerDiagnostics(Forcing.StepStart(step + 1), t, t0, ToaImbalance(step)[member],
            EffectiveForcing(step)[member], prm.HeatExchangeCoefficient * (t - t0));
    }

    private ReadOnlySpan<double> Row(double[] data, int step)
    {
        if (!HasRun) throw new InvalidOperationException("The ensemble has not been run.");
        if ((uint)step >= (uint)StepCount) throw new ArgumentOutOfRangeException(nameof(step), step, $"Steps are 0..{StepCount - 1}.");
        return data.AsSpan(step * MemberCount, MemberCount);
    }

    [SkipLocalsInit]
    private void RunBlock(int first, int end)
    {
        int width = end - first;
        Span<double> state = stackalloc double[2 * width];
        state.Clear();
        Span<double> t = state[..width], t0 = state[width..];
        int m = MemberCount, k = Forcing.BasisCount, steps = StepCount;
        var g = Forcing.Values;
        int vectorEnd = Vector256.IsHardwareAccelerated ? first + width / Vector256<double>.Count * Vector256<double>.Count : first;

        ref double phi11 = ref MemoryMarshal.GetArrayDataReference(_phi11);
        ref double phi12 = ref MemoryMarshal.GetArrayDataReference(_phi12);
        ref double phi21 = ref MemoryMarshal.GetArrayDataReference(_phi21);
        ref double phi22 = ref MemoryMarshal.GetArrayDataReference(_phi22);
        ref double gam1 = ref MemoryMarshal.GetArrayDataReference(_gamma1);
        ref double gam2 = ref MemoryMarshal.GetArrayDataReference(_gamma2);
        ref double lam = ref MemoryMarshal.GetArrayDataReference(_feedback);
        ref double kap = ref MemoryMarshal.GetArrayDataReference(_uptakeExcess);
        ref double coef = ref MemoryMarshal.GetArrayDataReference(_coefficients);
        ref double outT = ref MemoryMarshal.GetArrayDataReference(_temperature);
        ref double outT0 = ref MemoryMarshal.GetArrayDataReference(_deepTemperature);
        ref double outN = ref MemoryMarshal.GetArrayDataReference(_toaImbalance);
        ref double outF = ref MemoryMarshal.GetArrayDataReference(_forcing);
        ref double st = ref MemoryMarshal.GetReference(t);
        ref double st0 = ref MemoryMarshal.GetReference(t0);

        for (int n = 0; n < steps; n++)
        {
            var gRow = g.Slice(n * k, k);
            nuint row = (nuint)n * (nuint)m;
            int i = first;
            for (; i < vectorEnd; i += Vector256<double>.Count)
            {
                nuint mi = (nuint)i, li = (nuint)(i - first);
                var f = Vector256<double>.Zero;
                for (int b = 0; b < gRow.Length; b++)
                    f += Vector256.LoadUnsafe(ref coef, (nuint)b * (nuint)m + mi) * Vector256.Create(gRow[b]);
                var x = Vector256.LoadUnsafe(ref st, li);
                var y = Vector256.LoadUnsafe(ref st0, li);
                var xNew = Vector256.LoadUnsafe(ref phi11, mi) * x + Vector256.LoadUnsafe(ref phi12, mi) * y
                    + Vector256.LoadUnsafe(ref gam1, mi) * f;
                var yNew = Vector256.LoadUnsafe(ref phi21, mi) * x + Vector256.LoadUnsafe(ref phi22, mi) * y
                    + Vector256.LoadUnsafe(ref gam2, mi) * f;
                var toa = f - Vector256.LoadUnsafe(ref lam, mi) * xNew - Vector256.LoadUnsafe(ref kap, mi) * (xNew - yNew);
                xNew.StoreUnsafe(ref st, li);
                yNew.StoreUnsafe(ref st0, li);
                xNew.StoreUnsafe(ref outT, row + mi);
                yNew.StoreUnsafe(ref outT0, row + mi);
                toa.StoreUnsafe(ref outN, row + mi);
                f.StoreUnsafe(ref outF, row + mi);
            }
            for (; i < end; i++)
            {
                int li = i - first;
                double f = 0.0;
                for (int b = 0; b < gRow.Length; b++) f += _coefficients[b * m + i] * gRow[b];
                double x = t[li], y = t0[li];
                double xNew = _phi11[i] * x + _phi12[i] * y + _gamma1[i] * f;
                double yNew = _phi21[i] * x + _phi22[i] * y + _gamma2[i] * f;
                t[li] = xNew;
                t0[li] = yNew;
                int o = n * m + i;
                _temperature[o] = xNew;
                _deepTemperature[o] = yNew;
                _toaImbalance[o] = f - _feedback[i] * xNew - _uptakeExcess[i] * (xNew - yNew);
                _forcing[o] = f;
            }
        }
    }
}
