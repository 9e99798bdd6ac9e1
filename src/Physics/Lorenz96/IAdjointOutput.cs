using System.Runtime.Intrinsics;

namespace ClimateAD.Physics.Lorenz96;

/// <summary>
/// Where a tendency transpose puts each value <c>x̄_i = (f_xᵀ t̄)_i</c> it computes: the policy
/// handed to the transpose kernels (<see cref="CyclicAdvection.FastAdjoint{TOutput}"/>), so one
/// kernel serves both <see cref="IDifferentiableTendency.Adjoint"/> and
/// <see cref="IDifferentiableTendency.AdjointAndSweep"/>. <see cref="Lanes"/> and
/// <see cref="Element"/> perform the same IEEE operations per element, so results do not depend
/// on which of the two handles an element.
/// </summary>
internal interface IAdjointOutput
{
    /// <summary>Takes <c>x̄_i … x̄_{i+3}</c>.</summary>
    void Lanes(int i, Vector256<double> value);

    /// <summary>Takes <c>x̄_i</c>.</summary>
    void Element(int i, double value);
}
