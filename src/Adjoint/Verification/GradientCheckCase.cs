using ClimateAD.Adjoint.Costs;

namespace ClimateAD.Adjoint.Verification;

/// <summary>
/// A differentiable step at a point, with what the three checks of DESIGN.md §3 need: the
/// linearisation state and parameters, the trajectory length and the cost for the Taylor and
/// finite-difference checks, and which parameters to difference.
/// </summary>
/// <param name="Name">Unique component name, e.g. <c>Lorenz63.Euler</c>.</param>
/// <param name="Step">The step under test.</param>
/// <param name="State">Linearisation state / initial state <c>x[0]</c> (length = <see cref="IDifferentiableStep.StateLength"/>).</param>
/// <param name="Parameters">Parameters <c>θ</c> (length = <see cref="IDifferentiableStep.ParameterLength"/>).</param>
public sealed record GradientCheckCase(string Name, IDifferentiableStep Step, double[] State, double[] Parameters)
{
    /// <summary>Trajectory length <c>L</c> for the Taylor and finite-difference checks.</summary>
    public int Steps { get; init; } = 20;

    /// <summary>
    /// Cost for the Taylor and finite-difference checks; when <c>null</c>,
    /// <see cref="GradientChecker"/> builds a quadratic misfit of every state component at every
    /// step to a perturbed reference trajectory, plus a background term on <c>θ</c>.
    /// </summary>
    public ITrajectoryCost? Cost { get; init; }

    /// <summary>Parameter indices to check by finite differences; all when <c>null</c>.</summary>
    public IReadOnlyList<int>? CheckedParameters { get; init; }

    /// <summary>Initial-state components to check by finite differences; component 0 when <c>null</c>.</summary>
    public IReadOnlyList<int>? CheckedStateComponents { get; init; }
}
