namespace ClimateAD.Adjoint.Costs;

/// <summary>
/// A scalar diagnostic of the trajectory as a cost: <c>J = Σ_i H_i(x[0..L])</c>, the sum of an
/// observation operator's outputs (e.g. one <see cref="TimeMeanOperator"/> window: a time mean of a
/// weighted state sum, such as the mean slow variable over a period). Its gradient is the
/// sensitivity of that diagnostic: state forcing <c>∂J/∂x[n] = (∂h_n/∂x)ᵀ 1</c>, no parameter term.
/// </summary>
/// <param name="Operator">The operator whose outputs are summed.</param>
public sealed record DiagnosticCost(IObservationOperator Operator) : ITrajectoryCost
{
    /// <inheritdoc/>
    public int WorkspaceLength => 2 * Operator.Count;

    /// <inheritdoc/>
    public void Observe(int n, ReadOnlySpan<double> x, Span<double> workspace) =>
        Operator.Apply(n, x, workspace[..Operator.Count]);

    /// <inheritdoc/>
    public double Complete(ReadOnlySpan<double> theta, Span<double> workspace)
    {
        int m = Operator.Count;
        double j = 0;
        for (int i = 0; i < m; i++) j += workspace[i];
        workspace.Slice(m, m).Fill(1.0);
        return j;
    }

    /// <inheritdoc/>
    public void AddStateForcing(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> workspace, Span<double> xBar) =>
        Operator.AdjointForcing(n, x, workspace.Slice(Operator.Count, Operator.Count), xBar);

    /// <inheritdoc/>
    public void AddParameterGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> workspace, Span<double> thetaBar)
    {
    }
}
