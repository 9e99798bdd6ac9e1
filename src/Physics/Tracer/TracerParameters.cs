namespace ClimateAD.Physics.Tracer;

/// <summary>
/// The tracer model's parameters as a validated value (<see cref="TracerParameterTable"/>):
/// diffusivity κ (m² s⁻¹) and velocity scale factor s (1) in <c>∂c/∂t + ∇·(s u c) = κ ∇²c</c>.
/// </summary>
/// <param name="Diffusivity">κ (m² s⁻¹), finite and ≥ 0 for a well-posed forward problem.</param>
/// <param name="VelocityScale">s (1), finite.</param>
public readonly record struct TracerParameters(double Diffusivity, double VelocityScale)
{
    /// <summary>The table defaults: κ = 0, s = 1.</summary>
    public static TracerParameters Default => new(0.0, 1.0);

    /// <summary>Reads θ = (κ, s).</summary>
    /// <exception cref="ArgumentException">θ does not have two finite values.</exception>
    public static TracerParameters FromTheta(ReadOnlySpan<double> theta)
    {
        if (theta.Length != TracerParameterTable.All.Count)
            throw new ArgumentException($"The tracer model has {TracerParameterTable.All.Count} parameters (κ, s); got {theta.Length}.", nameof(theta));
        if (!double.IsFinite(theta[0]) || !double.IsFinite(theta[1]))
            throw new ArgumentException($"Tracer parameters must be finite (κ = {theta[0]}, s = {theta[1]}).", nameof(theta));
        return new(theta[TracerParameterTable.DiffusivityIndex], theta[TracerParameterTable.VelocityScaleIndex]);
    }

    /// <summary>θ = (κ, s).</summary>
    public double[] ToTheta() => [Diffusivity, VelocityScale];
}
