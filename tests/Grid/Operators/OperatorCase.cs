using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Grids;
using ClimateAD.Grid.Numerics;
using ClimateAD.Grid.Operators;

namespace ClimateAD.Grid.Tests.Operators;

/// <summary>One staggered operator as a linear map between fields at given locations, with a launcher for it and its transpose.</summary>
public sealed class OperatorCase(string name, Location[] inputs, Location[] outputs)
{
    public string Name { get; } = name;
    public Location[] Inputs { get; } = inputs;
    public Location[] Outputs { get; } = outputs;

    public override string ToString() => Name;

    public static readonly OperatorCase[] All =
    [
        new("DiffX_fcc", [Location.Ccc], [Location.Fcc]),
        new("DiffY_cfc", [Location.Ccc], [Location.Cfc]),
        new("DiffX_ccc", [Location.Fcc], [Location.Ccc]),
        new("DiffY_ccc", [Location.Cfc], [Location.Ccc]),
        new("InterpX_fcc", [Location.Ccc], [Location.Fcc]),
        new("InterpY_cfc", [Location.Ccc], [Location.Cfc]),
        new("InterpX_ccc", [Location.Fcc], [Location.Ccc]),
        new("InterpY_ccc", [Location.Cfc], [Location.Ccc]),
        new("InterpXY_fcc", [Location.Cfc], [Location.Fcc]),
        new("InterpXY_cfc", [Location.Fcc], [Location.Cfc]),
        new("Div_ccc", [Location.Fcc, Location.Cfc], [Location.Ccc]),
        new("Curl_ffc", [Location.Fcc, Location.Cfc], [Location.Ffc]),
        new("Lap_ccc", [Location.Ccc], [Location.Ccc]),
    ];

    public static OperatorCase Get(string name) => All.Single(c => c.Name == name);

    public void Forward<TV>(ComputeDevice d, GridView<Real, TV> g, TV[] x, TV[] y, int nx, int ny)
        where TV : struct, IFieldView<Real, TV>
    {
        switch (Name)
        {
            case "DiffX_fcc": d.Launch(new DiffX_fcc.Kernel<Real, TV>(g, x[0], y[0]), nx, ny); break;
            case "DiffY_cfc": d.Launch(new DiffY_cfc.Kernel<Real, TV>(g, x[0], y[0]), nx, ny); break;
            case "DiffX_ccc": d.Launch(new DiffX_ccc.Kernel<Real, TV>(g, x[0], y[0]), nx, ny); break;
            case "DiffY_ccc": d.Launch(new DiffY_ccc.Kernel<Real, TV>(g, x[0], y[0]), nx, ny); break;
            case "InterpX_fcc": d.Launch(new InterpX_fcc.Kernel<Real, TV>(g, x[0], y[0]), nx, ny); break;
            case "InterpY_cfc": d.Launch(new InterpY_cfc.Kernel<Real, TV>(g, x[0], y[0]), nx, ny); break;
            case "InterpX_ccc": d.Launch(new InterpX_ccc.Kernel<Real, TV>(g, x[0], y[0]), nx, ny); break;
            case "InterpY_ccc": d.Launch(new InterpY_ccc.Kernel<Real, TV>(g, x[0], y[0]), nx, ny); break;
            case "InterpXY_fcc": d.Launch(new InterpXY_fcc.Kernel<Real, TV>(g, x[0], y[0]), nx, ny); break;
            case "InterpXY_cfc": d.Launch(new InterpXY_cfc.Kernel<Real, TV>(g, x[0], y[0]), nx, ny); break;
            case "Div_ccc": d.Launch(new Div_ccc.Kernel<Real, TV>(g, x[0], x[1], y[0]), nx, ny); break;
            case "Curl_ffc": d.Launch(new Curl_ffc.Kernel<Real, TV>(g, x[0], x[1], y[0]), nx, ny); break;
            case "Lap_ccc": d.Launch(new Lap_ccc.Kernel<Real, TV>(g, x[0], y[0]), nx, ny); break;
            default: throw new InvalidOperationException(Name);
        }
    }

    /// <summary>Launches the transpose: <paramref name="y"/> are adjoints of the outputs, <paramref name="x"/> accumulate adjoints of the inputs.</summary>
    public void Transpose<TV>(ComputeDevice d, GridView<Real, TV> g, TV[] y, TV[] x, int nx, int ny)
        where TV : struct, IFieldView<Real, TV>
    {
        switch (Name)
        {
            case "DiffX_fcc": d.Launch(new DiffX_fcc.TransposeKernel<Real, TV>(g, y[0], x[0]), nx, ny); break;
            case "DiffY_cfc": d.Launch(new DiffY_cfc.TransposeKernel<Real, TV>(g, y[0], x[0]), nx, ny); break;
            case "DiffX_ccc": d.Launch(new DiffX_ccc.TransposeKernel<Real, TV>(g, y[0], x[0]), nx, ny); break;
            case "DiffY_ccc": d.Launch(new DiffY_ccc.TransposeKernel<Real, TV>(g, y[0], x[0]), nx, ny); break;
            case "InterpX_fcc": d.Launch(new InterpX_fcc.TransposeKernel<Real, TV>(g, y[0], x[0]), nx, ny); break;
            case "InterpY_cfc": d.Launch(new InterpY_cfc.TransposeKernel<Real, TV>(g, y[0], x[0]), nx, ny); break;
            case "InterpX_ccc": d.Launch(new InterpX_ccc.TransposeKernel<Real, TV>(g, y[0], x[0]), nx, ny); break;
            case "InterpY_ccc": d.Launch(new InterpY_ccc.TransposeKernel<Real, TV>(g, y[0], x[0]), nx, ny); break;
            case "InterpXY_fcc": d.Launch(new InterpXY_fcc.TransposeKernel<Real, TV>(g, y[0], x[0]), nx, ny); break;
            case "InterpXY_cfc": d.Launch(new InterpXY_cfc.TransposeKernel<Real, TV>(g, y[0], x[0]), nx, ny); break;
            case "Div_ccc": d.Launch(new Div_ccc.TransposeKernel<Real, TV>(g, y[0], x[0], x[1]), nx, ny); break;
            case "Curl_ffc": d.Launch(new Curl_ffc.TransposeKernel<Real, TV>(g, y[0], x[0], x[1]), nx, ny); break;
            case "Lap_ccc": d.Launch(new Lap_ccc.TransposeKernel<Real, TV>(g, y[0], x[0]), nx, ny); break;
            default: throw new InvalidOperationException(Name);
        }
    }
}
