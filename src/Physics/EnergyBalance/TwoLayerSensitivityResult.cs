namespace ClimateAD.Physics.EnergyBalance;

/// <summary>
/// A scalar diagnostic J of a two-layer run and its gradients, from one forward and one adjoint
/// sweep (<see cref="TwoLayerSensitivity"/>).
/// </summary>
/// <param name="Value">J (for <see cref="TwoLayerSensitivity.MeanTemperature"/>: K).</param>
/// <param name="ParameterGradient">dJ/dθ, θ in <see cref="TwoLayerParameterTable.All"/> order (14 values; J per unit of each parameter).</param>
/// <param name="ForcingGradient">
/// dJ/dF[n] for every step n of the forcing basis (J per W m⁻²): the sensitivity to the forcing held
/// over step n, F̄[n] = (∂x[n+1]/∂F[n])ᵀ λ[n+1] (Γᵀλ[n+1] for the exact integrator); zero after the
/// last averaged step. dJ/dθ[pₖ] contains Σₙ Gₖ[n] F̄[n].
/// </param>
/// <param name="InitialStateGradient">dJ/dx[0] = λ[0], x = (T, T₀) (J per K).</param>
/// <param name="FirstStep">First step n whose end state x[n+1] enters the mean.</param>
/// <param name="LastStep">Last step n whose end state x[n+1] enters the mean.</param>
public sealed record TwoLayerSensitivityResult(
    double Value,
    double[] ParameterGradient,
    double[] ForcingGradient,
    double[] InitialStateGradient,
    int FirstStep,
    int LastStep);
