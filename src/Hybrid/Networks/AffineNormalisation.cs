namespace ClimateAD.Hybrid.Networks;

/// <summary>
/// Per-feature affine normalisation stored with a network. On the input side it maps physical
/// values to network units, <c>x̂_i = (x_i − Shift_i) / Scale_i</c>; on the output side it maps back,
/// <c>y_i = ŷ_i · Scale_i + Shift_i</c>. Typically <c>Shift</c> is a training-set mean and
/// <c>Scale</c> a standard deviation, both in the physical units of the feature. Exported to ONNX
/// as <c>Sub</c>/<c>Div</c> (input) and <c>Mul</c>/<c>Add</c> (output) with constant initialisers.
/// Normalisation constants are fixed data, not trainable weights.
/// </summary>
public sealed class AffineNormalisation
{
    /// <summary>A normalisation with the given shifts and scales (equal lengths; scales finite and non-zero).</summary>
    public AffineNormalisation(double[] shift, double[] scale)
    {
        ArgumentNullException.ThrowIfNull(shift);
        ArgumentNullException.ThrowIfNull(scale);
        if (shift.Length != scale.Length || shift.Length == 0)
            throw new ArgumentException($"Normalisation needs equal, non-zero lengths of shift ({shift.Length}) and scale ({scale.Length}).");
        for (int i = 0; i < scale.Length; i++)
            if (!(double.IsFinite(scale[i]) && scale[i] != 0.0) || !double.IsFinite(shift[i]))
                throw new ArgumentException($"Normalisation feature {i}: shift {shift[i]} and scale {scale[i]} must be finite and the scale non-zero.");
        Shift = shift;
        Scale = scale;
    }

    /// <summary>The identity normalisation of width <paramref name="size"/> (shift 0, scale 1).</summary>
    public static AffineNormalisation Identity(int size) => new(new double[size], Enumerable.Repeat(1.0, size).ToArray());

    /// <summary>Per-feature shifts (physical units).</summary>
    public double[] Shift { get; }

    /// <summary>Per-feature scales (physical units).</summary>
    public double[] Scale { get; }

    /// <summary>Number of features.</summary>
    public int Size => Shift.Length;

    /// <summary>True when every shift is 0 and every scale 1.</summary>
    public bool IsIdentity => Shift.All(s => s == 0.0) && Scale.All(s => s == 1.0);

    /// <summary>Shifts and scales of a data matrix's columns: mean and population standard deviation (1 where it is 0).</summary>
    /// <param name="rows">Row-major samples, <paramref name="width"/> values per row.</param>
    /// <param name="width">Number of features.</param>
    public static AffineNormalisation FromData(ReadOnlySpan<double> rows, int width)
    {
        int n = rows.Length / width;
        if (n == 0 || rows.Length != n * width) throw new ArgumentException($"Data length {rows.Length} is not a positive multiple of {width}.");
        double[] mean = new double[width], sd = new double[width];
        for (int r = 0; r < n; r++) for (int i = 0; i < width; i++) mean[i] += rows[r * width + i];
        for (int i = 0; i < width; i++) mean[i] /= n;
        for (int r = 0; r < n; r++) for (int i = 0; i < width; i++) { double d = rows[r * width + i] - mean[i]; sd[i] += d * d; }
        for (int i = 0; i < width; i++) { sd[i] = Math.Sqrt(sd[i] / n); if (sd[i] == 0) sd[i] = 1.0; }
        return new AffineNormalisation(mean, sd);
    }
}
