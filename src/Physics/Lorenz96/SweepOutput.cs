using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ClimateAD.Physics.Lorenz96;

/// <summary>
/// <c>λ += value</c>, <c>next = p·w + q·value</c>: one pass of a Runge–Kutta reverse sweep applied
/// to the transpose's output as it is produced (<see cref="IDifferentiableTendency.AdjointAndSweep"/>).
/// </summary>
internal readonly ref struct SweepOutput(Span<double> lambda, ReadOnlySpan<double> w, double p, double q, Span<double> next) : IAdjointOutput
{
    private readonly Span<double> _lambda = lambda, _next = next;
    private readonly ReadOnlySpan<double> _w = w;
    private readonly double _p = p, _q = q;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Lanes(int i, Vector256<double> value)
    {
        ref double rl = ref MemoryMarshal.GetReference(_lambda);
        (Vector256.LoadUnsafe(ref rl, (nuint)i) + value).StoreUnsafe(ref rl, (nuint)i);
        var w = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(_w), (nuint)i);
        (Vector256.Create(_p) * w + Vector256.Create(_q) * value).StoreUnsafe(ref MemoryMarshal.GetReference(_next), (nuint)i);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Element(int i, double value)
    {
        _lambda[i] += value;
        _next[i] = _p * _w[i] + _q * value;
    }
}
