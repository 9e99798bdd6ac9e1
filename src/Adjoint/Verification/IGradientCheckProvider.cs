namespace ClimateAD.Adjoint.Verification;

/// <summary>
/// Registers an assembly's differentiable components with the gradient-check harness. A
/// component is registered once, by a provider class with a parameterless constructor;
/// <see cref="GradientCheckRegistry.Discover"/> finds every provider, and the test suites and
/// <c>climatead gradcheck</c> run all checks on everything registered.
/// </summary>
public interface IGradientCheckProvider
{
    /// <summary>Adds this provider's cases to <paramref name="registry"/>.</summary>
    void Register(GradientCheckRegistry registry);
}
