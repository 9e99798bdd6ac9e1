namespace ClimateAD.Adjoint.Costs;

/// <summary>
/// A scalar cost <c>J(x[0..L], θ)</c> of a whole trajectory, evaluated in one forward sweep and
/// differentiated in one reverse sweep, with all per-run data in a caller-owned workspace so the
/// cost object itself stays immutable.
/// </summary>
/// <remarks>
/// Protocol used by <see cref="Trajectories.TrajectoryRunner"/>: clear a workspace of
/// <see cref="WorkspaceLength"/> doubles; call <see cref="Observe"/> once for every
/// <c>n = 0 … L</c> in increasing order (the first time each state is reached);
/// <see cref="Complete"/> returns <c>J</c> and prepares the workspace (e.g. weighted innovations
/// <c>R⁻¹(H − y)</c>); then, in any order, <see cref="AddStateForcing"/> gives the adjoint forcing
/// <c>∂J/∂x[n]</c> added to <c>λ[n]</c>, and <see cref="AddParameterGradient"/> the explicit
/// <c>∂J/∂θ</c>. Costs whose observations combine several steps (time means) accumulate in
/// <see cref="Observe"/>; this is why the whole trajectory is observed before any forcing.
/// </remarks>
public interface ITrajectoryCost
{
    /// <summary>Doubles of per-run workspace the cost needs.</summary>
    int WorkspaceLength { get; }

    /// <summary>Accumulates what <c>J</c> needs from <c>x[n]</c> into <paramref name="workspace"/>.</summary>
    void Observe(int n, ReadOnlySpan<double> x, Span<double> workspace);

    /// <summary>After all states were observed: returns <c>J</c> and readies <paramref name="workspace"/> for the forcing calls.</summary>
    double Complete(ReadOnlySpan<double> theta, Span<double> workspace);

    /// <summary>Accumulates <c>xBar += ∂J/∂x[n]</c>, evaluated at <paramref name="x"/> <c>= x[n]</c>.</summary>
    void AddStateForcing(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> workspace, Span<double> xBar);

    /// <summary>Accumulates the explicit parameter dependence <c>θ̄ += ∂J/∂θ</c>.</summary>
    void AddParameterGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> workspace, Span<double> thetaBar);
}
