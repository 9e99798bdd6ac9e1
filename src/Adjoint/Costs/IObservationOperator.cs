namespace ClimateAD.Adjoint.Costs;

/// <summary>
/// An observation operator <c>H</c> mapping a trajectory to <see cref="Count"/> model
/// equivalents of observations, written as a sum of per-step contributions
/// <c>H(x[0..L]) = Σ_n h_n(x[n])</c> (sampling, masks and time means all have this form).
/// </summary>
/// <remarks>
/// <see cref="Apply"/> is the forward operator; <see cref="AdjointForcing"/> is its adjoint,
/// giving the forcing <c>∂J/∂x[n] = (∂h_n/∂x)ᵀ w</c> with <c>w = R⁻¹(H − y)</c> for the cost
/// <c>J = ½ (H − y)ᵀ R⁻¹ (H − y)</c> (DESIGN.md §3).
/// </remarks>
public interface IObservationOperator
{
    /// <summary>Number of observed values <c>m</c>.</summary>
    int Count { get; }

    /// <summary>Forward: accumulates <c>h += h_n(x[n])</c> into <paramref name="h"/> (length <see cref="Count"/>).</summary>
    void Apply(int n, ReadOnlySpan<double> x, Span<double> h);

    /// <summary>Adjoint: accumulates <c>xBar += (∂h_n/∂x)(x[n])ᵀ w</c>.</summary>
    void AdjointForcing(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> w, Span<double> xBar);
}
