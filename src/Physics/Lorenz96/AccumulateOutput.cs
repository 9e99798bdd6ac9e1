using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ClimateAD.Physics.Lorenz96;

/// <summary><c>x̄ += value</c>: the accumulating output of <see cref="IDifferentiableTendency.Adjoint"/>.</summary>
internal readonly ref struct AccumulateOutput(Span<double> xBar) : IAdjointOutput
{
    private readonly Span<double> _xBar = xBar;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Lanes(int i, Vector256<double> value)
    {
        ref double r = ref MemoryMarshal.GetReference(_xBar);
        (Vector256.LoadUnsafe(ref r, (nuint)i) + value).StoreUnsafe(ref r, (nuint)i);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Element(int i, double value) => _xBar[i] += value;
}
