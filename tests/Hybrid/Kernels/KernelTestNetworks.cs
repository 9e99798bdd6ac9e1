using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;
using ClimateAD.Hybrid.Kernels;
using ClimateAD.Hybrid.Networks;

namespace ClimateAD.Hybrid.Tests.Kernels;

/// <summary>Networks and stacked input blocks shared by the kernel tests.</summary>
internal static class KernelTestNetworks
{
    public static readonly Activation[] All =
        [Activation.Identity, Activation.Tanh, Activation.Relu, Activation.Gelu, Activation.Softplus, Activation.Sigmoid];

    /// <summary>3 → 16 → 12 → 2 with <paramref name="activation"/> on every layer, random weights and biases, non-trivial normalisation.</summary>
    public static DenseNetwork Create(Activation activation, int seed = 7)
    {
        var input = new AffineNormalisation([280.0, -1.5, 0.02], [15.0, 3.0, 0.01]);
        var output = new AffineNormalisation([0.5, -2.0], [2.5, 0.4]);
        var net = DenseNetwork.Create([3, 16, 12, 2], activation, activation, seed, input, output);
        var rng = new Random(seed + 100);
        for (int k = 0; k < net.ParameterCount; k++) net.Weights[k] = 1.2 * (2 * rng.NextDouble() - 1);
        return net;
    }

    /// <summary>Physical-looking inputs: feature f = shift_f + scale_f · U(−2, 2).</summary>
    public static double[] Inputs(DenseNetwork net, int points, int seed)
    {
        var rng = new Random(seed);
        var x = new double[net.InputSize * points];
        for (int f = 0; f < net.InputSize; f++)
            for (int p = 0; p < points; p++)
                x[f * points + p] = net.InputNormalisation.Shift[f] + net.InputNormalisation.Scale[f] * (4 * rng.NextDouble() - 2);
        return x;
    }

    public static double[] Random(int length, int seed)
    {
        var rng = new Random(seed);
        var v = new double[length];
        for (int k = 0; k < length; k++) v[k] = 2 * rng.NextDouble() - 1;
        return v;
    }

    /// <summary>A block on the network's device holding <paramref name="values"/> ([F, ny, nx] order), copied to the device.</summary>
    public static FieldStorage<Real> Block(GridNetwork g, double[] values)
    {
        var b = new FieldStorage<Real>(g.Device, values.Length);
        values.CopyTo(GridNetwork.AsDoubles(b));
        b.CopyToDevice();
        return b;
    }

    /// <summary>The block's values after the device finished.</summary>
    public static double[] Read(FieldStorage<Real> b)
    {
        b.CopyToHost();
        return GridNetwork.AsDoubles(b).ToArray();
    }

    /// <summary>Feature-major [F, points] → point-major rows (DenseNetwork batch layout).</summary>
    public static double[] ToRows(double[] stacked, int features, int points)
    {
        var rows = new double[stacked.Length];
        for (int f = 0; f < features; f++)
            for (int p = 0; p < points; p++)
                rows[p * features + f] = stacked[f * points + p];
        return rows;
    }

    public static double MaxAbs(double[] v) => v.Max(Math.Abs);

    /// <summary>max |a − b| / max |b|.</summary>
    public static double RelativeError(double[] a, double[] b)
    {
        double d = 0;
        for (int k = 0; k < a.Length; k++) d = Math.Max(d, Math.Abs(a[k] - b[k]));
        return d / Math.Max(MaxAbs(b), double.Epsilon);
    }
}
