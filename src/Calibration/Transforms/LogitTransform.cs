namespace ClimateAD.Calibration.Transforms;

/// <summary>
/// θ = a + (b − a) σ(u), σ(u) = 1/(1 + e⁻ᵘ); u = ln((θ − a)/(b − θ)); dθ/du = (θ − a)(b − θ)/(b − a).
/// Keeps a &lt; θ &lt; b for every finite u. Near either bound it behaves like a log transform of
/// the distance to that bound.
/// </summary>
public sealed class LogitTransform : ParameterTransform
{
    /// <summary>A logit transform onto (<paramref name="lower"/>, <paramref name="upper"/>).</summary>
    public LogitTransform(double lower, double upper)
    {
        if (!(double.IsFinite(lower) && double.IsFinite(upper) && lower < upper))
            throw new ArgumentException($"Bounds must be finite with lower < upper; got [{lower}, {upper}].");
        Lower = lower;
        Upper = upper;
    }

    /// <summary>The lower bound a.</summary>
    public double Lower { get; }

    /// <summary>The upper bound b.</summary>
    public double Upper { get; }

    /// <inheritdoc />
    public override TransformKind Kind => TransformKind.Logit;

    /// <inheritdoc />
    public override double ToParameter(double u)
    {
        // σ(u) written to stay accurate for large |u|.
        double s = u >= 0 ? 1.0 / (1.0 + Math.Exp(-u)) : Math.Exp(u) / (1.0 + Math.Exp(u));
        return Lower + (Upper - Lower) * s;
    }

    /// <inheritdoc />
    public override double ToUnbounded(double theta) =>
        Admits(theta)
            ? Math.Log((theta - Lower) / (Upper - theta))
            : throw new ArgumentOutOfRangeException(nameof(theta), theta, $"Must lie strictly inside ({Lower}, {Upper}).");

    /// <inheritdoc />
    public override double Derivative(double u)
    {
        double e = Math.Exp(-Math.Abs(u));
        return (Upper - Lower) * e / ((1.0 + e) * (1.0 + e));
    }

    /// <inheritdoc />
    public override bool Admits(double theta) => double.IsFinite(theta) && theta > Lower && theta < Upper;
}
