using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Grids;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Grid.Tests.Operators;

/// <summary>Applies an operator (or its transpose) to host arrays of interior values: fields on a device, halos filled, result copied back.</summary>
public static class OperatorHarness
{
    /// <summary>Interior values are stored j-major: <c>a[j * Nx + i]</c>.</summary>
    public static double[][] Apply(ComputeDevice device, Grid2D grid, OperatorCase op, double[][] inputs, bool transpose = false, double[][]? prefill = null)
    {
        var inLocations = transpose ? op.Outputs : op.Inputs;
        var outLocations = transpose ? op.Inputs : op.Outputs;
        Assert.Equal(inLocations.Length, inputs.Length);
        using var deviceGrid = new DeviceGrid<Real>(grid, device);
        var ins = inLocations.Select((l, k) => Make(grid, l, device, "in" + k, inputs[k])).ToArray();
        var outs = outLocations.Select((l, k) => Make(grid, l, device, "out" + k, prefill?[k])).ToArray();
        try
        {
            foreach (var f in ins) f.FillHalo();
            device.Run(new Program(op, deviceGrid, ins, outs, transpose));
            return outs.Select(Read).ToArray();
        }
        finally
        {
            foreach (var f in ins.Concat(outs)) f.Dispose();
        }
    }

    public static Field<Real> Make(Grid2D grid, Location location, ComputeDevice device, string name, double[]? values)
    {
        var f = new Field<Real>(grid, location, device, name);
        if (values is not null) f.SetInterior((i, j) => values[j * grid.Nx + i]);
        f.CopyToDevice();
        return f;
    }

    public static double[] Read(Field<Real> f)
    {
        f.CopyToHost();
        var a = new double[f.Nx * f.Ny];
        for (int j = 0; j < f.Ny; j++)
            for (int i = 0; i < f.Nx; i++)
                a[j * f.Nx + i] = f[i, j].V;
        return a;
    }

    public static double[] Random(Random rng, int n) => Enumerable.Range(0, n).Select(_ => 2 * rng.NextDouble() - 1).ToArray();

    public static double Dot(double[][] a, double[][] b)
    {
        double s = 0;
        for (int k = 0; k < a.Length; k++)
            for (int n = 0; n < a[k].Length; n++)
                s += a[k][n] * b[k][n];
        return s;
    }

    private readonly struct Program(OperatorCase op, DeviceGrid<Real> grid, Field<Real>[] ins, Field<Real>[] outs, bool transpose) : IDeviceProgram<Real>
    {
        public void Run<TView>(ComputeDevice device) where TView : struct, IFieldView<Real, TView>
        {
            var g = grid.View<TView>();
            var x = ins.Select(f => f.View<TView>()).ToArray();
            var y = outs.Select(f => f.View<TView>()).ToArray();
            if (transpose) op.Transpose(device, g, x, y, grid.Grid.Nx, grid.Grid.Ny);
            else op.Forward(device, g, x, y, grid.Grid.Nx, grid.Grid.Ny);
        }
    }
}
