using ClimateAD.IO.Scenarios;

namespace ClimateAD.Cli.Running;

/// <summary>
/// The <c>mean_x</c> sensitivity of a Lorenz-96 scenario: <c>J = (1/K) Σ_k mean_{n∈W} X_k[n]</c>
/// through <see cref="CheckpointedSensitivity"/>, from the spun-up state.
/// </summary>
internal static class Lorenz96Sensitivity
{
    /// <summary>Computes the sensitivity, printing the plan and the counts to <paramref name="log"/>.</summary>
    public static SensitivityOutput Compute(Scenario s, SensitivitySpec spec, TextWriter log)
    {
        var (step, theta, x0) = Lorenz96Run.Build(s);
        int k = step.Tendency.SlowCount;
        var weights = new double[step.StateLength];
        for (int i = 0; i < k; i++) weights[i] = 1.0 / k;
        return CheckpointedSensitivity.Compute(s, spec, new CheckpointedSensitivity.Problem(step, theta, x0, weights, "1",
            "the slow variables X_k, averaged over k",
            $"state component after spin-up: 0..{k - 1} = X_k, then Y_j,k at K + kJ + j",
            s.Parameters.Table.Select(p => p.Name).ToArray()), log);
    }
}
