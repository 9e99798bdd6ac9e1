using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Tests.Operators;

namespace ClimateAD.Grid.Tests.Execution;

/// <summary>One ILGPU CPU accelerator (own Context) shared by the tests of this class.</summary>
public sealed class IlgpuCpuFixture : IDisposable
{
    public IlgpuDevice Device { get; } = IlgpuDevice.CreateCpuAccelerator();

    public void Dispose() => Device.Dispose();
}

public class IlgpuAgreementTests(IlgpuCpuFixture fixture) : IClassFixture<IlgpuCpuFixture>
{
    public static TheoryData<string> Operators()
    {
        var data = new TheoryData<string>();
        foreach (var op in OperatorCase.All) data.Add(op.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Operators))]
    public void IlgpuCpuAccelerator_MatchesCpuBackend_Bitwise(string opName)
    {
        var op = OperatorCase.Get(opName);
        var grid = TestGrids.Get("latlon-masked", 16, 12);
        using var cpu = new CpuDevice();
        var rng = new Random(3);
        int n = grid.Nx * grid.Ny;
        var x = op.Inputs.Select(_ => OperatorHarness.Random(rng, n)).ToArray();
        var y = op.Outputs.Select(_ => OperatorHarness.Random(rng, n)).ToArray();
        foreach (bool transpose in new[] { false, true })
        {
            var input = transpose ? y : x;
            var onCpu = OperatorHarness.Apply(cpu, grid, op, input, transpose);
            var onIlgpu = OperatorHarness.Apply(fixture.Device, grid, op, input, transpose);
            for (int k = 0; k < onCpu.Length; k++)
                for (int m = 0; m < n; m++)
                    Assert.True(onCpu[k][m] == onIlgpu[k][m],
                        $"{opName}{(transpose ? "ᵀ" : "")} output {k} point {m}: cpu {onCpu[k][m]:R}, ilgpu {onIlgpu[k][m]:R}");
        }
    }

    [Fact]
    public void IlgpuCpuAccelerator_PeriodicCartesianDivergence_MatchesCpuBackend()
    {
        var op = OperatorCase.Get("Div_ccc");
        var grid = TestGrids.Get("cartesian-periodic", 16, 12);
        using var cpu = new CpuDevice();
        var rng = new Random(5);
        var x = op.Inputs.Select(_ => OperatorHarness.Random(rng, grid.Nx * grid.Ny)).ToArray();
        Assert.Equal(OperatorHarness.Apply(cpu, grid, op, x)[0], OperatorHarness.Apply(fixture.Device, grid, op, x)[0]);
    }
}
