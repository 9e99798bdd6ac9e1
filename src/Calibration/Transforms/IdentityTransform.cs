namespace ClimateAD.Calibration.Transforms;

/// <summary>θ = u, dθ/du = 1: no bounds are enforced.</summary>
public sealed class IdentityTransform : ParameterTransform
{
    private IdentityTransform()
    {
    }

    /// <summary>The single instance.</summary>
    public static IdentityTransform Instance { get; } = new();

    /// <inheritdoc />
    public override TransformKind Kind => TransformKind.Identity;

    /// <inheritdoc />
    public override double ToParameter(double u) => u;

    /// <inheritdoc />
    public override double ToUnbounded(double theta) => theta;

    /// <inheritdoc />
    public override double Derivative(double u) => 1.0;

    /// <inheritdoc />
    public override bool Admits(double theta) => double.IsFinite(theta);
}
