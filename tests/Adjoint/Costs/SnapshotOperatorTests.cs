using ClimateAD.Adjoint.Costs;
using Xunit;

namespace ClimateAD.Adjoint.Tests.Costs;

public sealed class SnapshotOperatorTests
{
    [Fact]
    public void Apply_StacksTheComponentsOfEachSnapshotInStepOrder()
    {
        var op = new SnapshotOperator([2, 0], [3, 1]);
        var h = new double[op.Count];
        for (int n = 0; n < 5; n++) op.Apply(n, [10.0 * n, 10.0 * n + 1, 10.0 * n + 2], h);
        Assert.Equal([32.0, 30.0, 12.0, 10.0], h);
    }

    [Fact]
    public void AdjointForcing_SatisfiesTheDotProductIdentity()
    {
        // Σ_n <x[n], Hᵀ_n w> = <H x, w> for random trajectories and weights.
        var rng = new Random(4);
        var op = new SnapshotOperator([5, 1, 3], [0, 4, 4, 2]);
        var x = Enumerable.Range(0, 6).Select(_ => Enumerable.Range(0, 7).Select(_ => rng.NextDouble() - 0.5).ToArray()).ToArray();
        var w = Enumerable.Range(0, op.Count).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var h = new double[op.Count];
        double lhs = 0;
        for (int n = 0; n < x.Length; n++)
        {
            op.Apply(n, x[n], h);
            var bar = new double[7];
            op.AdjointForcing(n, x[n], w, bar);
            lhs += x[n].Zip(bar, (a, b) => a * b).Sum();
        }
        Assert.Equal(h.Zip(w, (a, b) => a * b).Sum(), lhs, 1e-14);
    }
}
