using ClimateAD.Adjoint.Verification;
using ClimateAD.Physics.EnergyBalance;

namespace ClimateAD.Calibration.Models;

/// <summary>
/// Registers <see cref="TwoLayerObservedStep"/> (exact and rk4) with the gradient-check harness
/// (DESIGN.md §3): 60 annual steps of the synthetic ERF history from 1850 at x[0] = (0.4, 0.1, 0)
/// with the parameters of <see cref="TwoLayerGradientChecks.CheckParameters"/> and the harness's
/// default cost (which observes N too); all 14 parameters and T, T₀ checked by finite differences.
/// </summary>
public sealed class TwoLayerObservedStepChecks : IGradientCheckProvider
{
    /// <summary>Registered name for <paramref name="integrator"/>, e.g. <c>Calibration.EbmObserved.Exact</c>.</summary>
    public static string Name(TwoLayerIntegrator integrator) => "Calibration.EbmObserved." + integrator;

    /// <summary>The case for <paramref name="integrator"/>.</summary>
    public static GradientCheckCase Case(TwoLayerIntegrator integrator) =>
        new(Name(integrator), new TwoLayerObservedStep(TwoLayerSyntheticForcing.Basis(1850, 1949), integrator),
            [0.4, 0.1, 0.0], TwoLayerGradientChecks.CheckParameters())
        { Steps = 60, CheckedStateComponents = [0, 1] };

    /// <inheritdoc />
    public void Register(GradientCheckRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var integrator in new[] { TwoLayerIntegrator.Exact, TwoLayerIntegrator.Rk4 })
            registry.Register(Name(integrator), () => Case(integrator));
    }
}
