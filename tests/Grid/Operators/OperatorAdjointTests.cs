using ClimateAD.Grid.Execution;

namespace ClimateAD.Grid.Tests.Operators;

public class OperatorAdjointTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var op in OperatorCase.All)
            foreach (var g in TestGrids.Names)
                data.Add(op.Name, g);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Transpose_DotProductIdentity_HoldsTo1em12(string opName, string gridName)
    {
        var op = OperatorCase.Get(opName);
        var grid = TestGrids.Get(gridName);
        using var device = new CpuDevice();
        var rng = new Random(42);
        int n = grid.Nx * grid.Ny;
        var x = op.Inputs.Select(_ => OperatorHarness.Random(rng, n)).ToArray();
        var y = op.Outputs.Select(_ => OperatorHarness.Random(rng, n)).ToArray();
        var ax = OperatorHarness.Apply(device, grid, op, x);
        var aty = OperatorHarness.Apply(device, grid, op, y, transpose: true);
        double lhs = OperatorHarness.Dot(ax, y), rhs = OperatorHarness.Dot(x, aty);
        Assert.True(OperatorHarness.Dot(ax, ax) > 0 && OperatorHarness.Dot(aty, aty) > 0, "degenerate test: A x or A' y vanishes");
        double rel = Math.Abs(lhs - rhs) / Math.Max(Math.Abs(lhs), Math.Abs(rhs));
        Assert.True(rel <= 1e-12, $"{opName} on {gridName}: <Ax,y> = {lhs:R}, <x,A'y> = {rhs:R}, relative difference {rel:E2}");
    }

    [Theory]
    [InlineData("Div_ccc")]
    [InlineData("Lap_ccc")]
    public void Kernels_AccumulateIntoOutputs(string opName)
    {
        var op = OperatorCase.Get(opName);
        var grid = TestGrids.Get("latlon-masked");
        using var device = new CpuDevice();
        var rng = new Random(7);
        int n = grid.Nx * grid.Ny;
        var x = op.Inputs.Select(_ => OperatorHarness.Random(rng, n)).ToArray();
        var prior = op.Outputs.Select(_ => OperatorHarness.Random(rng, n)).ToArray();
        var plain = OperatorHarness.Apply(device, grid, op, x);
        var accumulated = OperatorHarness.Apply(device, grid, op, x, prefill: prior);
        for (int k = 0; k < plain.Length; k++)
            for (int m = 0; m < n; m++)
                Assert.Equal(prior[k][m] + plain[k][m], accumulated[k][m], 1e-12 * (1 + Math.Abs(plain[k][m])));
    }
}
